import { columnIndex, parseAddress } from '../core/address';
import { isDateFormat } from '../core/dates';
import { HostError } from '../core/errors';
import type { CellValue, SheetSnapshot } from '../core/types';
import { attr, decode, elementEnd, nextTag, readRoot, unescapeOoxml, type Tag } from './xml';

/** Most cells holding data that one sheet may have before reading is refused. */
export const MAX_CELLS = 5_000_000;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Built-in number formats that show dates or times (ids from ECMA-376 18.8.30, plus the East Asian date ids). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Shared strings as people read them (runs joined, phonetic guides dropped, `_xHHHH_` resolved). */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const si = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  const t = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  for (const m of xml.matchAll(si)) {
    const body = (m[1] ?? '').replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    let text = '';
    for (const r of body.matchAll(t)) text += r[1] ?? '';
    out.push(unescapeOoxml(decode(text)));
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
    out.push(custom.get(id) ?? (BUILTIN_DATES.has(id) ? 'yyyy-mm-dd' : id === 49 ? '@' : 'General'));
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

/** Text inside a `<c>`'s child element (between its open tag and the next close tag), or "" when empty. */
function innerText(xml: string, tag: Tag): string {
  if (tag.empty) return '';
  return xml.slice(tag.end, xml.indexOf('<', tag.end));
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
      // Validations in the x14 extension (lists pointing at other sheets) cover cells too.
      for (const m of xml.slice(child.start, child.end).matchAll(/<(?:\w+:)?sqref>([^<]*)</g))
        if (/dataValidation/.test(xml.slice(child.start, child.end)))
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
    if (t.close || t.local === 'sheetData') {
      t = nextTag(xml, t.end, part);
      continue;
    }
    if (t.local === 'row') {
      const tag = xml.slice(t.start, t.end);
      rowNumber = Number(attr(tag, 'r') ?? rowNumber + 1);
      if (!(rowNumber >= 1 && rowNumber <= MAX_ROW))
        throw new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} has a row outside the sheet).`);
      column = -1;
      row = undefined;
      t = nextTag(xml, t.end, part);
      continue;
    }
    if (t.local !== 'c') {
      t = nextTag(xml, t.end, part);
      continue;
    }
    const tag = xml.slice(t.start, t.end);
    const ref = attr(tag, 'r');
    const at = ref ? parseAddress(ref) : null;
    column = at ? at.column : column + 1;
    const r = at ? at.row : rowNumber;
    if (column >= MAX_COLUMN || r < 1 || r > MAX_ROW)
      throw new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} has a cell outside the sheet).`);
    const type = attr(tag, 't') ?? 'n';
    const style = Number(attr(tag, 's') ?? 0);
    let raw: string | null = null;
    let inline: string | null = null;
    let formula = '';
    let next = nextTag(xml, t.end, part);
    if (!t.empty) {
      while (next && !(next.close && next.local === 'c')) {
        if (!next.close && next.local === 'v') raw = innerText(xml, next);
        else if (!next.close && next.local === 'f') formula = `=${decode(innerText(xml, next))}`;
        else if (!next.close && next.local === 'is') {
          const close = elementEnd(xml, next, part);
          inline = next.empty ? '' : (readSharedStrings(`<si>${xml.slice(next.end, xml.lastIndexOf('<', close - 1))}</si>`)[0] ?? '');
          next = nextTag(xml, close, part);
          continue;
        }
        next = nextTag(xml, next.end, part);
      }
      if (next) next = nextTag(xml, next.end, part);
    }
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
    if (++cells > MAX_CELLS)
      throw new HostError(
        'PayloadTooLarge',
        `This sheet has more than ${MAX_CELLS.toLocaleString('en-GB')} cells holding data, too many to check safely; nothing was written.`,
      );
    while (row.values.length < column) {
      row.values.push(null);
      row.formats.push('General');
      row.formulas.push('');
    }
    row.values[column] = value;
    row.formats[column] = format;
    row.formulas[column] = formula === '=' ? '=(shared)' : formula;
    if (r > maxRow) maxRow = r;
    t = next;
  }
  return { cells, maxRow };
}

/** Column index (0-based) of a cell reference's letters, for callers holding "XFD" style text. */
export function columnOf(ref: string): number {
  return columnIndex(ref.replace(/\d+$/, ''));
}
