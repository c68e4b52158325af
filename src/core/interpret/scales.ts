import { normalise } from '../cells';
import type { CellValue, RatingLevel, RatingScale, ScaleName, StatusScale } from '../types';
import { BUILT_IN_SCALES, EXTENT_SCALE } from '../vocabulary/scales';

/** Each scale's words, normalised once and longest first (a scale is read for every row). */
const WORDS = new WeakMap<RatingScale, { word: string; level: RatingLevel }[]>();

function wordsOf(scale: RatingScale): { word: string; level: RatingLevel }[] {
  let words = WORDS.get(scale);
  if (!words) {
    // Percent bands are read as numbers (readPercent); their labels ("0%") are not words to match.
    words = scale
      .flatMap((level) =>
        (level.minPercent !== undefined ? level.synonyms : [level.label, ...level.synonyms]).map((w) => ({ word: normalise(w), level })),
      )
      .filter((w) => w.word !== '')
      .sort((a, b) => b.word.length - a.word.length);
    WORDS.set(scale, words);
  }
  return words;
}

/** The level whose synonym (or label) the text is, or starts with as a whole word, longest first; null if none. */
export function matchLevel(text: string, scale: RatingScale): RatingLevel | null {
  const n = normalise(text);
  if (n === '') return null;
  for (const { word, level } of wordsOf(scale)) {
    if (n === word || (n.startsWith(word) && n.charCodeAt(word.length) === 32)) return level;
  }
  return null;
}

/** The level a status ending in a level's words names ("Action now complete", "... Work is in hand"), or null. */
function trailingLevel(text: string, scale: RatingScale): RatingLevel | null {
  const n = normalise(text);
  for (const { word, level } of wordsOf(scale)) {
    // Single letters and short words ("g", "no") are too common at the end of a sentence to mean a status.
    if (word.length >= 4 && n.endsWith(word) && n.charCodeAt(n.length - word.length - 1) === 32) return level;
  }
  return null;
}

/**
 * Reads a written status: the whole text, else its last line or sentence, else its closing words; the
 * status is usually said first, or last in a narrative (as "Recommendation met: ..." is).
 */
export function matchStatusText(text: string, scale: RatingScale): RatingLevel | null {
  const whole = matchLevel(text, scale);
  if (whole || text.length < 8) return whole;
  const parts = text
    .split(/\r?\n|(?<=[.;])\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const last = parts[parts.length - 1];
  return (last !== undefined && last !== text.trim() ? matchLevel(last, scale) : null) ?? trailingLevel(text, scale);
}

const PERCENT_RE = /^\s*(\d{1,3}(?:\.\d+)?)\s*%/;

/** How a column writes plain-number percentages: as fractions (0.5, 1) or as hundreds (50, 100). */
export type PercentUnit = 'fraction' | 'hundred';

/** True for a number format that shows a percentage ("0%", "0.0%"): its cell holds a fraction. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  return numberFormat !== undefined && numberFormat.replace(/"[^"]*"|\\./g, '').includes('%');
}

/**
 * Decides once for a column how its plain numbers (those not formatted as percentages) are written:
 * fractions when every one lies within 0..1 (so 1 is 100%), else hundreds (so 1 is 1%). Null without any.
 */
export function percentUnit(values: readonly CellValue[], formats?: readonly (string | undefined)[]): PercentUnit | null {
  let plain = 0;
  let overOne = 0;
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || isPercentFormat(formats?.[i])) return;
    plain++;
    if (v > 1) overOne++;
  });
  if (plain === 0) return null;
  return overOne === 0 ? 'fraction' : 'hundred';
}

/**
 * A percentage 0..100 written in a cell ("75%", "75% complete", 0.75 formatted as a percentage), or null.
 * A number formatted as a percentage is a fraction whatever the column; a plain number is read in the
 * column's unit, else as a fraction only below 1.
 */
export function readPercent(value: CellValue | undefined, numberFormat?: string, unit?: PercentUnit | null): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const fraction = isPercentFormat(numberFormat) || (unit ? unit === 'fraction' : value > 0 && value < 1);
    const p = fraction ? value * 100 : value;
    return p >= 0 && p <= 100 ? Math.round(p * 100) / 100 : null;
  }
  if (typeof value !== 'string') return null;
  const m = PERCENT_RE.exec(value);
  if (!m) return null;
  const p = Number(m[1]);
  return p >= 0 && p <= 100 ? p : null;
}

/** The level of a percent scale holding a percentage: the first band whose minimum it reaches. */
export function percentLevel(percent: number, scale: RatingScale): RatingLevel | null {
  return scale.find((l) => l.minPercent !== undefined && percent >= l.minPercent) ?? null;
}

