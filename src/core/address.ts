/** A1-style addresses: column letters and 1-based rows. */

/** Column letters ("A", "AB") for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index for column letters; -1 when the letters are not a column. */
export function columnIndex(letters: string): number {
  const up = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) return -1;
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < 16384 ? n - 1 : -1;
}

/** Splits "B7" into a 0-based column index and a 1-based row; null when malformed. */
export function parseAddress(address: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) return null;
  const column = columnIndex(m[1]);
  const row = Number(m[2]);
  if (column < 0 || row < 1 || row > 1048576) return null;
  return { column, row };
}

/** "B7" from a 0-based column index and a 1-based row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "A5:F18" from corners given as 0-based columns and 1-based rows. */
export function rangeAddress(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): string {
  return `${cellAddress(firstColumn, firstRow)}:${cellAddress(lastColumn, lastRow)}`;
}
