import { columnIndex, columnLetter, parseAddress } from '../core/address';
import { isOurRule, type FormatPlan } from '../core/plans/formatPlan';
import { ruleDxf, styleOf, TableStyles } from './cellStyles';
import type { StyleBook } from './styles';
import {
  attr,
  decode,
  dropAttr,
  elementEnd,
  escapeAttr,
  escapeText,
  nextTag,
  readRoot,
  setAttr,
  splice,
  type Child,
  type Edit,
  type Root,
} from './xml';

/** CT_Worksheet's children in schema order: new elements go where the schema puts them. */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Offset where a new child `local` goes: before the first child that comes after it in the schema. */
export function insertionPoint(root: Root, local: string): number {
  const mine = WORKSHEET_ORDER.indexOf(local);
  const after = root.children.find((c) => WORKSHEET_ORDER.indexOf(c.local) > mine);
  return after ? after.start : root.closeStart;
}

interface Box {
  c0: number;
  r0: number;
  c1: number;
  r1: number;
}
function box(range: string): Box {
  const [a = 'A1', b = a] = range.split(':');
  const tl = parseAddress(a) ?? { column: 0, row: 1 };
  const br = parseAddress(b) ?? tl;
  return { c0: tl.column, r0: tl.row, c1: br.column, r1: br.row };
}

/** An inline-string cell, or a plain styled cell when the text is empty. */
export function textCell(ref: string, style: number, text: string, p = ''): string {
  const s = style ? ` s="${style}"` : '';
  if (text === '') return `<${p}c r="${ref}"${s}/>`;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
}

interface Ctx {
  xml: string;
  p: string;
  plan: FormatPlan;
  styles: TableStyles;
  table: Box;
  header: number;
  /** Our columns: the status column, then the days-overdue and data-check columns (empty when none is written). */
  ours: readonly OurColumn[];
}

interface OurColumn {
  column: number;
  r0: number;
  values: readonly (readonly [string | number])[];
  header: string;
}

/** One of our cells: the header, a number (days overdue) or text; blank cells keep only their style. */
function ourCell(ctx: Ctx, col: OurColumn, r: number, ref: string, style: number): string {
  const value = r === ctx.header ? col.header : (col.values[r - col.r0]?.[0] ?? '');
  if (typeof value === 'number') return `<${ctx.p}c r="${ref}"${style ? ` s="${style}"` : ''}><${ctx.p}v>${value}</${ctx.p}v></${ctx.p}c>`;
  return textCell(ref, style, value, ctx.p);
}

/** The new content of one row of the table: styles set, missing cells added, the status cell written. */
function patchRow(ctx: Ctx, r: number, cells: { column: number; start: number; end: number; tag: string }[], xml: string): string {
  const { table, p } = ctx;
  const wanted = new Set<number>();
  for (let c = table.c0; c <= table.c1; c++) wanted.add(c);
  const ours = new Map(ctx.ours.map((o) => [o.column, o]));
  for (const column of ours.keys()) wanted.add(column);
  const out: { column: number; xml: string }[] = [];
  const seen = new Set<number>();
  for (const cell of cells) {
    seen.add(cell.column);
    const inTable = cell.column >= table.c0 && cell.column <= table.c1;
    const style = inTable
      ? r === ctx.header
        ? ctx.styles.headerStyle(styleOf(cell.tag))
        : ctx.styles.bodyStyle(styleOf(cell.tag))
      : styleOf(cell.tag);
    const ref = `${columnLetter(cell.column)}${r}`;
    const mine = ours.get(cell.column);
    if (mine) out.push({ column: cell.column, xml: ourCell(ctx, mine, r, ref, style) });
    else if (inTable) {
      const tag = setAttr(setAttr(cell.tag, 'r', ref), 's', String(style));
      out.push({ column: cell.column, xml: tag + xml.slice(cell.start + cell.tag.length, cell.end) });
    } else out.push({ column: cell.column, xml: xml.slice(cell.start, cell.end) });
  }
  for (const column of wanted) {
    if (seen.has(column)) continue;
    const inTable = column >= table.c0 && column <= table.c1;
    const style = inTable ? (r === ctx.header ? ctx.styles.headerStyle(0) : ctx.styles.bodyStyle(0)) : 0;
    const ref = `${columnLetter(column)}${r}`;
    const mine = ours.get(column);
    out.push({ column, xml: mine ? ourCell(ctx, mine, r, ref, style) : textCell(ref, style, '', p) });
  }
  out.sort((a, b) => a.column - b.column);
  return out.map((c) => c.xml).join('');
}

/** The cells of a row element: column, offsets, opening tag. */
function rowCells(xml: string, row: Child): { column: number; start: number; end: number; tag: string }[] {
  const out: { column: number; start: number; end: number; tag: string }[] = [];
  let column = -1;
  for (let t = nextTag(xml, row.open.end); t && t.start < row.end && !t.close;) {
    const end = elementEnd(xml, t);
    if (t.local === 'c') {
      const tag = xml.slice(t.start, t.end);
      const ref = attr(tag, 'r');
      column = ref ? columnIndex(ref.replace(/\d+$/, '')) : column + 1;
      out.push({ column, start: t.start, end, tag });
    }
    t = nextTag(xml, end);
  }
  return out;
}

