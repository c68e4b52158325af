import { parseAddress } from '../core/address';
import { isDateFormat } from '../core/dates';
import { HostError } from '../core/errors';
import type { CellValue, SheetSnapshot } from '../core/types';
import { attr, decode, nextTag, readRoot, unescapeOoxml, type Tag } from './xml';

/** Most cells holding data that one sheet may have before reading is refused. */
export const MAX_CELLS = 5_000_000;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Built-in number formats that show dates or times (ids from ECMA-376 18.8.30, plus the East Asian date ids). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Other built-in formats the core reads: text, and percentages (Excel stores "0%" as id 9, so 1 is 100%, not 1). */
const BUILTIN_OTHERS = new Map([
  [9, '0%'],
  [10, '0.00%'],
  [49, '@'],
]);

const T_RUN = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;

/** The text of one `<si>` or `<is>` body: runs joined, phonetic guides dropped, entities and `_xHHHH_` resolved. */
function itemText(body: string): string {
  const gt = body.indexOf('>');
  // Fast path: a single plain run, <t>text</t> (most strings).
  if (gt > 0 && /^<(?:\w+:)?t[\s>]/.test(body) && body.indexOf('<', gt) === body.lastIndexOf('<') && body.endsWith('t>'))
    return unescapeOoxml(decode(body.slice(gt + 1, body.lastIndexOf('<'))));
  const plain = body.includes('rPh') ? body.replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, '') : body;
  let text = '';
  for (const r of plain.matchAll(T_RUN)) text += r[1] ?? '';
  return unescapeOoxml(decode(text));
}

/** Shared strings as people read them (runs joined, phonetic guides dropped, `_xHHHH_` resolved). */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const prefix = /<(\w+:)?sst[\s>]/.exec(xml)?.[1] ?? '';
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const out: string[] = [];
  for (let at = xml.indexOf(open); at >= 0;) {
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      at = xml.indexOf(open, gt);
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out.push(itemText(xml.slice(gt + 1, end)));
    at = xml.indexOf(open, end);
  }
  return out;
}

/** Number format code per cell style index, from styles.xml (built-in date ids named so the core sees a date). */
export function readCellFormats(xml: string | undefined): string[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? 'General');
  }
  const xfs = /<(?:\w+:)?cellXfs[\s>][\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  const out: string[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf[\s/>][^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? (BUILTIN_DATES.has(id) ? 'yyyy-mm-dd' : (BUILTIN_OTHERS.get(id) ?? 'General')));
  }
  return out;
}

/** What the snapshot reader learnt about a sheet besides its cells. */
export interface SheetRead {
  readonly snapshot: SheetSnapshot;
  /** The sheet is protected (`<sheetProtection sheet="1">`). */
  readonly protected: boolean;
  readonly cellCount: number;
}

const EMPTY_ROW: readonly never[] = Object.freeze([]);

interface RowBuild {
  values: CellValue[];
  formats: string[];
  formulas: string[];
}

/** The value a `<c>` element holds, decoded by its type. */
function cellValue(type: string, raw: string | null, inline: string | null, strings: readonly string[]): CellValue {
  if (type === 'inlineStr') return inline ?? (raw === null ? null : unescapeOoxml(decode(raw)));
  if (raw === null) return null;
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'str':
    case 'd':
      return unescapeOoxml(decode(raw));
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: decode(raw).trim() };
    default: {
      const n = Number(raw);
      return raw.trim() === '' || !Number.isFinite(n) ? null : n;
    }
  }
}

/**
 * Reads a worksheet part into the core's snapshot from A1: values (cached results for formulas),
 * number formats, formulas, merged areas and validated areas. Work and memory follow the cells that
 * hold data: rows without data share one empty array, and nothing is sized by a dimension or a range.
 */
