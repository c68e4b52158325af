/**
 * The core's vocabulary: sheet-shaped values in, analysis and plans out.
 * Nothing here knows about Excel, the DOM or Node.
 */

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

/** The columns the checker understands. */
export type Role = 'id' | 'subject' | 'statutory' | 'lead' | 'timescale' | 'recommendation' | 'progress' | 'rating';

export const ROLES: readonly Role[] = ['id', 'subject', 'statutory', 'lead', 'timescale', 'recommendation', 'progress', 'rating'];

/** One level of a rating scale, best first. */
export interface RatingLevel {
  /** Stable key used in statistics and JSON (`completely`, `notMet`, ...). */
  readonly key: string;
  /** Label shown to people. */
  readonly label: string;
  /** Contribution to the weighted score, 0..1. */
  readonly weight: number;
  /** Words people write for this level, compared case-, space- and punctuation-insensitively. */
  readonly synonyms: readonly string[];
}

/** A rating scale, ordered best first; the first level means "complete". */
export type RatingScale = readonly RatingLevel[];

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
  /** Rating scale; defaults to completely / significantly / moderately / partially / not met. */
  readonly ratingScale?: RatingScale;
  /** Days ahead in which an unfinished item counts as due soon (default 30). */
  readonly dueSoonDays?: number;
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
  | 'STATUS_COLUMN_MOVED';

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
}

/** Where the as-at date came from. */
export type AsAtSource = 'option' | 'sheet' | 'today';

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
}

/** One recommendation read from one row. */
export interface Recommendation {
  readonly id: string | null;
  readonly row: number;
  readonly subject: string;
  readonly statutory: boolean | null;
  readonly lead: string;
  readonly recommendation: string;
  /** Rating level key, or null when unrated or unrecognised. */
  readonly rating: string | null;
  readonly timescale: Timescale;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly dueSoon: boolean;
  /** Days until due when due soon, else null. */
  readonly daysToDue: number | null;
  /** Short words for the status column ("Overdue 245 days", "Unrated", ...). */
  readonly flags: readonly string[];
}

export interface LevelCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** Share of all recommendations, 0..1. */
  readonly share: number;
}

export interface GroupStats {
  readonly total: number;
  readonly rated: number;
  readonly unrated: number;
  readonly completely: number;
  readonly overdue: number;
  readonly dueSoon: number;
  /** completely / total, 0..1 (0 when total is 0). */
  readonly completionRate: number;
}

export interface LeadStats {
  readonly lead: string;
  readonly total: number;
  readonly completely: number;
  readonly overdue: number;
  readonly unrated: number;
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
  /** Count per rating level key, plus `unrated`. */
  readonly byRating: Readonly<Record<string, number>>;
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
  /** The date stated in the title rows, used to place year-less timescales; null if none. */
  readonly documentDate: string | null;
  readonly titleRows: readonly string[];
  readonly recommendations: readonly Recommendation[];
  readonly findings: readonly Finding[];
  readonly stats: Statistics;
  readonly scale: RatingScale;
}
