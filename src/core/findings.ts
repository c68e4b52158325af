import type { Finding, RuleId, Severity } from './types';

/** Default severity of each rule; OVERDUE is raised to an error for statutory items. */
export const SEVERITY: Readonly<Record<RuleId, Severity>> = {
  TABLE_NOT_FOUND: 'error',
  COLUMN_MISSING: 'warning',
  ID_MISSING: 'error',
  ID_DUPLICATE: 'error',
  ID_SEQUENCE_GAP: 'warning',
  ID_FORMAT: 'warning',
  FIELD_MISSING: 'warning',
  STATUTORY_MISSING: 'warning',
  STATUTORY_UNKNOWN: 'warning',
  TIMESCALE_MISSING: 'warning',
  TIMESCALE_UNPARSED: 'warning',
  TIMESCALE_NO_DEADLINE: 'info',
  TIMESCALE_YEAR_INFERRED: 'info',
  TIMESCALE_COMPLETE_MISMATCH: 'warning',
  RATING_MISSING: 'warning',
  RATING_UNKNOWN: 'warning',
  RATING_CONFLICT: 'warning',
  OVERDUE: 'warning',
  DUE_SOON: 'info',
  CELL_ERROR: 'error',
  STATUS_COLUMN_MOVED: 'info',
  AS_AT_ASSUMED: 'info',
  COMPLETION_CONFLICT: 'warning',
  SLIPPED: 'info',
  SLIPPED_REPEATEDLY: 'warning',
  DATE_ORDER_ASSUMED: 'info',
  FISCAL_YEAR_ASSUMED: 'info',
  DATE_IMPOSSIBLE: 'warning',
  COMPLETION_DATE_CONFLICT: 'warning',
  BLOCKS_FOUND: 'info',
  ROWS_SKIPPED: 'info',
};

/** Plain-words name of each rule, for lists grouped by rule. */
export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  TABLE_NOT_FOUND: 'No action-plan table',
  COLUMN_MISSING: 'Column missing',
  ID_MISSING: 'Reference missing',
  ID_DUPLICATE: 'Reference used twice',
  ID_SEQUENCE_GAP: 'Gap in the references',
  ID_FORMAT: 'Reference in an unusual form',
  FIELD_MISSING: 'Empty cell',
  STATUTORY_MISSING: 'Statutory status missing',
  STATUTORY_UNKNOWN: 'Statutory status not recognised',
  TIMESCALE_MISSING: 'Timescale missing',
  TIMESCALE_UNPARSED: 'Timescale has no readable date',
  TIMESCALE_NO_DEADLINE: 'No deadline set',
  TIMESCALE_YEAR_INFERRED: 'Year assumed',
  TIMESCALE_COMPLETE_MISMATCH: 'Timescale says complete',
  RATING_MISSING: 'Unrated',
  RATING_UNKNOWN: 'Rating not on the scale',
  RATING_CONFLICT: 'Two different ratings',
  OVERDUE: 'Overdue',
  DUE_SOON: 'Due soon',
  CELL_ERROR: 'Error value in a cell',
  STATUS_COLUMN_MOVED: 'Status column moved',
  AS_AT_ASSUMED: 'As-at date assumed',
  COMPLETION_CONFLICT: 'Update says complete, status does not',
  SLIPPED: 'Target date moved',
  SLIPPED_REPEATEDLY: 'Target date moved repeatedly',
  DATE_ORDER_ASSUMED: 'Date order assumed',
  FISCAL_YEAR_ASSUMED: 'Financial year assumed',
  DATE_IMPOSSIBLE: 'Date that does not exist',
  COMPLETION_DATE_CONFLICT: 'Completion date, status not complete',
  BLOCKS_FOUND: 'Several tables on the sheet',
  ROWS_SKIPPED: 'Rows not counted as recommendations',
};

/** Severity order for sorting and grouping: errors first. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Builds a finding with the rule's default severity unless one is given. */
export function finding(
  rule: RuleId,
  where: { cell?: string | null; row?: number | null; id?: string | null },
  message: string,
  severity: Severity = SEVERITY[rule],
): Finding {
  return { rule, severity, cell: where.cell ?? null, row: where.row ?? null, id: where.id ?? null, message };
}

/** "R5" or "The recommendation in row 9" when it has no reference ("The audit in row 9" in a plan of audits): how messages name an item. */
export function itemName(id: string | null, row: number, noun = 'recommendation'): string {
  return id ? id : `The ${noun} in row ${row}`;
}

/** Quotes a cell's text for a message, shortened so a long narrative does not swamp it. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat}"`;
}

/** Findings sorted errors first, then by row, then by rule: the order people work through them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Plain comparisons, not localeCompare: a large plan has a finding or two per row.
  return [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || (a.row ?? 0) - (b.row ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
