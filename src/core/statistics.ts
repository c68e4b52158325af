import { normalise } from './cells';
import type { Ageing, GroupStats, LeadStats, RatingScale, Recommendation, Statistics } from './types';

/** Overdue items by how long they have been overdue. */
export function ageing(recs: readonly Recommendation[]): Ageing {
  const out = { '1-30': 0, '31-90': 0, '91-365': 0, over365: 0 };
  for (const r of recs) {
    if (!r.overdue) continue;
    if (r.daysOverdue <= 30) out['1-30']++;
    else if (r.daysOverdue <= 90) out['31-90']++;
    else if (r.daysOverdue <= 365) out['91-365']++;
    else out.over365++;
  }
  return out;
}

function group(recs: readonly Recommendation[], completeKey: string | undefined): GroupStats & { ageing: Ageing } {
  const total = recs.length;
  const rated = recs.filter((r) => r.rating !== null).length;
  const completely = recs.filter((r) => r.rating !== null && r.rating === completeKey).length;
  return {
    total,
    rated,
    unrated: total - rated,
    completely,
    overdue: recs.filter((r) => r.overdue).length,
    dueSoon: recs.filter((r) => r.dueSoon).length,
    completionRate: total === 0 ? 0 : completely / total,
    ageing: ageing(recs),
  };
}

/** Per lead officer, in the order leads first appear; leads differing only in case or punctuation are one. */
function byLead(recs: readonly Recommendation[], completeKey: string | undefined): LeadStats[] {
  const leads = new Map<string, { lead: string; total: number; completely: number; overdue: number; unrated: number }>();
  for (const r of recs) {
    const name = r.lead === '' ? '(no lead given)' : r.lead;
    const k = normalise(name);
    const entry = leads.get(k) ?? { lead: name, total: 0, completely: 0, overdue: 0, unrated: 0 };
    entry.total++;
    if (r.rating !== null && r.rating === completeKey) entry.completely++;
    if (r.overdue) entry.overdue++;
    if (r.rating === null) entry.unrated++;
    leads.set(k, entry);
  }
  return [...leads.values()];
}

/** The figures a careful officer counts by hand, from the recommendations read. */
export function computeStatistics(recs: readonly Recommendation[], scale: RatingScale): Statistics {
  const completeKey = scale[0]?.key;
  const all = group(recs, completeKey);
  const counts: Record<string, number> = {};
  for (const level of scale) counts[level.key] = 0;
  let weightSum = 0;
  for (const r of recs) {
    if (r.rating === null) continue;
    counts[r.rating] = (counts[r.rating] ?? 0) + 1;
    weightSum += scale.find((l) => l.key === r.rating)?.weight ?? 0;
  }
  const byRating: Record<string, number> = { ...counts, unrated: all.unrated };
  const { ageing: allAgeing, ...headline } = all;
  return {
    ...headline,
    weightedScore: all.rated === 0 ? null : weightSum / all.rated,
    byRating,
    levels: scale.map((l) => ({
      key: l.key,
      label: l.label,
      count: counts[l.key] ?? 0,
      share: recs.length === 0 ? 0 : (counts[l.key] ?? 0) / recs.length,
    })),
    ageing: allAgeing,
    statutory: group(
      recs.filter((r) => r.statutory === true),
      completeKey,
    ),
    nonStatutory: group(
      recs.filter((r) => r.statutory !== true),
      completeKey,
    ),
    byLead: byLead(recs, completeKey),
  };
}