/** True when the scale reads percentages. */
export function isPercentScale(scale: RatingScale): boolean {
  return scale.some((l) => l.minPercent !== undefined);
}

/** Whether a level means done: flagged complete, or the first level of a scale that flags none. */
export function isCompleteLevel(level: RatingLevel | null, scale: RatingScale): boolean {
  if (level === null) return false;
  if (scale.some((l) => l.complete)) return level.complete === true;
  return level === scale[0];
}

/** Reads one status value on a scale: a level and, on percent scales, the percentage. */
export function readStatusValue(
  value: CellValue | undefined,
  scale: RatingScale,
  numberFormat?: string,
  unit?: PercentUnit | null,
): { level: RatingLevel | null; percent: number | null } {
  if (isPercentScale(scale)) {
    const percent = readPercent(value, numberFormat, unit);
    if (percent !== null) return { level: percentLevel(percent, scale), percent };
  }
  return { level: typeof value === 'string' ? matchStatusText(value, scale) : null, percent: null };
}

/** A custom scale from settings, wrapped with its name. */
export function customScale(levels: RatingScale): StatusScale {
  return { name: 'custom', label: 'Rating', levels };
}

/** The built-in scale of that name. */
export function builtInScale(name: Exclude<ScaleName, 'custom'>): StatusScale {
  return BUILT_IN_SCALES.find((s) => s.name === name) ?? EXTENT_SCALE;
}

/** True when the whole text is one of the scale's words ("Fully Implemented"), not just starts with one ("Fully ..."). */
function namesWhole(value: CellValue | undefined, scale: RatingScale): boolean {
  if (typeof value !== 'string') return false;
  const n = normalise(value);
  return wordsOf(scale).some(({ word }) => word === n);
}

/**
 * The scale that reads most of a table's status values; on a tie, the one whose own words are more of the
 * values whole ("Fully Implemented" is an implementation status, though "Fully" starts the extent scale's
 * Completely); then the earlier scale in `order` (the built-in order; a plan of audits puts the
 * implementation scale, whose words hold an audit's stages, first). The first scale when none reads any.
 * Excluded words are on every scale, so they never decide.
 */
export function detectScale(
  values: readonly CellValue[],
  formats?: readonly (string | undefined)[],
  order: readonly StatusScale[] = BUILT_IN_SCALES,
): StatusScale {
  let best: { scale: StatusScale; count: number; whole: number } = { scale: order[0] ?? EXTENT_SCALE, count: 0, whole: 0 };
  const unit = percentUnit(values, formats);
  for (const scale of order) {
    let count = 0;
    let whole = 0;
    values.forEach((v, i) => {
      const { level } = readStatusValue(v, scale.levels, formats?.[i], unit);
      if (!level || level.excluded) return;
      count++;
      if (namesWhole(v, scale.levels)) whole++;
    });
    if (count > best.count || (count === best.count && count > 0 && whole > best.whole)) best = { scale, count, whole };
  }
  return best.scale;
}

/** True when the text names a level of some built-in scale ("Implemented", "Overtaken by events", "Amber"). */
export function isLevelName(text: string): boolean {
  return BUILT_IN_SCALES.some((scale) => matchLevel(text, scale.levels) !== null);
}

/** The scale whose level names head most of the given columns (tick-mark layouts); null when fewer than two do. */
export function scaleOfTickHeaders(headers: readonly string[]): StatusScale | null {
  let best: { scale: StatusScale; count: number } | null = null;
  for (const scale of BUILT_IN_SCALES) {
    const count = headers.filter((h) => matchLevel(h, scale.levels) !== null).length;
    if (count >= 2 && (!best || count > best.count)) best = { scale, count };
  }
  return best?.scale ?? null;
}

/** Checks a user-supplied scale: at least one level, unique keys, weights within 0..1. Returns the problems. */
export function validateScale(scale: RatingScale): string[] {
  const problems: string[] = [];
  if (scale.length === 0) problems.push('The rating scale has no levels.');
  const keys = new Set<string>();
  for (const level of scale) {
    if (keys.has(level.key)) problems.push(`The rating level "${level.key}" appears twice.`);
    keys.add(level.key);
    if (level.weight !== null && !(level.weight >= 0 && level.weight <= 1))
      problems.push(`The weight of "${level.label}" must be between 0 and 1.`);
    if (normalise(level.label) === '') problems.push(`A rating level has no label.`);
  }
  return problems;
}

/** The labels of a scale's levels, for advice ("Implemented, In progress, Not started"). */
export function levelLabels(scale: RatingScale): string {
  return scale
    .filter((l) => l.minPercent === undefined || l.minPercent === 0 || l.minPercent === 100)
    .map((l) => l.label)
    .join(', ');
}
