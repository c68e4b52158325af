/**
 * The core's vocabulary: sheet-shaped values in, analysis and plans out.
 * Nothing here knows about Excel, the DOM or Node.
 */
import type { ItemState } from './itemStates';

export type { ItemState } from './itemStates';

/** An error value in a cell, as the host reports it (`#N/A`, `#REF!`, ...). */
export interface CellError {
  readonly error: string;
}

/** One cell's value as a host gives it; `null` and `""` are empty. */
export type CellValue = string | number | boolean | null | CellError;

/** A snapshot of one worksheet's used range. */
export interface SheetSnapshot {
  /** Worksheet name. */
  readonly name: string;
  /** Address of the top-left cell of `values`, e.g. "A1" (the used range may start elsewhere). */
  readonly origin: string;
  /** Cell values, row by row. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats, same shape as `values`, where the host knows them (tells a date serial from a number). */
  readonly numberFormats?: readonly (readonly string[])[];
  /** Formulas, same shape as `values` ("" where none), where the host knows them: a formula showing "" is not an empty cell. */
  readonly formulas?: readonly (readonly string[])[];
  /** Merged areas as A1 ranges ("B5:C5"): no cell of one is free for the status column. */
  readonly merges?: readonly string[];
  /** Areas under the user's data validation, as A1 ranges: not free for the status column either. */
  readonly validations?: readonly string[];
}

/** How numeric dates are written: day first (UK, "05/06/2023" is 5 June) or month first (US). Year-first dates read as such either way. */
export type DateOrder = 'dmy' | 'mdy';

/** Whose financial year a "FY2024" or "Q3 FY2025" means: UK April-March, US federal October-September, Australian July-June. */
export type FiscalYear = 'uk' | 'us' | 'au';
/** Every financial year convention, as settings and the command accept them. */
export const FISCAL_YEARS: readonly FiscalYear[] = ['uk', 'us', 'au'];

/** How a column's dates are read: its order of numeric dates and the body's financial year. */
export interface DateReading {
  readonly order: DateOrder;
  readonly fiscal: FiscalYear;
}

/** The columns the checker understands. */
export type Role =
  | 'id'
  | 'subject'
  | 'statutory'
  | 'lead'
  | 'timescale'
  | 'recommendation'
  | 'progress'
  | 'rating'
  | 'priority'
  | 'originalTimescale'
  | 'completed'
  | 'days'
  | 'opinion';

export const ROLES: readonly Role[] = [
  'id',
  'subject',
  'statutory',
  'lead',
  'timescale',
  'recommendation',
  'progress',
  'rating',
  'priority',
  'originalTimescale',
  'completed',
  'days',
  'opinion',
];

/** What the table lists: recommendations (an action plan), or audits and tasks (a plan of work with days and opinions). */
export type TableKind = 'recommendations' | 'audits';

/** One level of a rating scale, best first. */
export interface RatingLevel {
  /** Stable key used in statistics and JSON (`completely`, `notMet`, ...). */
  readonly key: string;
  /** Label shown to people. */
  readonly label: string;
  /** Contribution to the weighted score, 0..1; null on scales without weights (RAG, implementation status). */
  readonly weight: number | null;
  /** Words people write for this level, compared case-, space- and punctuation-insensitively. */
  readonly synonyms: readonly string[];
  /** The level means done. Without the flag on any level of a scale, its first level means done. */
  readonly complete?: boolean;
  /** Left out of completion figures (withdrawn, not applicable, overtaken by events). */
  readonly excluded?: boolean;
  /** Not done, but not contradicted by completion evidence elsewhere in the row (RAG Green: on track). */
  readonly onTrack?: boolean;
  /** Percent scales: the lowest percentage in this level's band. */
  readonly minPercent?: number;
}

/** A rating scale's levels, ordered best first. */
export type RatingScale = readonly RatingLevel[];

/** The built-in scales' names; `custom` is a scale defined in settings or a file. */
export type ScaleName = 'extent' | 'implementation' | 'rag' | 'percent' | 'custom';

/** A status scale: its name, what people call it, and its levels best first. */
export interface StatusScale {
  readonly name: ScaleName;
  readonly label: string;
  readonly levels: RatingScale;
}