export function readSheet(
  xml: string,
  name: string,
  context: { strings: readonly string[]; formats: readonly string[]; date1904: boolean },
): SheetRead {
  const part = `sheet "${name}"`;
  const root = readRoot(xml, part);
  const rows = new Map<number, RowBuild>();
  const merges: string[] = [];
  const validations: string[] = [];
  let isProtected = false;
  let cells = 0;
  let maxRow = 0;
  for (const child of root.children) {
    const open = xml.slice(child.open.start, child.open.end);
    if (child.local === 'sheetData') {
      const read = readCells(xml, child.open, child.end, context, rows, part);
      cells = read.cells;
      maxRow = read.maxRow;
    } else if (child.local === 'sheetProtection') isProtected = /^(1|true)$/.test(attr(open, 'sheet') ?? '');
    else if (child.local === 'mergeCells' || child.local === 'dataValidations') {
      const list = child.local === 'mergeCells' ? merges : validations;
      const key = child.local === 'mergeCells' ? 'ref' : 'sqref';
      for (const m of xml.slice(child.start, child.end).matchAll(/<(?:\w+:)?(?:mergeCell|dataValidation)\s[^>]*>/g))
        list.push(...(attr(m[0], key) ?? '').split(/\s+/).filter((r) => r !== ''));
    } else if (child.local === 'extLst') {
      // Validations in the x14 extension (lists pointing at other sheets) cover cells too; only their sqrefs count.
      const ext = xml.slice(child.start, child.end);
      for (const block of ext.matchAll(/<(?:\w+:)?dataValidations[\s>][\s\S]*?<\/(?:\w+:)?dataValidations>/g))
        for (const m of block[0].matchAll(/<(?:\w+:)?sqref>([^<]*)</g))
          validations.push(...(m[1] ?? '').split(/\s+/).filter((r) => r !== ''));
    }
  }
  const values: (readonly CellValue[])[] = [];
  const numberFormats: (readonly string[])[] = [];
  const formulas: (readonly string[])[] = [];
  for (let r = 1; r <= maxRow; r++) {
    const row = rows.get(r);
    values.push(row ? row.values : EMPTY_ROW);
    numberFormats.push(row ? row.formats : EMPTY_ROW);
    formulas.push(row ? row.formulas : EMPTY_ROW);
  }
  return {
    snapshot: { name, origin: 'A1', values, numberFormats, formulas, merges, validations },
    protected: isProtected,
    cellCount: cells,
  };
}

/** The r, s and t attributes of the `<c>` tag at xml[start, end), in one pass and without copying the tag (the hot path of reading). */
function cellAttrs(xml: string, start: number, end: number): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  const within = (at: number) => (at >= 0 && at < end ? at : -1);
  let i = within(xml.indexOf(' ', start));
  while (i > start) {
    const eq = within(xml.indexOf('=', i));
    if (eq < 0) break;
    let q = eq + 1;
    while (q < end && xml.charCodeAt(q) === 32) q++;
    const quote = q < end ? xml.charAt(q) : '';
    if (quote !== '"' && quote !== "'") break;
    const close = within(xml.indexOf(quote, q + 1));
    if (close < 0) break;
    const name = xml.slice(i, eq).trim();
    if (name === 'r' || name === 's' || name === 't') out[name] = decode(xml.slice(q + 1, close));
    i = close + 1;
  }
  return out;
}

/** A cell reference ("B7", "$B$7") as a 0-based column and a row; null when malformed. */
function refOf(ref: string): { column: number; row: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i) | 32; // lower case
    if (k >= 97 && k <= 122) column = column * 26 + (k - 96);
    else if (k !== 36 /* $ */ && k !== 36 + 32) break;
  }
  const row = Number(ref.slice(i).replace('$', ''));
  if (column < 1 || column > MAX_COLUMN || !(row >= 1 && row <= MAX_ROW)) return parseAddress(ref);
  return { column: column - 1, row };
}

/** Sets one cell of a row being built, padding the row up to it. */
function put(row: RowBuild, column: number, value: CellValue, format: string, formula: string): void {
  while (row.values.length < column) {
    row.values.push(null);
    row.formats.push('General');
    row.formulas.push('');
  }
  row.values[column] = value;
  row.formats[column] = format;
  row.formulas[column] = formula;
}

