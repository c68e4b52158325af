import type { CellError, CellValue } from './types';

/** Error values Excel shows in cells. */
const ERROR_CODES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
]);

/** True for an error value such as `#N/A`. */
export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === 'object' && value !== null && typeof value.error === 'string';
}

/** True when a string is exactly one of Excel's error values (hosts that report errors as text). */
export function isErrorCode(text: string): boolean {
  return ERROR_CODES.has(text.trim().toUpperCase());
}

/** True for an empty cell: null, undefined or only white space. */
export function isBlank(value: CellValue | undefined): boolean {
  if (typeof value !== 'string') return value === null || value === undefined;
  // A text starting with a printable ASCII character is not blank: answered without trimming a long progress note.
  const first = value.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f) && value.trim() === '';
}

/** A cell's text as a person reads it; numbers in plain form, errors as their code. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.error;
}

/** Lower case, punctuation as spaces, single spaces: how headers and labels are compared. */
export function normalise(text: string): string {
  if (text.length > 200) return normaliseNow(text);
  let n = NORMALISED.get(text);
  if (n === undefined) {
    n = normaliseNow(text);
    // Labels, leads and ratings repeat down a table: a small cache saves the Unicode regex on each row.
    if (NORMALISED.size >= 5000) NORMALISED.clear();
    NORMALISED.set(text, n);
  }
  return n;
}

const NORMALISED = new Map<string, string>();

/**
 * True when `text` normalises to `normalised` (already normalised). A long progress cell is ruled out
 * without normalising it: each ASCII letter or digit stays a letter or digit, so a text with more of
 * them than `normalised` has characters cannot normalise to it.
 */
export function normalisesTo(text: string, normalised: string): boolean {
  let alphanumerics = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = code | 0x20; // ASCII upper case to lower; other codes stay outside a-z
    if ((letter >= 0x61 && letter <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (++alphanumerics > normalised.length) return false;
    }
  }
  return normalise(text) === normalised;
}

function normaliseNow(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d]/g, '')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** True when a string would become a formula if written to a cell as a value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** A text `squash` changes: doubled white space, a line break or tab, or white space at either end. */
export const SQUASHABLE_RE = /\s\s|[\t\n\r\f\v]|^\s|\s$/;

/** Collapses runs of white space (line breaks included) to one space and trims. */
export function squash(text: string): string {
  return SQUASHABLE_RE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
