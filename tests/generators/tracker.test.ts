import fc from 'fast-check';
import type { SheetSnapshot } from '../../src/core/types';
import { ALL_FAMILIES, allowedWithout, DIMENSIONS, withFamily, type Dimension, type Family } from './dimensions';
import { PENDING_COMBINATIONS, PENDING_FAMILIES } from './families';
import { trackerArb, truthOf, type Tracker } from './model';
import { render } from './render';
import { problemsOf, sheetText } from './survey';

/** Seeded, so CI reads the same trackers every run and a failure can be replayed. */
const SEED = 22_009;
const pending = Object.keys(PENDING_FAMILIES) as Family[];
const supported = ALL_FAMILIES.filter((f) => !pending.includes(f));
const allowed = allowedWithout(pending);
const without = PENDING_COMBINATIONS.map((c) => c.families);

/** The property every tracker must pass: the product's reading (of the sheet changed by `as`) equals the truth; the sheet is shown on failure. */
const readsRightAs =
  (as?: (sheet: SheetSnapshot) => SheetSnapshot) =>
  (tracker: Tracker): void => {
    const problems = problemsOf(tracker, as);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- the tracker ---\n${sheetText(render(tracker))}`);
  };
const readsRight = readsRightAs();

describe('[T1][T2][T3][T4][T6][T7][S1] generated trackers: totals, complete, excluded, overdue items, due and position dates', () => {
  test('1,000 trackers mixing every supported family are read right', () => {
    fc.assert(fc.property(trackerArb(allowed, without), readsRight), { numRuns: 1000, seed: SEED });
  });

  test('[T1][T2] 300 trackers read right with their merged areas left out, as the add-in reads a check (office-js #5918)', () => {
    const withoutMerges = readsRightAs((sheet) => ({ ...sheet, merges: [] }));
    fc.assert(fc.property(trackerArb(allowed, without), withoutMerges), { numRuns: 300, seed: SEED + 1 });
  });

  test.each(supported)('%s, switched on in every tracker, is read right', (family) => {
    fc.assert(fc.property(trackerArb(withFamily(allowed, family), without), readsRight), { numRuns: 40, seed: SEED });
  });
});

describe('pending families: not yet read right (families.ts lists why; a fix makes these fail, so take the family off the list)', () => {
  // Each runs without the pending combinations (other than its own): otherwise every pending family failed on
  // a combination it happened to draw, and a fix of the family itself could never show.
  test.failing.each(pending)('%s is read right', (family) => {
    fc.assert(fc.property(trackerArb(withFamily(allowed, family), without), readsRight), { numRuns: 200, seed: SEED });
  });

  test.failing.each(PENDING_COMBINATIONS.map((c) => c.families.join(' + ')))('%s together are read right', (names) => {
    let families = allowed;
    for (const f of names.split(' + ') as Family[]) families = withFamily(families, f);
    const others = without.filter((c) => c.join(' + ') !== names);
    fc.assert(fc.property(trackerArb(families, others), readsRight), { numRuns: 200, seed: SEED });
  });
});

describe('the generator itself', () => {
  const sample = fc.sample(trackerArb(allowedWithout([])), { numRuns: 300, seed: SEED });

  test('its truths include complete, excluded, overdue and undated items, so the property can fail on each', () => {
    const truths = sample.map(truthOf);
    expect(truths.some((t) => t.complete > 0)).toBe(true);
    expect(truths.some((t) => t.excluded > 0)).toBe(true);
    expect(truths.some((t) => t.overdue > 0)).toBe(true);
    expect(truths.some((t) => t.items.some((i) => i.due === null))).toBe(true);
    expect(truths.some((t) => t.total >= 10)).toBe(true);
  });

  test('every family changes the sheet it is switched on in (no dimension is a no-op)', () => {
    const base = Object.fromEntries(Object.entries(DIMENSIONS).map(([d, v]) => [d, v[0]]));
    const richer = { ...base, sections: 'singleCell', totals: 'total', undated: 'some', revised: 'originalAndRevised', blanks: 'between' };
    for (const family of ALL_FAMILIES) {
      const [d, v] = family.split(':') as [Dimension, string];
      const changed = sample.some((t) => {
        const plain = { ...t, layout: { ...t.layout, ...richer, [d]: base[d] } } as Tracker;
        const withIt = { ...plain, layout: { ...plain.layout, [d]: v } } as Tracker;
        return JSON.stringify(render(plain)) !== JSON.stringify(render(withIt));
      });
      expect([family, changed]).toEqual([family, true]);
    }
  });
});