/** Options for one analysis. Dates are ISO `YYYY-MM-DD`. */
export interface AnalyseOptions {
  /** Position date chosen by the user; wins over a date in the title rows. */
  readonly asAt?: string;
  /** Today's date, injected so the core stays deterministic. */
  readonly today: string;
  /** Column letters that override the detected column for a role (`{ timescale: "D" }`). */
  readonly columns?: Partial<Record<Role, string>>;
  /** 1-based worksheet row of the header, overriding detection. */
  readonly headerRow?: number;
  /** 1-based number of the block (a header and its rows) to read, where a sheet holds several (T2); default: every block with the columns of the header found. */
  readonly block?: number;
  /** A custom rating scale; wins over `scale`. */
  readonly ratingScale?: RatingScale;
  /** A built-in scale to use instead of detecting one from the table's values. */
  readonly scale?: Exclude<ScaleName, 'custom'>;
  /** Days ahead in which an unfinished item counts as due soon (default 30). */
  readonly dueSoonDays?: number;
  /** Days of slippage beyond which a moved target is SLIPPED_REPEATEDLY (default 180). */
  readonly slipDays?: number;
  /** The body's financial year, for "FY2024" and "Q3 FY2025"; without it, US federal when the sheet writes dates month-first, else UK. */
  readonly fiscalYear?: FiscalYear;
  /** Whether the format plan includes the status column (default true). */
  readonly statusColumn?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

/** Stable rule IDs; each is described in SPEC.md and cited by the tests that prove it. */
export type RuleId =
  | 'TABLE_NOT_FOUND'
  | 'COLUMN_MISSING'
  | 'ID_MISSING'
  | 'ID_DUPLICATE'
  | 'ID_SEQUENCE_GAP'
  | 'ID_FORMAT'
  | 'FIELD_MISSING'
  | 'STATUTORY_MISSING'
  | 'STATUTORY_UNKNOWN'
  | 'TIMESCALE_MISSING'
  | 'TIMESCALE_UNPARSED'
  | 'TIMESCALE_NO_DEADLINE'
  | 'TIMESCALE_YEAR_INFERRED'
  | 'TIMESCALE_COMPLETE_MISMATCH'
  | 'RATING_MISSING'
  | 'RATING_UNKNOWN'
  | 'RATING_CONFLICT'
  | 'OVERDUE'
  | 'DUE_SOON'
  | 'CELL_ERROR'
  | 'STATUS_COLUMN_MOVED'
  | 'STATUS_COLUMN_COVERED'
  | 'AS_AT_ASSUMED'
  | 'COMPLETION_CONFLICT'
  | 'SLIPPED'
  | 'SLIPPED_REPEATEDLY'
  | 'DATE_ORDER_ASSUMED'
  | 'FISCAL_YEAR_ASSUMED'
  | 'DATE_IMPOSSIBLE'
  | 'COMPLETION_DATE_CONFLICT'
  | 'BLOCKS_FOUND'
  | 'ROWS_SKIPPED';

/** A problem found in the user's data: a value, never a thrown error. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** A1 address on the analysed sheet, or null when the finding is about the whole sheet. */
  readonly cell: string | null;
  /** 1-based worksheet row, or null. */
  readonly row: number | null;
  /** The recommendation's reference as written ("R5"), or null. */
  readonly id: string | null;
  /** What is wrong and what to do, for a finance officer. */
  readonly message: string;
}

export type TimescaleKind = 'date' | 'ongoing' | 'complete' | 'none' | 'missing' | 'unparsed';

/** A timescale cell read as a due date. */
export interface Timescale {
  readonly text: string;
  readonly kind: TimescaleKind;
  /** Due date `YYYY-MM-DD` when kind is `date`, else null. */
  readonly due: string | null;
  /** True when the due date's year was not written and was placed after the document date. */
  readonly yearInferred: boolean;
  /** A date written that does not exist ("31/09/2022", "2022/02/30"), as written, when the cell has one. */
  readonly impossible?: string;
}