/** Edits to sheetData: every row from the header to the last row of the table. */
function sheetDataEdits(ctx: Ctx, sheetData: Child): Edit[] {
  const { xml, p } = ctx;
  const edits: Edit[] = [];
  const first = ctx.header;
  const last = Math.max(ctx.table.r1, ...ctx.ours.map((o) => o.r0 + o.values.length - 1));
  let expected = first;
  let rowNumber = 0;
  let tail = xml.lastIndexOf('<', sheetData.end - 1);
  const insertRows = (upTo: number, at: number) => {
    const rows: string[] = [];
    for (; expected < upTo && expected <= last; expected++)
      rows.push(`<${p}row r="${expected}">${patchRow(ctx, expected, [], xml)}</${p}row>`);
    if (rows.length > 0) edits.push({ start: at, end: at, text: rows.join('') });
  };
  if (sheetData.open.empty) {
    insertRows(last + 1, 0);
    const text = edits[0]?.text ?? '';
    return [{ start: sheetData.start, end: sheetData.end, text: `<${p}sheetData>${text}</${p}sheetData>` }];
  }
  for (let t = nextTag(xml, sheetData.open.end); t && t.start < sheetData.end && !t.close;) {
    const end = elementEnd(xml, t);
    if (t.local === 'row') {
      const open = xml.slice(t.start, t.end);
      rowNumber = Number(attr(open, 'r') ?? rowNumber + 1);
      if (rowNumber > last) {
        tail = t.start;
        break;
      }
      if (rowNumber >= first) {
        insertRows(rowNumber, t.start);
        const row = { local: 'row', start: t.start, end, open: t };
        const cells = rowCells(xml, row);
        const body = patchRow(ctx, rowNumber, cells, xml);
        let tag = setAttr(open.replace(/\s*\/>$/, '>'), 'r', String(rowNumber));
        tag = dropAttr(tag, 'spans'); // a hint only; ours would be out of date
        edits.push({ start: t.start, end, text: `${tag}${body}</${p}row>` });
        expected = rowNumber + 1;
      }
    }
    t = nextTag(xml, end);
  }
  insertRows(last + 1, tail);
  return edits;
}

/** A `<cols>` element with our widths set (a user's `<col>` range split around our column, its other attributes kept). */
function colsXml(xml: string, p: string, cols: Child | undefined, widths: readonly { column: string; width: number }[]): string {
  type Col = { min: number; max: number; tag: string };
  let list: Col[] = [];
  if (cols && !cols.open.empty) {
    for (let t = nextTag(xml, cols.open.end); t && t.start < cols.end && !t.close; t = nextTag(xml, elementEnd(xml, t))) {
      const tag = xml.slice(t.start, elementEnd(xml, t));
      list.push({ min: Number(attr(tag, 'min') ?? 1), max: Number(attr(tag, 'max') ?? 1), tag });
    }
  }
  for (const { column, width } of widths) {
    const c = columnIndex(column) + 1;
    const hit = list.find((x) => x.min <= c && c <= x.max);
    const base = hit ? hit.tag.replace(/\s*\/?>[\s\S]*$/, '/>') : `<${p}col min="${c}" max="${c}"/>`;
    const mine = setAttr(setAttr(setAttr(setAttr(base, 'min', String(c)), 'max', String(c)), 'width', String(width)), 'customWidth', '1');
    const rest = hit ? list.filter((x) => x !== hit) : list;
    if (hit && hit.min < c) rest.push({ min: hit.min, max: c - 1, tag: setAttr(hit.tag, 'max', String(c - 1)) });
    if (hit && hit.max > c) rest.push({ min: c + 1, max: hit.max, tag: setAttr(hit.tag, 'min', String(c + 1)) });
    rest.push({ min: c, max: c, tag: mine });
    list = rest;
  }
  list.sort((a, b) => a.min - b.min);
  const open = cols ? xml.slice(cols.open.start, cols.open.end).replace(/\s*\/>$/, '>') : `<${p}cols>`;
  return `${open}${list.map((x) => x.tag).join('')}</${p}cols>`;
}

/** Edits for the frozen header: only where the first view has no pane of the user's. */
function paneEdits(xml: string, p: string, root: Root, rows: number): Edit[] {
  if (rows <= 0) return [];
  const pane = `<${p}pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/>`;
  const views = root.children.find((c) => c.local === 'sheetViews');
  if (!views) {
    const at = insertionPoint(root, 'sheetViews');
    return [{ start: at, end: at, text: `<${p}sheetViews><${p}sheetView workbookViewId="0">${pane}</${p}sheetView></${p}sheetViews>` }];
  }
  const view = views.open.empty ? null : nextTag(xml, views.open.end);
  if (!view || view.close || view.local !== 'sheetView') return [];
  const end = elementEnd(xml, view);
  if (/<(?:\w+:)?pane\b/.test(xml.slice(view.start, end))) return [];
  const open = xml.slice(view.start, view.end);
  if (view.empty) return [{ start: view.start, end: view.end, text: `${open.replace(/\s*\/>$/, '>')}${pane}</${p}sheetView>` }];
  return [{ start: view.end, end: view.end, text: pane }];
}

