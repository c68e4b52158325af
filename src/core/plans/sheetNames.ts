/**
 * The names of our sheets and their markers: small and apart from the summary model, so the pane's first bundle can
 * know our sheets without loading what builds them.
 */
/** The summary sheet's name when it is free; adapters add " (2)", " (3)" when a user's sheet has it. */
export const SUMMARY_SHEET_NAME = 'Action plan summary';
/** The hidden workbook name that marks our summary sheet (both adapters): it refers to the sheet's A1 and follows renames. */
export const SUMMARY_MARKER_NAME = 'ActionPlanChecker.Summary';
/** The chase sheet's name when it is free (the full chase list and the preparer's checks; at most 31 characters). */
export const CHASE_SHEET_NAME = 'Action plan chase and checks';
/** The hidden workbook name that marks our chase sheet, as SUMMARY_MARKER_NAME marks the summary. */
export const CHASE_MARKER_NAME = 'ActionPlanChecker.ChaseList';

/** A name for the summary sheet that no other sheet has (sheet names compare ignoring case; at most 31 characters). */
export function freeSummaryName(taken: readonly string[], base = SUMMARY_SHEET_NAME): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`.slice(0, 31);
    if (!used.has(name.toLowerCase())) return name;
  }
}
