import { footerCodes, headerCodes, type Margins, type PageSetupState, type PrintPlan } from '../core/plans/printPlan';
import { insertionPoint } from './sheetPatch';
import { sheetRef } from './summarySheet';
import {
  appendInside,
  attr,
  decode,
  elementEnd,
  escapeText,
  nextTag,
  readRoot,
  setAttr,
  splice,
  type Child,
  type Edit,
  type Root,
} from './xml';

/** The defined names Excel keeps a sheet's print titles and print area in (with the sheet's index as localSheetId). */
export const PRINT_TITLES = '_xlnm.Print_Titles';
export const PRINT_AREA = '_xlnm.Print_Area';
/** OOXML's paper size code for A4 (ECMA-376 Part 1, 18.3.1.63 pageSetup). */
const PAPER: Readonly<Record<PrintPlan['paper'], string>> = { A4: '9' };

const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** The parts of a header or footer text (&L, &C, &R sections), non-empty, left to right, joined by a line break. */
export function footerParts(codes: string): string {
  const parts: Record<'L' | 'C' | 'R', string> = { L: '', C: '', R: '' };
  let section: 'L' | 'C' | 'R' = 'C';
  for (let i = 0; i < codes.length; i++) {
    const ch = codes[i] ?? '';
    const next = codes[i + 1] ?? '';
    if (ch === '&' && (next === 'L' || next === 'C' || next === 'R')) {
      section = next;
      i++;
    } else if (ch === '&' && next !== '') {
      parts[section] += ch + next;
      i++;
    } else parts[section] += ch;
  }
  return [parts.L, parts.C, parts.R].filter((p) => p !== '').join('\n');
}

function childText(xml: string, c: Child): string {
  if (c.open.empty) return '';
  return decode(xml.slice(c.open.end, xml.lastIndexOf('<', c.end - 1)));
}

/** The children of a child element, with their offsets. */
function kids(xml: string, c: Child | undefined): Child[] {
  const out: Child[] = [];
  if (!c || c.open.empty) return out;
  for (let t = nextTag(xml, c.open.end); t && t.start < c.end && !t.close;) {
    const end = elementEnd(xml, t);
    out.push({ local: t.local, start: t.start, end, open: t });
    t = nextTag(xml, end);
  }
  return out;
}

/** What a worksheet part (and the workbook's names local to it) says of its page setup. */
export function readPageSetup(xml: string, names: readonly { name: string }[]): PageSetupState {
  const root = readRoot(xml, 'a worksheet');
  const child = (local: string) => root.children.find((c) => c.local === local);
  const tag = (c: Child | undefined) => (c ? xml.slice(c.open.start, c.open.end) : '');
  const setUpPr = kids(xml, child('sheetPr')).find((c) => c.local === 'pageSetUpPr');
  const setup = tag(child('pageSetup'));
  const hf = kids(xml, child('headerFooter'));
  const texts = (pattern: RegExp) =>
    hf
      .filter((c) => pattern.test(c.local))
      .map((c) => footerParts(childText(xml, c)))
      .filter((t) => t !== '')
      .join('\n');
  const breaks = ['rowBreaks', 'colBreaks'].some((b) => kids(xml, child(b)).length > 0);
  const m = tag(child('pageMargins'));
  const num = (name: string) => Number(attr(m, name) ?? NaN);
  const margins: Margins | null = m
    ? { left: num('left'), right: num('right'), top: num('top'), bottom: num('bottom'), header: num('header'), footer: num('footer') }
    : null;
  const orientation = attr(setup, 'orientation');
  const scale = attr(setup, 'scale');
  return {
    orientation: orientation === 'landscape' ? 'landscape' : orientation === 'portrait' ? 'portrait' : null,
    scale: scale === undefined ? null : Number(scale),
    fitToPage: truthy(attr(tag(setUpPr), 'fitToPage')),
    fitToPagesWide: Number(attr(setup, 'fitToWidth') ?? 1),
    fitToPagesTall: Number(attr(setup, 'fitToHeight') ?? 1),
    headers: texts(/Header$/),
    footers: texts(/Footer$/),
    printTitles: names.some((n) => n.name === PRINT_TITLES),
    printArea: names.some((n) => n.name === PRINT_AREA),
    pageBreaks: breaks,
    margins,
  };
}

