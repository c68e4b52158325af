import { cellText } from './cells';
import type { CellValue } from './types';

// R1, Rec 4, 2(a), 1.2, 3.1.17, 1i), 78, A1, 2a: a short token that starts or ends with a number.
const REFERENCE_RE = /^(?:[A-Z]{1,4}\s?\.?\s?)?\d{1,4}(?:\.\d{1,3}){0,3}(?:\s?\(?[a-z]{1,4}\)|[a-z]{1,3}\)?)?\.?$/i;
const PREFIX_RE = /^(?:rec(?:ommendation)?\.?|no\.?|para(?:graph)?\.?)\s*/i;

/** True for a cell that reads as a recommendation reference ("R1", "2(a)", "3.1.17", "1i)", 78). */
export function looksLikeReference(value: CellValue | undefined): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 10000;
  const text = cellText(value).trim().replace(PREFIX_RE, '');
  return text.length > 0 && text.length <= 12 && REFERENCE_RE.test(text);
}

// "1i) The review ...", "ii) Variances ...", "3.2 Ensure ...", "R4: ...", "2(a) ...": a reference written before the text.
const LEADING_RE =
  /^\s*((?:(?:R|Rec\.?\s?)?\d{1,3}(?:\.\d{1,3}){0,3}(?:\([a-z]{1,4}\)|[a-z]{1,3}\))?|\(?[ivx]{1,5}\)|\([a-z]\)))[.:]?\s+\S/i;

/** The reference written at the start of a recommendation text ("1i) The review" -> "1i)"), as written, or null. */
export function leadingReference(text: string): string | null {
  const m = LEADING_RE.exec(text);
  return m?.[1] === undefined ? null : m[1].replace(/\s+/g, '');
}
