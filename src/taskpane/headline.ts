import type { Analysis, Finding, Severity } from '../core/types';

const GB = new Intl.NumberFormat('en-GB');

/** A count with thousands separators, as a British reader expects ("3,000"). */
export const count = (n: number): string => GB.format(n);

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The overdue clause with its statutory and top-priority shares, where the table records them. */
function overdueClause(analysis: Analysis): string {
  const { stats } = analysis;
  const shares: [number, string][] = [];
  if (stats.recordsStatutory) shares.push([stats.statutory.overdue, 'statutory']);
  const top = stats.byPriority[0];
  if (top) shares.push([top.overdue, /priority/i.test(top.priority) ? top.priority : `${top.priority} priority`]);
  if (stats.overdue === 0 || shares.length === 0) return `${count(stats.overdue)} overdue`;
  const words = shares.map(([n, word], i) => `${count(n)}${i === 0 ? ' of them' : ''} ${word}`);
  return `${count(stats.overdue)} overdue, ${words.join(' and ')}`;
}

/** One sentence a committee member reads first: "6 of 13 complete; 2 overdue, 1 of them statutory; 1 not rated". */
export function headline(analysis: Analysis): string {
  const { stats } = analysis;
  if (!analysis.table) return `No action-plan table found on ${analysis.sheet}.`;
  const counted = stats.total - stats.excluded;
  const parts = [`${count(stats.complete)} of ${count(counted)} complete`, overdueClause(analysis), `${count(stats.unrated)} not rated`];
  if (stats.excluded > 0) parts.push(`${count(stats.excluded)} not counted (withdrawn or not applicable)`);
  return `${parts.join('; ')}.`;
}

/** The worst severity among the findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return findings.length > 0 ? 'info' : null;
}

/** How many findings have each severity. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The result bar after a write: its intent and title follow the worst finding, never a green "Done" over errors. */
export function resultBar(findings: readonly Finding[]): { intent: 'success' | 'info' | 'warning'; title: string } {
  const c = severityCounts(findings);
  if (c.error > 0) return { intent: 'warning', title: `Written, but ${plural(c.error, 'error')} to fix` };
  if (c.warning > 0) return { intent: 'info', title: `Written, with ${plural(c.warning, 'warning')} to review` };
  return { intent: 'success', title: 'Done' };
}

/** What "Weighted score" means, in words, with the scale's own weights; null when the scale has none. */
export function weightedScoreNote(analysis: Analysis): string | null {
  if (analysis.stats.weightedScore === null) return null;
  const weights = analysis.scale
    .filter((l) => l.weight !== null)
    .map((l) => `${l.label} ${Math.round((l.weight ?? 0) * 100)}%`)
    .join(', ');
  return `Weighted score: each rated recommendation counts by its rating (${weights}), averaged over the ${plural(analysis.stats.rated, 'rated recommendation')}.`;
}

export { plural };
