import fc from 'fast-check';
import { analyseSheet } from '../analyse';
import { referenceValues } from '../../../tests/fixtures/reference';
import { OPTIONS } from '../../../tests/fixtures/sheets';
import { EXTENT_SCALE, IMPLEMENTATION_SCALE, RAG_SCALE, PERCENT_SCALE } from '../vocabulary/scales';
import type { RatingLevel, RatingScale } from '../types';
import {
  contrast,
  EXCLUDED_SWATCH,
  levelFillByKey,
  levelMeaning,
  levelSwatch,
  luminance,
  RAMP,
  STATE_WORDS,
  stateSwatch,
  STATUS_SWATCHES,
  type Swatch,
  UNRATED_SWATCH,
} from './palette';
import { buildSummary } from './summaryModel';

const WHITE = '#FFFFFF';
/** CIE L* (0..100) of a colour: how light it prints in greyscale. */
const lightness = (hex: string) => {
  const y = luminance(hex);
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
};

const level = (key: string, extra: Partial<RatingLevel> = {}): RatingLevel => ({
  key,
  label: key,
  weight: null,
  synonyms: [key],
  ...extra,
});
/** A scale of `open` counted levels after a complete one, with an excluded level at `excludedAt` (or none). */
const scaleOf = (open: number, excludedAt: number | null): RatingScale => {
  const levels = [level('done', { complete: true }), ...Array.from({ length: open }, (_, i) => level(`l${i}`))];
  if (excludedAt !== null) levels.splice(Math.min(excludedAt, levels.length), 0, level('na', { excluded: true }));
  return levels;
};
const BUILT_IN = [EXTENT_SCALE, IMPLEMENTATION_SCALE, RAG_SCALE, PERCENT_SCALE];

