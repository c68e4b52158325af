/**
 * A generator of trackers with the truth known by construction (issue 22 item 9). A `Tracker` model
 * (items with a state, due date, original date, priority, section) and a `Layout` (one variant of each
 * dimension in dimensions.ts) are drawn by fast-check, rendered to a SheetSnapshot the way people write
 * trackers, and the figures a careful officer would count come from the model, never from the product.
 */
import type { Analysis } from '../../src/core/types';
import type { Truth } from './model';

export { ALL_FAMILIES, allowedWithout, DIMENSIONS, withFamily, type Allowed, type Family, type Layout } from './dimensions';
export { trackerArb, truthOf, type Tracker, type Truth } from './model';
export { render } from './render';

/** Where the analysis differs from the truth, in words (empty when it reads the tracker right). */
export function mismatches(analysis: Analysis, truth: Truth): string[] {
  const out: string[] = [];
  if (analysis.asAt !== truth.asAt) out.push(`position date ${analysis.asAt}, expected ${truth.asAt}`);
  const recs = analysis.recommendations;
  if (recs.length !== truth.total) out.push(`${recs.length} items read, expected ${truth.total}`);
  const s = analysis.stats;
  for (const key of ['total', 'complete', 'excluded', 'overdue'] as const) {
    if (s[key] !== truth[key]) out.push(`${key} ${s[key]}, expected ${truth[key]}`);
  }
  truth.items.forEach((t, k) => {
    const r = recs[k];
    if (!r) return;
    const got = { ref: r.id, due: r.timescale.due, complete: r.complete, excluded: r.excluded, overdue: r.overdue };
    for (const key of ['ref', 'due', 'complete', 'excluded', 'overdue'] as const) {
      if (got[key] !== t[key]) out.push(`item ${k + 1} (${t.ref}) ${key} ${String(got[key])}, expected ${String(t[key])}`);
    }
    if (t.original !== undefined && r.originalDue !== t.original)
      out.push(`item ${k + 1} (${t.ref}) original ${String(r.originalDue)}, expected ${String(t.original)}`);
  });
  return out;
}
