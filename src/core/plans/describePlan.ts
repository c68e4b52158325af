/**
 * What a run will change, and what it changed, in words a user reads in the pane: ranges, the status column,
 * the highlights and the summary sheet. Decided from the plans the adapters apply, so the words cannot drift
 * from the writes.
 */
import { parseAddress } from '../address';
import { isStatusHeader } from '../read/findTable';
import type { FormatPlan } from './formatPlan';
import type { SheetSnapshot } from '../types';

/** What the adapter is about to write (or wrote): the format plan and the summary sheet, and what of ours was already there. */
export interface WriteFacts {
  /** The format plan, or null when the run does not format. */
  readonly format: FormatPlan | null;
  /** The status column's header cell already holds our header: the column is rewritten, not added. */
  readonly statusWritten: boolean;
  /** Our conditional-format rules already on the sheet, which the plan's replace. */
  readonly ourRules: number;
  /** The summary sheet and whether it is ours already (rewritten in place), or null when the run does not summarise. */
  readonly summary: { readonly name: string; readonly ours: boolean } | null;
  /** The chase sheet (full chase list and the preparer's checks), written with the summary. */
  readonly chase?: { readonly name: string; readonly ours: boolean };
  /** The summary is the workbook's first sheet (the command puts it there), so printing the whole workbook starts with it. */
  readonly summaryFirst?: boolean;
}

/** The highlight kinds, in the order a reader meets them, from the rules' purposes ("Status: overdue", "Rating: partially"). */
const KINDS: readonly (readonly [RegExp, string])[] = [
  [/^Status:/, 'status'],
  [/^Rating:/, 'ratings'],
  [/^Statutory/, 'statutory rows'],
  [/^Top-priority/, 'top-priority rows'],
];

/** "a", "a and b", "a, b and c". */
function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** The highlight kinds a plan's rules show, in words ("status, ratings and statutory rows"). */
export function highlightKinds(plan: FormatPlan): string {
  return list(KINDS.filter(([pattern]) => plan.rules.some((r) => pattern.test(r.purpose))).map(([, word]) => word));
}

/** True when the plan's status column is already there (our header in its header cell), so it is rewritten rather than added. */
export function statusColumnWritten(plan: FormatPlan, snapshot: SheetSnapshot): boolean {
  if (!plan.status) return false;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const cell = parseAddress(plan.status.headerCell);
  if (!cell) return false;
  return isStatusHeader(snapshot.values[cell.row - origin.row]?.[cell.column - origin.column] ?? null);
}

/** ", days overdue in H, data checks in I": where the columns written with the status column go. */
function besideWords(plan: FormatPlan): string {
  const words = { days: 'days overdue', checks: 'data checks' } as const;
  return plan.added.map((a) => `, ${words[a.kind]} in ${a.column}`).join('');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a run will change, one short line each: "Formats on A5:G18", "Status column G (new)", "3 highlight rules: ...", "Summary sheet ... (new)". */
export function describePlan(facts: WriteFacts): string[] {
  const out: string[] = [];
  const plan = facts.format;
  if (plan) {
    out.push(`Formats on ${plan.tableRange} of "${plan.sheet}"`);
    if (plan.status)
      out.push(`Status column ${plan.status.column} (${facts.statusWritten ? 'ours, rewritten' : 'new'})${besideWords(plan)}`);
    if (plan.rules.length > 0) {
      const replacing = facts.ourRules > 0 ? `, replacing our ${facts.ourRules}` : '';
      out.push(`${plural(plan.rules.length, 'highlight rule')} for ${highlightKinds(plan)}${replacing}`);
    }
  }
  if (facts.summary) out.push(`Summary sheet "${facts.summary.name}" (${facts.summary.ours ? 'replaced: ours' : 'new'})`);
  if (facts.summary && facts.chase)
    out.push(`Chase list and checks sheet "${facts.chase.name}" (${facts.chase.ours ? 'replaced: ours' : 'new'})`);
  return out;
}

/** What a run changed, in plain words (no rule counts): "Formatted A5:G18 on ...", "Added the status column G", ... */
export function describeWritten(facts: WriteFacts): string[] {
  const out: string[] = [];
  const plan = facts.format;
  if (plan) {
    out.push(`Formatted the table ${plan.tableRange} on "${plan.sheet}"`);
    if (plan.status)
      out.push(
        `${facts.statusWritten ? 'Updated' : 'Added'} the status column ${plan.status.column} ("${plan.status.header}")${besideWords(plan)}`,
      );
    if (plan.rules.length > 0) out.push(`Coloured ${highlightKinds(plan)}`);
  }
  if (facts.summary)
    out.push(
      facts.summary.ours ? `Rewrote the summary sheet "${facts.summary.name}" in place` : `Added the summary sheet "${facts.summary.name}"`,
    );
  if (facts.summary && facts.chase) {
    out.push(
      `${facts.chase.ours ? 'Rewrote' : 'Added'} "${facts.chase.name}": the full chase list, one lead officer per page, and the checks for the officer preparing the report`,
    );
    out.push(printWords(facts.summary.name, facts.chase.name, facts.summaryFirst === true));
  }
  return out;
}

/** How to print the pack: the committee's pages are the summary sheet alone (SPEC M1). */
export function printWords(summary: string, chase: string, first: boolean): string {
  return first
    ? `Put "${summary}" first in the workbook, so printing the whole workbook starts with the committee's pages (at most 2); the chase list and checks follow on "${chase}"`
    : `To print the committee's pages (at most 2), print "${summary}" on its own (select its tab, then File > Print > Print Active Sheets); the chase list and checks print from "${chase}"`;
}
