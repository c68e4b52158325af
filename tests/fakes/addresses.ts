/** A1 helpers for the fake Excel: whole-column ("G:G") and whole-sheet ranges included. */
import { columnIndex, columnLetter } from '../../src/core/address';

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

// Column letters come from the core's helpers: one implementation of the A1 arithmetic.
export const colIndex = columnIndex;
export const colLetters = columnLetter;

/** Parses "A1", "A1:F18", "G:G" or "3:5" into a 0-based inclusive box; throws InvalidArgument-like errors for nonsense. */
export function parseBox(address: string): Box | null {
  const local = address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .toUpperCase();
  const parts = local.split(':');
  const a = parts[0];
  const b = parts[1] ?? a ?? '';
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d+)$/;
  if (a === undefined) return null;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (ma && mb) return norm({ r0: Number(ma[2]) - 1, c0: colIndex(ma[1] ?? 'A'), r1: Number(mb[2]) - 1, c1: colIndex(mb[1] ?? 'A') });
  const ca = col.exec(a);
  const cb = col.exec(b);
  if (ca && cb) return norm({ r0: 0, c0: colIndex(ca[1] ?? 'A'), r1: MAX_ROWS - 1, c1: colIndex(cb[1] ?? 'A') });
  const ra = row.exec(a);
  const rb = row.exec(b);
  if (ra && rb) return norm({ r0: Number(ra[1]) - 1, c0: 0, r1: Number(rb[1]) - 1, c1: MAX_COLS - 1 });
  return null;
}

function norm(b: Box): Box | null {
  const box = { r0: Math.min(b.r0, b.r1), c0: Math.min(b.c0, b.c1), r1: Math.max(b.r0, b.r1), c1: Math.max(b.c0, b.c1) };
  if (box.r0 < 0 || box.c0 < 0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLS) return null;
  return box;
}

export function boxAddress(b: Box): string {
  const tl = `${colLetters(b.c0)}${b.r0 + 1}`;
  const br = `${colLetters(b.c1)}${b.r1 + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** Sheet-qualified address as Excel gives it: quotes around names that need them. */
export function qualified(sheet: string, b: Box): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${boxAddress(b)}`;
}