/** Where on the sheet the as-at date was read (T3): the title rows, a line under or between the tables, a cell beside the table. */
export type AsAtPlace = 'title' | 'below' | 'beside';

/** Where the as-at date came from. */
export type AsAtSource = 'option' | 'sheet' | 'assumed';

/** The located table: worksheet coordinates, 1-based rows, column letters. */
export interface TableLocation {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** First and last column letters of the table (header cells with content). */
  readonly firstColumn: string;
  readonly lastColumn: string;
  readonly columns: Readonly<Record<Role, string | null>>;
  /** Header text per role, as written. */
  readonly headers: Readonly<Record<Role, string | null>>;
  /** Every header cell of the table, for choosing columns by hand. */
  readonly headerCells: readonly { readonly column: string; readonly text: string }[];
  /** First row of the header: the header row, or the group-heading row above it in a two-row header. */
  readonly firstHeaderRow: number;
  /** Tick-mark columns headed by level names ("Implemented", "Not implemented", ...), read as the status. */
  readonly statusTicks: readonly string[];
  /** The name of the scale the table's statuses are read on. */
  readonly scale: ScaleName;
}

/** One block of a sheet: a header and the rows under it (T2). */
export interface TableBlock {
  /** 1-based, top to bottom; what `block` chooses. */
  readonly number: number;
  readonly headerRow: number;
  /** The block's first row (its heading, else its first header row) and its last recommendation's row. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** The heading line above its header ("Recommendations to the Treasury"), or null. */
  readonly heading: string | null;
  /** Recommendations in the block. */
  readonly items: number;
  /** Whether the block was read. */
  readonly read: boolean;
  /** Whether its columns are those of the block(s) read. */
  readonly sameColumns: boolean;
}

/** One recommendation read from one row. */
export interface Recommendation {
  readonly id: string | null;
  readonly row: number;
  /** The section heading (or block heading) the recommendation sits under, or null (T2). */
  readonly section: string | null;
  readonly subject: string;
  readonly statutory: boolean | null;
  readonly lead: string;
  readonly recommendation: string;
  /** Rating level key, or null when unrated or unrecognised; the complete level's key when an empty status is filled by "Done" elsewhere in the row. */
  readonly rating: string | null;
  /** The rating level's label in the table's scale, or null. */
  readonly level: string | null;
  /** Where the rating came from: the status (column, tick marks or "Recommendation met" phrase), "Done" elsewhere in the row with an empty status (counted at the complete level), or null when unrated. */
  readonly ratingSource: 'status' | 'completion words' | null;
  /** The one state (SPEC S1): what the status column writes and every figure counts. */
  readonly state: ItemState;
  /** The date in the completion-date column ("Date completed"), ISO, when it holds one. */
  readonly completedOn?: string | null;
  /** Done: the state is Complete (a complete level, or "Done" elsewhere in the row when the status cell is empty). */
  readonly complete: boolean;
  /** Left out of completion figures (not applicable, withdrawn, overtaken by events). */
  readonly excluded: boolean;
  /** The priority level's label ("High", "Priority 1"), or null. */
  readonly priority: string | null;
  /** 0..100 where the status is a percentage. */
  readonly percent: number | null;
  /** The first agreed target, ISO, where the table records a revision (a second date column, or "revised from"). */
  readonly originalDue: string | null;
  /** How many times the target moved. */
  readonly revisions: number;
  /** Current due date minus the original, in days; 0 when not slipped. */
  readonly slippedDays: number;
  /** Open (not complete, not excluded) and past its original target at the as-at date. */
  readonly pastOriginal: boolean;
  readonly timescale: Timescale;
  /** The state is Overdue. */
  readonly overdue: boolean;
  /** Days past the due date at the position date when Overdue, else 0. */
  readonly daysOverdue: number;
  /** The state is Due soon or Due today. */
  readonly dueSoon: boolean;
  /** Days until due when Due soon (0 when Due today), else null. */
  readonly daysToDue: number | null;
  /** Data problems for the data-check column ("Rating unclear", "Check timescale", "Slipped 2x (+240 days)", ...), apart from the state. */
  readonly checks: readonly string[];
}