/** What a `<c>` element holds: its cached value text, inline text, formula; and the tag after it. */
function cellContent(xml: string, t: Tag, part: string): { raw: string | null; inline: string | null; formula: string; next: Tag | null } {
  if (t.empty) return { raw: null, inline: null, formula: '', next: nextTag(xml, t.end, part) };
  // A cell never nests in itself: its close tag ends it, found in one search.
  const close = xml.indexOf(t.name === 'c' ? '</c>' : `</${t.name}>`, t.end);
  if (close < 0) throw new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} is not well-formed XML).`);
  const content = xml.slice(t.end, close);
  const next = nextTag(xml, close + t.name.length + 3, part);
  // Most cells are just <v>...</v>: sliced without a regular expression.
  if (content.startsWith('<v>') && content.indexOf('<', 3) === content.length - 4)
    return { raw: content.slice(3, -4), inline: null, formula: '', next };
  const f = /<(?:\w+:)?f(?:\s[^>]*)?(\/>|>([^<]*)<)/.exec(content);
  const is = /<(?:\w+:)?is>([\s\S]*)<\/(?:\w+:)?is>/.exec(content);
  return {
    raw: /<(?:\w+:)?v>([^<]*)</.exec(content)?.[1] ?? null,
    inline: is ? itemText(is[1] ?? '') : null,
    formula: f ? `=${decode(f[2] ?? '')}` : '',
    next,
  };
}

/** A <row> tag's number (its r, else the one after the last), refused outside the sheet. */
function rowNumberOf(tag: string, previous: number, part: string): number {
  const n = Number(attr(tag, 'r') ?? previous + 1);
  if (!(n >= 1 && n <= MAX_ROW))
    throw new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} has a row outside the sheet).`);
  return n;
}

function tooManyCells(): HostError {
  return new HostError(
    'PayloadTooLarge',
    `This sheet has more than ${MAX_CELLS.toLocaleString('en-GB')} cells holding data, too many to check safely; nothing was written.`,
  );
}

/** The cells of a sheetData element into `rows`, in any order; how many hold data and the last row with one. */
function readCells(
  xml: string,
  open: Tag,
  end: number,
  context: { strings: readonly string[]; formats: readonly string[]; date1904: boolean },
  rows: Map<number, RowBuild>,
  part: string,
): { cells: number; maxRow: number } {
  let rowNumber = 0;
  let column = -1;
  let row: RowBuild | undefined;
  let cells = 0;
  let maxRow = 0;
  let t = open.empty ? null : nextTag(xml, open.end, part);
  while (t && t.start < end) {
    if (t.close || (t.local !== 'row' && t.local !== 'c')) {
      t = nextTag(xml, t.end, part);
      continue;
    }
    if (t.local === 'row') {
      rowNumber = rowNumberOf(xml.slice(t.start, t.end), rowNumber, part);
      column = -1;
      row = undefined;
      t = nextTag(xml, t.end, part);
      continue;
    }
    const a = cellAttrs(xml, t.start, t.end);
    const at = a.r ? refOf(a.r) : null;
    column = at ? at.column : column + 1;
    const r = at ? at.row : rowNumber;
    if (column >= MAX_COLUMN || r < 1 || r > MAX_ROW)
      throw new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} has a cell outside the sheet).`);
    const type = a.t ?? 'n';
    const style = a.s ? Number(a.s) : 0;
    const { raw, inline, formula, next } = cellContent(xml, t, part);
    let value = cellValue(type, raw, inline, context.strings);
    const format = context.formats[style] ?? 'General';
    if (value === null && formula === '') {
      t = next; // a formatted empty cell holds no data: it costs nothing
      continue;
    }
    if (typeof value === 'number' && context.date1904 && isDateFormat(format)) value += 1462;
    if (!row || r !== rowNumber) {
      rowNumber = r;
      row = rows.get(r);
      if (!row) rows.set(r, (row = { values: [], formats: [], formulas: [] }));
    }
    if (++cells > MAX_CELLS) throw tooManyCells();
    put(row, column, value, format, formula === '=' ? '=(shared)' : formula);
    if (r > maxRow) maxRow = r;
    t = next;
  }
  return { cells, maxRow };
}
