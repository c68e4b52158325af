import { normalise } from '../cells';
import { ITEM_STATES, type ItemState } from '../itemStates';
import { medianSlippage } from '../interpret/slippage';
import type { Ageing, GroupStats, LeadStats, PriorityStats, RatingScale, Recommendation, Statistics } from '../types';

/** Items per state, every state present (zero where none). */
export function countStates(recs: readonly Recommendation[]): Record<ItemState, number> {
  const out = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as Record<ItemState, number>;
  for (const r of recs) out[r.state]++;
  return out;
}

/** Overdue items by how long they have been overdue. */
export function ageing(recs: readonly Recommendation[]): Ageing {
  const out = { '1-30': 0, '31-90': 0, '91-365': 0, over365: 0 };
  for (const r of recs) {
    if (r.state !== 'Overdue') continue;
    if (r.daysOverdue <= 30) out['1-30']++;
    else if (r.daysOverdue <= 90) out['31-90']++;
    else if (r.daysOverdue <= 365) out['91-365']++;
    else out.over365++;
  }
  return out;
}

/** Counts for a group, each from the items' one state or level (S1): completion is complete / (total - excluded). */
function group(recs: readonly Recommendation[], top: string | null): GroupStats & { ageing: Ageing } {
  const total = recs.length;
  const byState = countStates(recs);
  // One pass for the counts that are not states.
  let rated = 0;
  let completely = 0;
  let slipped = 0;
  let pastOriginal = 0;
  for (const r of recs) {
    if (r.rating !== null) rated++;
    if (top !== null && r.rating === top) completely++;
    if (r.slippedDays > 0 || r.revisions > 0) slipped++;
    if (r.pastOriginal) pastOriginal++;
  }
  const complete = byState.Complete;
  const excluded = byState['Not counted'];
  const counted = total - excluded;
  return {
    total,
    rated,
    unrated: total - rated,
    completely,
    complete,
    excluded,
    overdue: byState.Overdue,
    dueSoon: byState['Due soon'] + byState['Due today'],
    byState,
    slipped,
    pastOriginal,
    completionRate: counted <= 0 ? 0 : complete / counted,
    ageing: ageing(recs),
  };
}

/** Per lead officer, in the order leads first appear; leads differing only in case or punctuation are one. */
function byLead(recs: readonly Recommendation[]): LeadStats[] {
  const leads = new Map<string, { -readonly [K in keyof LeadStats]: LeadStats[K] }>();
  for (const r of recs) {
    const name = r.lead === '' ? '(no lead given)' : r.lead;
    const k = normalise(name);
    const entry = leads.get(k) ?? { lead: name, total: 0, completely: 0, complete: 0, overdue: 0, unrated: 0, slipped: 0, pastOriginal: 0 };
    entry.total++;
    if (r.state === 'Complete') entry.complete++;
    entry.completely = entry.complete;
    if (r.state === 'Overdue') entry.overdue++;
    if (r.rating === null) entry.unrated++;
    if (r.slippedDays > 0 || r.revisions > 0) entry.slipped++;
    if (r.pastOriginal) entry.pastOriginal++;
    leads.set(k, entry);
  }
  return [...leads.values()];
}

/** Heading of the items with no priority, where others have one: byPriority adds up to the total. */
export const NO_PRIORITY = 'No priority given';

/** Per priority level, top first (the scale's order), then items with none; empty when no item records a priority. */
function byPriority(recs: readonly Recommendation[], order: readonly string[], top: string | null): PriorityStats[] {
  const seen = new Set(recs.map((r) => r.priority).filter((p): p is string => p !== null));
  if (seen.size === 0) return [];
  const labels = order.filter((p) => seen.has(p));
  const none = recs.filter((r) => r.priority === null || !labels.includes(r.priority));
  const groups = labels.map((priority) => ({ priority, recs: recs.filter((r) => r.priority === priority) }));
  if (none.length > 0) groups.push({ priority: NO_PRIORITY, recs: none });
  return groups.map(({ priority, recs: items }) => {
    const { ageing: _a, ...stats } = group(items, top);
    return { priority, ...stats };
  });
}

/** Mean weight of the rated, counted items; percentages where the status is one; null on unweighted scales. */
function weightedScore(recs: readonly Recommendation[], scale: RatingScale): number | null {
  const byKey = new Map(scale.map((l) => [l.key, l]));
  let sum = 0;
  let n = 0;
  for (const r of recs) {
    if (r.rating === null || r.excluded) continue;
    const weight = r.percent !== null ? r.percent / 100 : (byKey.get(r.rating)?.weight ?? null);
    if (weight === null) return null;
    sum += weight;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** The figures a careful officer counts by hand, from the recommendations read. */
export function computeStatistics(
  recs: readonly Recommendation[],
  scale: RatingScale,
  recordsStatutory: boolean,
  priorityOrder: readonly string[] = [],
): Statistics {
  const top = scale[0]?.key ?? null;
  const all = group(recs, top);
  const counts: Record<string, number> = {};
  for (const level of scale) counts[level.key] = 0;
  for (const r of recs) if (r.rating !== null) counts[r.rating] = (counts[r.rating] ?? 0) + 1;
  const { ageing: allAgeing, ...headline } = all;
  return {
    ...headline,
    weightedScore: weightedScore(recs, scale),
    byRating: { ...counts, unrated: recs.filter((r) => r.rating === null).length },
    byLevel: Object.fromEntries(scale.map((l) => [l.label, counts[l.key] ?? 0])),
    byPriority: byPriority(recs, priorityOrder, top),
    medianSlippage: medianSlippage(recs),
    recordsStatutory,
    // An excluded level nobody used is left out of the distribution: on most tables it is noise.
    levels: scale
      .filter((l) => !l.excluded || (counts[l.key] ?? 0) > 0)
      .map((l) => ({
        key: l.key,
        label: l.label,
        count: counts[l.key] ?? 0,
        share: recs.length === 0 ? 0 : (counts[l.key] ?? 0) / recs.length,
      })),
    ageing: allAgeing,
    statutory: group(
      recs.filter((r) => r.statutory === true),
      top,
    ),
    nonStatutory: group(
      recs.filter((r) => r.statutory !== true),
      top,
    ),
    byLead: byLead(recs),
  };
}
