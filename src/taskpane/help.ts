import type { RuleId } from '../core/types';

/** The support page, served beside the pane (webpack copies src/support.html). */
export const HELP_PAGE = 'support.html';

/** The support page's entry for a finding's rule (each rule has an anchor there: tests/support.test.ts). */
export function helpUrl(rule?: RuleId): string {
  return rule ? `${HELP_PAGE}#${rule}` : HELP_PAGE;
}
