/**
 * Fill and text colours used by the plans. Every pair keeps at least 4.5:1 contrast (WCAG AA),
 * checked in formatPlan.test.ts, and every colour comes with words beside it: colour is never the only signal.
 */
export interface Swatch {
  readonly fill: string;
  readonly font: string;
}

export const HEADER: Swatch = { fill: '#1F4E79', font: '#FFFFFF' };
export const STATUTORY_ROW: Swatch = { fill: '#EDE7F6', font: '#2E1A47' };
/** Excluded levels (not applicable, withdrawn): neutral, since they are out of the count. */
export const EXCLUDED_SWATCH: Swatch = { fill: '#EDEDED', font: '#3A3A3A' };
export const PRIORITY_ROW: Swatch = { fill: '#FDEBDD', font: '#5A2400' };

/** One swatch per rating level, best first; levels beyond five reuse the last. */
export const RATING_SWATCHES: readonly Swatch[] = [
  { fill: '#C6EFCE', font: '#005A1E' },
  { fill: '#DDEBF7', font: '#1F4E79' },
  { fill: '#FFEB9C', font: '#6B4E00' },
  { fill: '#FCE4D6', font: '#7A3208' },
  { fill: '#FFC7CE', font: '#8B0010' },
];

/** The chart's bar for items with no status: neutral, apart from every level's colour. */
export const UNRATED_BAR: Swatch = { fill: '#BFBFBF', font: '#1A1A1A' };

/** The swatch a level of a scale shows (rules, the summary's chart and key): excluded levels neutral, others by position. */
export function levelSwatch(levels: readonly { readonly excluded?: boolean }[], index: number): Swatch {
  if (levels[index]?.excluded) return EXCLUDED_SWATCH;
  return RATING_SWATCHES[Math.min(Math.max(index, 0), RATING_SWATCHES.length - 1)] ?? EXCLUDED_SWATCH;
}

export const STATUS_SWATCHES = {
  overdue: { fill: '#FFC7CE', font: '#8B0010' },
  unrated: { fill: '#FFEB9C', font: '#6B4E00' },
  dueSoon: { fill: '#FFF2CC', font: '#6B4E00' },
  check: { fill: '#DDEBF7', font: '#1F4E79' },
  ok: { fill: '#E2EFDA', font: '#2F4A1D' },
} as const satisfies Record<string, Swatch>;

export const BORDER_COLOUR = '#8EA9C1';

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
