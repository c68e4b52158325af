import { isCompleteLevel } from '../interpret/scales';
import type { RatingLevel, RatingScale } from '../types';

/**
 * The one palette of the plans (F4): every colour the table's rules, the summary's chart and key, and the pane's
 * rating bar show comes from here, keyed by what it means, never by a position in a list.
 *
 * - Scale levels: a ramp from best to worst (dark green, green, gold, orange, red), each level placed on it by its
 *   meaning (complete at the start, the worst counted level at the end, the others evenly between), so a scale of
 *   any length keeps its order and a sixth or seventh level never wraps round to the first colour. Luminance rises
 *   strictly along the ramp, so the order still reads in greyscale.
 * - Excluded levels grey, "not rated" a slate neutral: apart from every level of the ramp, in colour and in grey.
 * - Item states (the status column's words) by state; a state that means what a level means shares its colour.
 * Every bar and status fill keeps at least 3:1 contrast against white (WCAG 1.4.11), and its text colour at least
 * 4.5:1 against the fill; every colour comes with words beside it: colour is never the only signal.
 */
export interface Swatch {
  readonly fill: string;
  readonly font: string;
}

/** What a level of a scale means, for its colour. */
export type LevelMeaning = 'complete' | 'onTrack' | 'partial' | 'notStarted' | 'excluded' | 'unrated';

export const HEADER: Swatch = { fill: '#1F4E79', font: '#FFFFFF' };
/** Statutory rows: a tint light enough for whole rows of text, dark enough to show as grey on a greyscale print. */
export const STATUTORY_ROW: Swatch = { fill: '#E7DFF3', font: '#2E1A47' };
export const PRIORITY_ROW: Swatch = { fill: '#FCDDBF', font: '#5A2400' };
/** Excluded levels (not applicable, withdrawn) and the "Not counted" state: neutral, since they are out of the count. */
export const EXCLUDED_SWATCH: Swatch = { fill: '#868686', font: '#000000' };
/** No status the checker can read: a slate neutral, darker than excluded and far from complete in greyscale. */
export const UNRATED_SWATCH: Swatch = { fill: '#515F74', font: '#FFFFFF' };
/** The chart's bar for items with no status (the same colour as the "Not rated" state). */
export const UNRATED_BAR: Swatch = UNRATED_SWATCH;

/** The ramp's anchors, best (t = 0) to worst (t = 1), evenly spaced; luminance rises strictly from one to the next. */
export const RAMP: readonly Swatch[] = [
  { fill: '#134B2A', font: '#FFFFFF' },
  { fill: '#2B6020', font: '#FFFFFF' },
  { fill: '#826300', font: '#FFFFFF' },
  { fill: '#CA5B05', font: '#000000' },
  { fill: '#F65D57', font: '#000000' },
];

/** The ramp's anchors under their former name: the five counted levels of a five-level scale show exactly these. */
export const RATING_SWATCHES: readonly Swatch[] = RAMP;

/** The status column's words (the item states) and the colour each shows; see `stateSwatch`. */
const STATE_SWATCHES: Readonly<Record<string, Swatch>> = {
  Complete: RAMP[0] ?? HEADER,
  'Not counted': EXCLUDED_SWATCH,
  'Not rated': UNRATED_SWATCH,
  Overdue: { fill: '#A40D59', font: '#FFFFFF' },
  'Due today': { fill: '#8037A5', font: '#FFFFFF' },
  'Due soon': { fill: '#495ECA', font: '#FFFFFF' },
  'Not yet due': { fill: '#1879AA', font: '#FFFFFF' },
  'No date': { fill: '#136962', font: '#FFFFFF' },
};

/** The data-check column (a cell to check, apart from the state): a colour of its own, no state's. */
export const DATA_CHECK_SWATCH: Swatch = { fill: '#7A4A1E', font: '#FFFFFF' };

/** The item states in committee order, as the status column writes them (ITEM_STATES). */
export const STATE_WORDS: readonly string[] = Object.keys(STATE_SWATCHES);

/**
 * The swatch of an item state, keyed by the word the status column writes ("Overdue", "Not rated"); a word with a
 * count after it ("Overdue 245 days") takes its state's colour. Null for a word that is no state.
 */