/** True for a conditionalFormatting element whose every rule is ours (its formulas carry our marker). */
function isOurBlock(text: string): boolean {
  const formulas = [...text.matchAll(/<(?:\w+:)?formula>([^<]*)</g)].map((m) => decode(m[1] ?? ''));
  const rules = (text.match(/<(?:\w+:)?cfRule\b/g) ?? []).length;
  return rules > 0 && formulas.length >= rules && formulas.every((f) => isOurRule(f));
}

/** Edits that remove our old conditional formats and add the plan's, after the user's (whose priorities come first). */
function ruleEdits(xml: string, root: Root, plan: FormatPlan, book: StyleBook): { edits: Edit[]; replaced: number } {
  const p = root.prefix;
  const edits: Edit[] = [];
  const blocks = root.children.filter((c) => c.local === 'conditionalFormatting');
  const ours = blocks.filter((b) => isOurBlock(xml.slice(b.start, b.end)));
  let replaced = 0;
  for (const b of ours) {
    replaced += (xml.slice(b.start, b.end).match(/<(?:\w+:)?cfRule\b/g) ?? []).length;
    edits.push({ start: b.start, end: b.end, text: '' });
  }
  let top = 0;
  const kept = (from: number, to: number) => {
    for (const m of xml.slice(from, to).matchAll(/\spriority="(\d+)"/g)) top = Math.max(top, Number(m[1]));
  };
  let from = 0;
  for (const b of ours) {
    kept(from, b.start);
    from = b.end;
  }
  kept(from, xml.length);
  const rules = plan.rules
    .map((rule, i) => {
      const formula = escapeText(rule.formula.replace(/^=/, ''));
      return `<${p}conditionalFormatting sqref="${escapeAttr(rule.range)}"><${p}cfRule type="expression" dxfId="${ruleDxf(book, rule)}" priority="${top + i + 1}"><${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    })
    .join('');
  const lastKept = [...blocks].reverse().find((b) => !ours.includes(b));
  const at = lastKept ? lastKept.end : insertionPoint(root, 'conditionalFormatting');
  edits.push({ start: at, end: at, text: rules });
  return { edits, replaced };
}

/** The analysed sheet with the format plan applied. Returns the new XML and how many of our old rules it replaced. */
export function patchSheet(xml: string, plan: FormatPlan, book: StyleBook): { xml: string; replaced: number } {
  const root = readRoot(xml, `sheet "${plan.sheet}"`);
  const p = root.prefix;
  const styles = new TableStyles(book, plan);
  const ours: OurColumn[] = (plan.status ? [plan.status, ...plan.added] : []).map((c) => ({
    column: columnIndex(c.column),
    r0: box(c.range).r0,
    values: c.values,
    header: c.header,
  }));
  const ctx: Ctx = { xml, p, plan, styles, table: box(plan.tableRange), header: box(plan.headerRange).r0, ours };
  const edits: Edit[] = [];
  const child = (local: string) => root.children.find((c) => c.local === local);

  // Columns, then cells.
  edits.push(...paneEdits(xml, p, root, plan.freezeRows));
  const cols = child('cols');
  const colsText = colsXml(xml, p, cols, plan.columnWidths);
  if (cols) edits.push({ start: cols.start, end: cols.end, text: colsText });
  else edits.push({ start: insertionPoint(root, 'cols'), end: insertionPoint(root, 'cols'), text: colsText });
  const sheetData = child('sheetData');
  if (sheetData) edits.push(...sheetDataEdits(ctx, sheetData));
  const dimension = child('dimension');
  if (dimension && ours.length > 0) {
    const ref = attr(xml.slice(dimension.open.start, dimension.open.end), 'ref') ?? 'A1';
    const b = box(ref);
    const nb = {
      c0: Math.min(b.c0, ctx.table.c0),
      r0: Math.min(b.r0, ctx.header),
      c1: Math.max(b.c1, ctx.table.c1, ...ours.map((o) => o.column)),
      r1: Math.max(b.r1, ctx.table.r1),
    };
    const next = `${columnLetter(nb.c0)}${nb.r0}:${columnLetter(nb.c1)}${nb.r1}`;
    if (next !== ref) edits.push({ start: dimension.start, end: dimension.end, text: `<${p}dimension ref="${next}"/>` });
  }

  // The filter, only where the user has none and no Excel Table (a filter over a table's cells is invalid).
  if (!child('autoFilter') && !child('tableParts')) {
    const at = insertionPoint(root, 'autoFilter');
    edits.push({ start: at, end: at, text: `<${p}autoFilter ref="${plan.autoFilterRange}"/>` });
  }

  // Our conditional formats replace our old ones; the user's stay where they are.
  const rules = ruleEdits(xml, root, plan, book);
  edits.push(...rules.edits);
  return { xml: splice(xml, edits), replaced: rules.replaced };
}
