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
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
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

/** Collapses runs of white space (line breaks included) to one space and trims. */
export function squash(text: string): string {
  return /\s\s|[\t\n\r\f\v]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