/** Edits that set one root child: its open tag's attributes where it exists, else a new element at its place in the schema. */
function setChild(xml: string, root: Root, local: string, values: Readonly<Record<string, string>>): Edit {
  const c = root.children.find((x) => x.local === local);
  if (!c) {
    const at = insertionPoint(root, local);
    const list = Object.entries(values)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('');
    return { start: at, end: at, text: `<${root.prefix}${local}${list}/>` };
  }
  let open = xml.slice(c.open.start, c.open.end);
  for (const [k, v] of Object.entries(values)) open = setAttr(open, k, v);
  return { start: c.open.start, end: c.open.end, text: open };
}

/** The sheetPr edit turning fit-to-pages on (CT_SheetPr: tabColor, outlinePr, pageSetUpPr, so it goes last). */
function fitToPageEdit(xml: string, root: Root): Edit {
  const p = root.prefix;
  const sheetPr = root.children.find((c) => c.local === 'sheetPr');
  if (!sheetPr) {
    const at = insertionPoint(root, 'sheetPr');
    return { start: at, end: at, text: `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>` };
  }
  const open = xml.slice(sheetPr.open.start, sheetPr.open.end);
  if (sheetPr.open.empty)
    return {
      start: sheetPr.start,
      end: sheetPr.end,
      text: `${open.replace(/\s*\/>$/, '>')}<${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`,
    };
  const pr = kids(xml, sheetPr).find((c) => c.local === 'pageSetUpPr');
  if (pr) return { start: pr.open.start, end: pr.open.end, text: setAttr(xml.slice(pr.open.start, pr.open.end), 'fitToPage', '1') };
  const at = xml.lastIndexOf('<', sheetPr.end - 1);
  return { start: at, end: at, text: `<${p}pageSetUpPr fitToPage="1"/>` };
}

/** The page setup elements of a plan, in schema order: fit to page, margins, paper and orientation, header and footer. */
function pageSetupEdits(xml: string, root: Root, plan: PrintPlan): Edit[] {
  const p = root.prefix;
  const m = plan.margins;
  const footer = footerCodes(plan.footer);
  // CT_HeaderFooter: oddHeader before oddFooter; ours replace whatever headers and footers were there.
  const header = plan.header ? `<${p}oddHeader>${escapeText(`&L${headerCodes(plan.header).left}`)}</${p}oddHeader>` : '';
  const hfText = `${header}<${p}oddFooter>${escapeText(`&L${footer.left}&R${footer.right}`)}</${p}oddFooter>`;
  const hf = root.children.find((c) => c.local === 'headerFooter');
  const hfOpen = hf ? xml.slice(hf.open.start, hf.open.end).replace(/\s*\/>$/, '>') : `<${p}headerFooter>`;
  const hfAt = hf ? hf.start : insertionPoint(root, 'headerFooter');
  return [
    fitToPageEdit(xml, root),
    setChild(xml, root, 'pageMargins', {
      left: String(m.left),
      right: String(m.right),
      top: String(m.top),
      bottom: String(m.bottom),
      header: String(m.header),
      footer: String(m.footer),
    }),
    setChild(xml, root, 'pageSetup', {
      paperSize: PAPER[plan.paper],
      orientation: plan.orientation,
      fitToWidth: String(plan.fitToPagesWide),
      fitToHeight: String(plan.fitToPagesTall),
    }),
    { start: hfAt, end: hf ? hf.end : hfAt, text: `${hfOpen}${hfText}</${p}headerFooter>` },
  ];
}