export interface LevelCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** Share of all recommendations, 0..1. */
  readonly share: number;
}

/** Counts for a set of items; every count is of items, each on one base (SPEC S1 "What each figure counts"). */
export interface GroupStats {
  readonly total: number;
  /** Items with a level on the scale (rated + unrated = total). */
  readonly rated: number;
  /** Items with no level on the scale. */
  readonly unrated: number;
  /** Items at the scale's top level ("Completely", "Implemented", "Blue", "100%"). */
  readonly completely: number;
  /** Items whose state is Complete. */
  readonly complete: number;
  /** Items whose state is Not counted. */
  readonly excluded: number;
  /** Items whose state is Overdue. */
  readonly overdue: number;
  /** Items whose state is Due soon or Due today. */
  readonly dueSoon: number;
  /** Items per state; the states add up to `total`. */
  readonly byState: Readonly<Record<ItemState, number>>;
  /** Items whose target moved (S2). */
  readonly slipped: number;
  /** Open items past their original target, whatever it was revised to. */
  readonly pastOriginal: number;
  /** complete / (total - excluded), 0..1 (0 when nothing counts). */
  readonly completionRate: number;
}

export interface PriorityStats extends GroupStats {
  readonly priority: string;
}

export interface LeadStats {
  readonly lead: string;
  readonly total: number;
  /** Items whose state is Complete (the name is kept from earlier versions; equal to `complete`). */
  readonly completely: number;
  readonly complete: number;
  readonly overdue: number;
  readonly unrated: number;
  readonly slipped: number;
  readonly pastOriginal: number;
}

export interface Ageing {
  readonly '1-30': number;
  readonly '31-90': number;
  readonly '91-365': number;
  readonly over365: number;
}

/** Completion statistics a careful officer would count by hand. */
export interface Statistics extends GroupStats {
  /** Mean weight over rated recommendations, 0..1, or null when none is rated. */
  readonly weightedScore: number | null;
  /** Count per rating level key, plus `unrated`; adds up to `total`. */
  readonly byRating: Readonly<Record<string, number>>;
  /** Count per level label, in the scale's order; with `unrated` adds up to `total`. */
  readonly byLevel: Readonly<Record<string, number>>;
  /** Per priority level, top first (empty when the table records no priority). */
  readonly byPriority: readonly PriorityStats[];
  /** Median days the slipped items moved, or null when none slipped (S2). */
  readonly medianSlippage: number | null;
  /** Whether any item records statutory status; without it there is no statutory split. */
  readonly recordsStatutory: boolean;
  readonly levels: readonly LevelCount[];
  readonly ageing: Ageing;
  readonly statutory: GroupStats & { readonly ageing: Ageing };
  readonly nonStatutory: GroupStats & { readonly ageing: Ageing };
  readonly byLead: readonly LeadStats[];
}

/** Everything the core concluded about one sheet. */
export interface Analysis {
  readonly sheet: string;
  /** Null when no table was found (see the TABLE_NOT_FOUND finding). */
  readonly table: TableLocation | null;
  readonly asAt: string;
  readonly asAtSource: AsAtSource;
  /** Where on the sheet the as-at date was read, when `asAtSource` is `sheet`. */
  readonly asAtPlace?: AsAtPlace;
  /** The date stated in the title rows, used to place year-less timescales; null if none. */
  readonly documentDate: string | null;
  readonly titleRows: readonly string[];
  /** Every block found on the sheet (one for a plain table; empty without one) (T2). */
  readonly blocks: readonly TableBlock[];
  readonly recommendations: readonly Recommendation[];
  readonly findings: readonly Finding[];
  readonly stats: Statistics;
  /** The levels of the table's scale (see `scaleName`). */
  readonly scale: RatingScale;
  readonly scaleName: ScaleName;
  /** What the table's scale is called ("Implementation status"), for messages and the summary. */
  readonly scaleLabel: string;
  /** What the table lists; a plan of audits gets no advice about recommendation text it does not have. */
  readonly tableKind?: TableKind;
  /** The words of the table's top priority level ("high", "h", "critical"), normalised; empty without a priority column. */
  readonly topPriorityWords: readonly string[];
}
