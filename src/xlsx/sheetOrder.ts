import { columnLetter } from '../core/address';
import { HostError } from '../core/errors';
import { attr, elementEnd, nextTag, readRoot, setAttr, type Tag } from './xml';

/**
 * Rows and cells in order. A worksheet may list its rows, and a row its cells, in any order, and may leave
 * out their references (`r`, then each follows the one before). Excel reads those, but writing into such a
 * sheet row by row would repeat rows (which Excel takes for corruption), so before we patch a sheet its
 * sheetData is put in order: each row once, rows and cells ascending, every one with its reference. A sheet
 * already in order is returned as it was (the same string), so ordinary sheets cost one scan.
 */

interface CellAt {
  column: number;
  text: string;
}
interface RowAt {
  n: number;
  open: string;
  name: string;
  cells: CellAt[];
  /** Children of the row other than cells (extLst), kept after them. */
  rest: string[];
}

const unreadable = (part: string, why: string) =>
  new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} ${why}).`);

/** The 0-based column and the row of a reference such as "B7"; null when it is not one. */
function refParts(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) };
}

/** The end of a cell element: its close tag, found in one search (cells never nest). */
function cellEnd(xml: string, t: Tag, part: string): number {
  if (t.empty) return t.end;
  const close = xml.indexOf(`</${t.name}>`, t.end);
  if (close < 0) throw unreadable(part, 'is not well-formed XML');
  return close + t.name.length + 3;
}

/** Reads one row element: its number (given, else the one after `previous`), cells with their columns, and whether it was in order. */
function readRow(xml: string, t: Tag, previous: number, part: string): { row: RowAt; end: number; ordered: boolean } {
  const open = xml.slice(t.start, t.end);
  const given = attr(open, 'r');
  const n = given === undefined ? previous + 1 : Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 1_048_576) throw unreadable(part, 'has a row outside the sheet');
  let ordered = given !== undefined && n > previous;
  const row: RowAt = { n, open, name: t.name, cells: [], rest: [] };
  if (t.empty) return { row, end: t.end, ordered };
  let column = -1;
  let c = nextTag(xml, t.end, part);
  while (c && !c.close) {
    if (c.local !== 'c') {
      const end = elementEnd(xml, c, part);
      row.rest.push(xml.slice(c.start, end));
      c = nextTag(xml, end, part);
      continue;
    }
    const end = cellEnd(xml, c, part);
    const ref = attr(xml.slice(c.start, c.end), 'r');
    const at = ref === undefined ? null : refParts(ref);
    const next = at ? at.column : column + 1;
    if (!at || at.row !== n || next <= column) ordered = false;
    if (next > 16_383) throw unreadable(part, 'has a cell outside the sheet');
    column = next;
    row.cells.push({ column, text: xml.slice(c.start, end) });
    c = nextTag(xml, end, part);
  }
  if (!c) throw unreadable(part, 'is not well-formed XML');
  return { row, end: c.end, ordered: ordered && row.rest.length === 0 };
}

/** An opening tag with its reference set: replaced where it has one, else first after the name (where Excel writes it). */
function withRef(tag: string, ref: string): string {
  if (attr(tag, 'r') !== undefined) return setAttr(tag, 'r', ref);
  const name = /^<[^\s/>]+/.exec(tag)?.[0] ?? '<c';
  return `${name} r="${ref}"${tag.slice(name.length)}`;
}

/** One row written in order: its reference set, its cells sorted and referenced, a second cell at one place refused. */
function rowXml(row: RowAt, part: string): string {
  const cells = [...row.cells].sort((a, b) => a.column - b.column);
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as CellAt;
    const ref = `${columnLetter(cell.column)}${row.n}`;
    if (i > 0 && cells[i - 1]?.column === cell.column) throw unreadable(part, `has two cells at ${ref}`);
    const gt = nextTag(cell.text, 0)?.end ?? 0;
    out.push(withRef(cell.text.slice(0, gt), ref) + cell.text.slice(gt));
  }
  const open = withRef(row.open, String(row.n));
  const body = out.join('') + row.rest.join('');
  if (body === '') return open;
  return `${open.replace(/\s*\/>$/, '>')}${body}</${row.name}>`;
}

/** The worksheet with its sheetData in order (see above); the very same string when it already is. */
export function orderSheetData(xml: string, part: string): string {
  const root = readRoot(xml, part);
  const sheetData = root.children.find((c) => c.local === 'sheetData');
  if (!sheetData || sheetData.open.empty) return xml;
  const rows = new Map<number, RowAt>();
  let ordered = true;
  let previous = 0;
  let t = nextTag(xml, sheetData.open.end, part);
  for (; t && !t.close && t.start < sheetData.end;) {
    if (t.local !== 'row') {
      t = nextTag(xml, elementEnd(xml, t, part), part);
      continue;
    }
    const read = readRow(xml, t, previous, part);
    ordered &&= read.ordered;
    previous = read.row.n;
    const same = rows.get(read.row.n);
    if (same) {
      // The same row twice: one row with the cells of both (two cells at one place are refused).
      same.cells.push(...read.row.cells);
      same.rest.push(...read.row.rest);
    } else rows.set(read.row.n, read.row);
    t = nextTag(xml, read.end, part);
  }
  if (ordered) return xml;
  const body = [...rows.values()]
    .sort((a, b) => a.n - b.n)
    .map((r) => rowXml(r, part))
    .join('');
  const open = xml.slice(sheetData.open.start, sheetData.open.end);
  const close = `</${sheetData.open.name}>`;
  return `${xml.slice(0, sheetData.start)}${open}${body}${close}${xml.slice(sheetData.end)}`;
}