/** Row-tag edits storing the plan's heights, as auto heights (no customHeight), never over a row's custom height. */
function rowHeightEdits(xml: string, root: Root, plan: PrintPlan): Edit[] {
  const sheetData = root.children.find((c) => c.local === 'sheetData');
  if (!sheetData || sheetData.open.empty || plan.rowHeights.length === 0) return [];
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const last = plan.rowHeights[plan.rowHeights.length - 1]?.row ?? 0;
  const edits: Edit[] = [];
  // Row tags only: a cell is <c>, never <row, and rows do not nest.
  const re = /<(?:[\w.-]+:)?row\b[^>]*>/g;
  re.lastIndex = sheetData.open.end;
  let rowNumber = 0;
  for (let m = re.exec(xml); m && m.index < sheetData.end; m = re.exec(xml)) {
    const open = m[0];
    rowNumber = Number(attr(open, 'r') ?? rowNumber + 1);
    if (rowNumber > last) break;
    const height = heights.get(rowNumber);
    if (height === undefined || truthy(attr(open, 'customHeight'))) continue;
    const next = setAttr(open, 'ht', String(height));
    if (next !== open) edits.push({ start: m.index, end: m.index + open.length, text: next });
  }
  return edits;
}

/**
 * A worksheet with its print plan applied: the page setup (only when `setup`, i.e. the sheet has none of the
 * user's, P1.2) and the row heights (always, never over a custom height). Everything else stays as it was.
 */
export function applyPrint(xml: string, plan: PrintPlan, setup: boolean): string {
  const root = readRoot(xml, `sheet "${plan.sheet}"`);
  return splice(xml, [...(setup ? pageSetupEdits(xml, root, plan) : []), ...rowHeightEdits(xml, root, plan)]);
}

/** A print names request: the sheet's index among the workbook's sheets and its plan. */
export interface PrintNames {
  readonly localSheetId: number;
  readonly plan: PrintPlan;
}

/** The workbook part with each sheet's print titles and print area set (ours replaced), the user's other names untouched. */
export function patchPrintNames(xml: string, sheets: readonly PrintNames[]): string {
  if (sheets.length === 0) return xml;
  const root = readRoot(xml, 'the workbook part');
  const p = root.prefix;
  const ids = new Set(sheets.map((s) => String(s.localSheetId)));
  const edits: Edit[] = [];
  const added = sheets
    .flatMap(({ localSheetId, plan }) => {
      const out: string[] = [];
      if (plan.titleRows) {
        const rows = `'${plan.sheet.replace(/'/g, "''")}'!$${plan.titleRows.first}:$${plan.titleRows.last}`;
        out.push(`<${p}definedName name="${PRINT_TITLES}" localSheetId="${localSheetId}">${escapeText(rows)}</${p}definedName>`);
      }
      if (plan.printArea)
        out.push(
          `<${p}definedName name="${PRINT_AREA}" localSheetId="${localSheetId}">${escapeText(sheetRef(plan.sheet, plan.printArea))}</${p}definedName>`,
        );
      return out;
    })
    .join('');
  const names = root.children.find((c) => c.local === 'definedNames');
  if (!names) {
    const order = ['sheets', 'functionGroups', 'externalReferences'];
    const before = [...root.children].reverse().find((c) => order.includes(c.local));
    const at = before ? before.end : root.closeStart;
    return splice(xml, [{ start: at, end: at, text: `<${p}definedNames>${added}</${p}definedNames>` }]);
  }
  for (const c of kids(xml, names)) {
    const open = xml.slice(c.open.start, c.open.end);
    const name = attr(open, 'name');
    if ((name === PRINT_TITLES || name === PRINT_AREA) && ids.has(attr(open, 'localSheetId') ?? ''))
      edits.push({ start: c.start, end: c.end, text: '' });
  }
  edits.push(appendInside(xml, names.open, names.end, added));
  return splice(xml, edits);
}
