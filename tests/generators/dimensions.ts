/**
 * The dimensions a generated tracker varies along, each independently. The first variant of each dimension
 * is its baseline (the reference appendix's way); every other variant is a "family" that can be switched on
 * alone, so a failure is reported against the one feature that causes it (README.md describes each).
 */
export const DIMENSIONS = {
  /** Title lines (body, committee, report name): above the table, none, or below it. */
  title: ['above', 'none', 'below'],
  /** A blank row between the title lines and the table, or none. */
  titleGap: ['blank', 'adjacent'],
  /** Another date in the title lines that is not the position: the meeting's, or a year ended (only beside a stated position). */
  distractor: ['none', 'meetingDate', 'yearEnded'],
  /** How the position (as-at) date is stated, if at all. */
  position: [
    'asAt',
    'none',
    'asAtCell',
    'meeting',
    'yearEndedOnly',
    'asOf',
    'positionAt',
    'updatedOrdinal',
    'statusAt',
    'progressTo',
    'periodEnded',
    'besideTitle',
    'plainDate',
    'usNumeric',
  ],
  /** Header words: the common ones, rarer synonyms and case, or a two-row header. */
  header: ['common', 'rare', 'groupRowAbove', 'unitRow', 'twoRowSplit'],
  /** Labelled fields laid out as a grid (a dashboard, response pages): "Recommendation"/"Rec. #" over the numbers, a blank label over the texts, "To" over the addressee. */
  fieldLabels: ['none', 'dashboard'],
  /** Column order: the usual one or shuffled. */
  columnOrder: ['usual', 'shuffled'],
  /** Section headings between groups of rows, and headers repeated under each. */
  sections: ['none', 'singleCell', 'merged', 'repeatedHeaders'],
  /** Blank rows inside the table. */
  blanks: ['none', 'between'],
  /** Several blocks on one sheet, each with its own title line and header. */
  blocks: ['one', 'two'],
  /** Reference forms: R1/1/IA-style, or sub-references ("2(a)", "3.1", "1i)"). */
  references: ['plain', 'numbers', 'subRefs', 'noColumn'],
  /** A key or legend above or below the table. */
  keys: ['none', 'keyBelow', 'keyAbove'],
  /** A total row under the table, or subtotals under each section. */
  totals: ['none', 'total', 'subtotals'],
  /** Notes and document lines under the table. */
  footer: ['none', 'notes', 'documentLine'],
  /** Continuation rows: an item's progress note running on in the row below. */
  continuation: ['none', 'rows'],
  /** The status scale and how it is written. */
  scale: [
    'extentPhrases',
    'extentColumn',
    'implementation',
    'rag',
    'percentText',
    'percentFraction',
    'statusWords',
    'auditStages',
    'ticks',
    'tickSymbols',
    'keyedLights',
  ],
  /** A completion-date column beside the status, or as the only record of completion. */
  completionDate: ['none', 'column', 'only', 'withWords'],
  /** How the due dates are written (one form per table, "mixed" mixes the supported ones per cell). */
  dateForm: [
    'longText',
    'serial',
    'mixed',
    'monthYear',
    'quarterWords',
    'dmyText',
    'ymdText',
    'twoDigitYear',
    'mdyText',
    'usLong',
    'ukFinancial',
    'usFiscal',
    'periodWords',
    'yearless',
  ],
  /** A priority column. */
  priority: ['none', 'words', 'numbers'],
  /** An original target date beside the revised one, or in the timescale's own words ("31 March 2024 (revised from 31 December 2023)"). */
  revised: ['none', 'originalAndRevised', 'inText'],
  /** Planned and actual days columns, as in work tables of audits. */
  days: ['none', 'plannedActual'],
  /** Done items whose date cell says so ("Done", "Completed") instead of a date. */
  doneInDate: ['none', 'words'],
  /** Items with no date ("Ongoing", "TBC"). */
  undated: ['none', 'some'],
  /** Progress notes naming the dates of past events (a meeting, a decision), as real notes do: never a due date, position or status. */
  narrative: ['plain', 'dated'],
} as const;

export type Dimension = keyof typeof DIMENSIONS;
export type Variant<D extends Dimension> = (typeof DIMENSIONS)[D][number];
/** One tracker's layout: a variant of every dimension. */
export type Layout = { readonly [D in Dimension]: Variant<D> };
/** A family: one non-baseline variant of one dimension, written "dimension:variant". */
export type Family = { [D in Dimension]: `${D}:${Exclude<Variant<D>, (typeof DIMENSIONS)[D][0]>}` }[Dimension];

export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];

/** Every family, in the order of the dimensions. */
export const ALL_FAMILIES: readonly Family[] = DIMENSION_NAMES.flatMap((d) =>
  (DIMENSIONS[d] as readonly string[]).slice(1).map((v) => `${d}:${v}` as Family),
);

/** The variants of each dimension a tracker may draw from. */
export type Allowed = { readonly [D in Dimension]: readonly Variant<D>[] };

/** Every variant of every dimension allowed except the given families (the baselines always stay). */
export function allowedWithout(excluded: readonly Family[]): Allowed {
  const out: Record<string, readonly string[]> = {};
  for (const d of DIMENSION_NAMES) out[d] = (DIMENSIONS[d] as readonly string[]).filter((v) => !excluded.includes(`${d}:${v}` as Family));
  return out as unknown as Allowed;
}

/** The allowed variants with one family forced on (its dimension fixed to that variant). */
export function withFamily(allowed: Allowed, family: Family): Allowed {
  const [d, v] = family.split(':') as [Dimension, string];
  return { ...allowed, [d]: [v] } as Allowed;
}

/** True when the layout has every family of the combination switched on. */
export function hasAll(layout: Layout, combination: readonly Family[]): boolean {
  return combination.every((f) => {
    const [d, v] = f.split(':') as [Dimension, string];
    return layout[d] === v;
  });
}