export function stateSwatch(word: string): Swatch | null {
  const state = STATE_WORDS.filter((s) => word === s || word.startsWith(`${s} `) || word.startsWith(`${s} (`)).sort(
    (a, b) => b.length - a.length,
  )[0];
  return state === undefined ? null : (STATE_SWATCHES[state] ?? null);
}

const swatchOf = (word: string): Swatch => stateSwatch(word) ?? HEADER;

/**
 * The status column's current colours, by the words it writes today (F2): kept so its rules read as before while
 * the column moves to one state per item; each entry is a state's colour.
 */
export const STATUS_SWATCHES = {
  overdue: swatchOf('Overdue'),
  unrated: swatchOf('Not rated'),
  dueSoon: swatchOf('Due soon'),
  /** "Check timescale": no date the checker can read. */
  check: swatchOf('No date'),
  /** "On track": open, nothing to chase. */
  ok: swatchOf('Not yet due'),
} as const satisfies Record<string, Swatch>;

export const BORDER_COLOUR = '#8EA9C1';

/** What a level means: excluded, complete, the worst counted level (not started), on track, or partly there. */
export function levelMeaning(scale: RatingScale, index: number): LevelMeaning {
  const level = scale[index];
  if (!level) return 'unrated';
  if (level.excluded) return 'excluded';
  if (isCompleteLevel(level, scale)) return 'complete';
  const open = openLevels(scale);
  if (open[open.length - 1] === level && open.length > 0) return 'notStarted';
  return level.onTrack ? 'onTrack' : 'partial';
}

/** The counted levels that are not complete, best first. */
function openLevels(scale: RatingScale): RatingLevel[] {
  return scale.filter((l) => !l.excluded && !isCompleteLevel(l, scale));
}

/**
 * Where a level sits on the ramp, 0 (complete) to 1 (the worst counted level), the open levels evenly between,
 * in the scale's order; null for excluded levels and indices outside the scale.
 */
export function rampPosition(scale: RatingScale, index: number): number | null {
  const level = scale[index];
  if (!level || level.excluded) return null;
  if (isCompleteLevel(level, scale)) return 0;
  const open = openLevels(scale);
  return (open.indexOf(level) + 1) / open.length;
}

const channelToLinear = (v: number) => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const linearToChannel = (x: number) => Math.round(255 * (x <= 0.00304 ? x * 12.92 : 1.055 * x ** (1 / 2.4) - 0.055));
const rgb = (hex: string) => {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255] as const;
};
const toHex = (channels: readonly number[]) =>
  `#${channels.map((c) => Math.min(255, Math.max(0, c)).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

/** The ramp's colour at t (0..1): anchors as they are, between them mixed in linear light, so luminance rises strictly. */
export function rampSwatch(t: number): Swatch {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const a = RAMP[i] ?? HEADER;
  const b = RAMP[i + 1] ?? a;
  const f = x - i;
  if (f < 1e-9) return a;
  if (f > 1 - 1e-9) return b;
  const ca = rgb(a.fill);
  const cb = rgb(b.fill);
  const fill = toHex(ca.map((c, k) => linearToChannel(channelToLinear(c) * (1 - f) + channelToLinear(cb[k] ?? c) * f)));
  // Text: white where it keeps 4.5:1, else black (which then does).
  return { fill, font: contrast(fill, '#FFFFFF') >= 4.5 ? '#FFFFFF' : '#000000' };
}

/**
 * The swatch a level of a scale shows (the plan's rules, the summary's chart and key, the pane's bar), by its
 * meaning: excluded levels grey, the others on the ramp by `rampPosition`; an index outside the scale is "not rated".
 */
export function levelSwatch(levels: RatingScale, index: number): Swatch {
  const level = levels[index];
  if (!level) return UNRATED_SWATCH;
  const t = rampPosition(levels, index);
  return t === null ? EXCLUDED_SWATCH : rampSwatch(t);
}

/** The fill of a level found by key (the statistics' `levels`), or of "not rated" for an unknown key. */
export function levelFillByKey(levels: RatingScale, key: string): string {
  return levelSwatch(
    levels,
    levels.findIndex((l) => l.key === key),
  ).fill;
}

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return 0.2126 * channelToLinear(r) + 0.7152 * channelToLinear(g) + 0.0722 * channelToLinear(b);
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