describe('[F4] one palette, colours by meaning', () => {
  test.each(BUILT_IN.map((s) => [s.name, s.levels] as const))(
    'the %s scale: every counted level on the ramp, darkest (complete) to lightest (worst) in greyscale',
    (_name, levels) => {
      const counted = levels.map((_, i) => i).filter((i) => !levels[i]?.excluded);
      const steps = counted.map((i) => lightness(levelSwatch(levels, i).fill));
      for (let k = 1; k < steps.length; k++) expect(steps[k] ?? 0).toBeGreaterThan((steps[k - 1] ?? 0) + 5);
    },
  );

  test('the extent scale shows the ramp: dark green, green, gold, orange, red; not applicable grey', () => {
    const fills = EXTENT_SCALE.levels.map((_, i) => levelSwatch(EXTENT_SCALE.levels, i).fill);
    expect(fills).toEqual([...RAMP.map((s) => s.fill), EXCLUDED_SWATCH.fill]);
  });

  test('property: any scale of 2-12 levels with an excluded level anywhere keeps its order in greyscale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.option(fc.integer({ min: 0, max: 12 })), (open, at) => {
        const scale = scaleOf(open, at);
        const counted = scale.map((_, i) => i).filter((i) => !scale[i]?.excluded);
        const steps = counted.map((i) => luminance(levelSwatch(scale, i).fill));
        for (let k = 1; k < steps.length; k++) expect(steps[k] ?? 0).toBeGreaterThan(steps[k - 1] ?? 0);
      }),
    );
  });

  test('property: with 7 or more levels and "Not applicable" among them, no level but the complete one shows its colour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 11 }), fc.integer({ min: 1, max: 12 }), (open, at) => {
        const scale = scaleOf(open, at);
        expect(scale.length).toBeGreaterThanOrEqual(7);
        const complete = levelSwatch(scale, 0).fill;
        scale.forEach((l, i) => {
          if (i > 0) expect(levelSwatch(scale, i).fill).not.toBe(complete);
          if (l.excluded) expect(levelSwatch(scale, i)).toEqual(EXCLUDED_SWATCH);
        });
        // The unrated bar after them (the 8th or later segment) is the unrated colour, not the first level's.
        expect(levelFillByKey(scale, 'unrated')).toBe(UNRATED_SWATCH.fill);
        expect(UNRATED_SWATCH.fill).not.toBe(complete);
      }),
    );
  });

  test('the pane\'s case: the extent scale with "Not applicable" and 276 unrated items does not colour them as complete', () => {
    const levels = EXTENT_SCALE.levels;
    // Six levels, then "Unrated" the seventh segment: it was coloured by position, wrapping round to Completely's green.
    const segments = [...levels.map((l) => levelFillByKey(levels, l.key)), UNRATED_SWATCH.fill];
    expect(segments).toHaveLength(7);
    expect(segments[6]).not.toBe(segments[0]);
    expect(levelMeaning(levels, 0)).toBe('complete');
    expect(levelMeaning(levels, 4)).toBe('notStarted');
    expect(levelMeaning(levels, 5)).toBe('excluded');
    expect(levelMeaning(RAG_SCALE.levels, 1)).toBe('onTrack');
  });

  test('every bar and status fill has at least 3:1 contrast against white; its text at least 4.5:1 on it', () => {
    const fills: Swatch[] = [
      ...BUILT_IN.flatMap((s) => s.levels.map((_, i) => levelSwatch(s.levels, i))),
      ...Array.from({ length: 11 }, (_, n) => scaleOf(n + 1, 3)).flatMap((s) => s.map((_, i) => levelSwatch(s, i))),
      UNRATED_SWATCH,
      EXCLUDED_SWATCH,
      ...STATE_WORDS.map((w) => stateSwatch(w) ?? { fill: WHITE, font: WHITE }),
      ...Object.values(STATUS_SWATCHES),
    ];
    for (const s of fills) {
      expect({ fill: s.fill, vsWhite: contrast(s.fill, WHITE) >= 3 }).toEqual({ fill: s.fill, vsWhite: true });
      expect({ fill: s.fill, text: contrast(s.fill, s.font) >= 4.5 }).toEqual({ fill: s.fill, text: true });
    }
  });

  test('"Not rated" and excluded stand apart from complete and from each other in greyscale', () => {
    const complete = lightness(RAMP[0]?.fill ?? WHITE);
    expect(Math.abs(lightness(UNRATED_SWATCH.fill) - complete)).toBeGreaterThanOrEqual(10);
    expect(Math.abs(lightness(EXCLUDED_SWATCH.fill) - complete)).toBeGreaterThanOrEqual(10);
    expect(Math.abs(lightness(EXCLUDED_SWATCH.fill) - lightness(UNRATED_SWATCH.fill))).toBeGreaterThanOrEqual(10);
  });

  test('states by their words: a count after the word keeps the state; a word that is no state has none', () => {
    expect(stateSwatch('Overdue 245 days')).toEqual(stateSwatch('Overdue'));
    expect(stateSwatch('Due soon (12 days)')).toEqual(stateSwatch('Due soon'));
    expect(stateSwatch('Not rated')).toEqual(UNRATED_SWATCH);
    expect(stateSwatch('Not counted')).toEqual(EXCLUDED_SWATCH);
    expect(stateSwatch('Complete')).toEqual(RAMP[0]);
    expect(stateSwatch('Unheard of')).toBeNull();
    expect(STATE_WORDS).toEqual(['Complete', 'Not counted', 'Not rated', 'Overdue', 'Due today', 'Due soon', 'Not yet due', 'No date']);
  });

  test("the summary's key: each colour with one meaning, 'Not rated' once (the chart's bar and the status word)", () => {
    const s = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
    const model = buildSummary(analyseSheet(s, OPTIONS), '26 November 2026 at 10:00', 'Action plan summary');
    const keyRows = model.swatches.map((sw) => {
      const row = Number(sw.range.replace(/^[A-Z]+/, ''));
      return { fill: sw.fill.toUpperCase(), label: String(model.rows[row - 1]?.[0]?.value ?? '') };
    });
    const meanings = new Map<string, Set<string>>();
    for (const { fill, label } of keyRows) meanings.set(fill, new Set([...(meanings.get(fill) ?? []), label]));
    expect([...meanings].filter(([, labels]) => labels.size > 1)).toEqual([]);
    expect(keyRows.filter((r) => r.label === 'Not rated')).toHaveLength(1);
    // The chart's bars: the levels' colours by meaning, then "Not rated" in the one unrated colour.
    expect(model.chart?.pointColours.at(-1)).toBe(UNRATED_SWATCH.fill);
  });
});
