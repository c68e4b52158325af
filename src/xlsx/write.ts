import type ExcelJS from 'exceljs';
import { columnIndex, parseAddress } from '../core/address';
import { isOurRule, type FormatPlan } from '../core/formatPlan';
import { SUMMARY_MARKER_NAME, type SummaryModel, type SummaryStyle } from '../core/summaryModel';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const thin = (hex: string): Partial<ExcelJS.Border> => ({ style: 'thin', color: { argb: argb(hex) } });

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function box(range: string): Box {
  const [a, b = a] = range.split(':');
  const tl = parseAddress(a ?? 'A1') ?? { column: 0, row: 1 };
  const br = parseAddress(b ?? 'A1') ?? tl;
  return { r0: tl.row, c0: tl.column + 1, r1: br.row, c1: br.column + 1 };
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  const b = box(range);
  for (let r = b.r0; r <= b.r1; r++) {
    const row = ws.getRow(r);
    for (let c = b.c0; c <= b.c1; c++) fn(row.getCell(c), r, c);
  }
}

/**
 * Restyles cells through a cache keyed on each cell's current style object: exceljs shares one style
 * object per style in a file it read, so equal styles stay one object, and writing stays as fast as a
 * plain read and write (exceljs recognises a style object it has seen).
 */
function restyler(change: (old: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>): (cell: ExcelJS.Cell) => void {
  const cache = new Map<object | string, Partial<ExcelJS.Style>>();
  return (cell) => {
    const old = cell.style ?? {};
    const key: object | string = Object.keys(old).length === 0 ? 'plain' : old;
    let next = cache.get(key);
    if (!next) {
      next = change(old);
      cache.set(key, next);
      cache.set(next, next);
    }
    cell.style = next;
  };
}

/** Removes our own conditional-format rules (identified by their marked formula); the user's stay. Returns how many. */
export function removeOurRules(ws: ExcelJS.Worksheet): number {
  const list =
    (ws as unknown as { conditionalFormattings?: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings ?? [];
  let removed = 0;
  const kept = list.filter((cf) => {
    const ours = cf.rules.length > 0 && cf.rules.every((rule) => (rule.formulae ?? []).some((f) => isOurRule(f)));
    if (ours) removed += cf.rules.length;
    return !ours;
  });
  list.splice(0, list.length, ...kept);
  return removed;
}

/**
 * Applies the format plan to a worksheet: styles merged into what each cell already has (a user's
 * alignment, number format and fonts survive), widths, frozen header, filter, our rules, the status column.
 */
export function applyFormat(ws: ExcelJS.Worksheet, plan: FormatPlan): void {
  const edge = thin(plan.borderColor);
  const body = restyler((old) => ({
    ...old,
    alignment: { ...old.alignment, wrapText: true, vertical: 'top' },
    border: { top: edge, bottom: edge, left: edge, right: edge },
  }));
  const header = restyler((old) => ({
    ...old,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(plan.header.fill) } },
    font: { ...old.font, bold: true, color: { argb: argb(plan.header.fontColor) } },
  }));
  eachCell(ws, plan.tableRange, body);
  eachCell(ws, plan.headerRange, header);
  for (const { column, width } of plan.columnWidths) ws.getColumn(columnIndex(column) + 1).width = width;
  const view = (ws.views ?? [])[0] ?? {};
  const frozen = view.state === 'frozen' && (view as { ySplit?: number }).ySplit === plan.freezeRows;
  if (plan.freezeRows > 0 && !frozen)
    ws.views = [
      { zoomScale: 100, zoomScaleNormal: 100, ...view, state: 'frozen', xSplit: 0, ySplit: plan.freezeRows } as ExcelJS.WorksheetView,
    ];
  if (!ws.autoFilter) ws.autoFilter = plan.autoFilterRange;
  if (plan.status) {
    ws.getCell(plan.status.headerCell).value = plan.status.header;
    const b = box(plan.status.range);
    plan.status.values.forEach(([text], i) => {
      ws.getRow(b.r0 + i).getCell(b.c0).value = text;
    });
  }
  plan.rules.forEach((rule, i) => {
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [rule.formula.replace(/^=/, '')],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
            font: { color: { argb: argb(rule.fontColor) }, ...(rule.bold ? { bold: true } : {}) },
          },
        },
      ],
    });
  });
}

const STYLE: Readonly<Record<SummaryStyle, (cell: ExcelJS.Cell) => void>> = {
  title: (c) => (c.font = { size: 16, bold: true, color: { argb: 'FF1F4E79' } }),
  subtitle: (c) => (c.font = { italic: true }),
  heading: (c) => (c.font = { size: 12, bold: true, color: { argb: 'FF1F4E79' } }),
  tableHeader: (c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  },
  label: (c) => (c.font = { color: { argb: 'FF333333' } }),
  body: (c) => (c.alignment = { wrapText: true, vertical: 'top' }),
  note: (c) => (c.font = { italic: true }),
};

/** Writes the summary model into a new worksheet. Text is always written as text: exceljs makes formulas only from formula objects. */
export function writeSummary(workbook: ExcelJS.Workbook, name: string, model: SummaryModel, index?: number): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  if (index !== undefined) (ws as unknown as { orderNo: number }).orderNo = index;
  model.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell.value === null || cell.value === '') return;
      const target = row.getCell(c + 1);
      target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
    });
  });
  for (const s of model.styles) eachCell(ws, s.range, STYLE[s.style]);
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (model.chart) {
    const anchor = ws.getCell(model.chart.anchor);
    anchor.value =
      'Chart: the Excel add-in draws the rating chart here; .xlsx files written by the action-plan command carry the figures only.';
    anchor.font = { italic: true, color: { argb: 'FF555555' } };
  }
  workbook.definedNames.add(`'${name.replace(/'/g, "''")}'!$A$1`, SUMMARY_MARKER_NAME);
  return ws;
}

/** The worksheet our defined name points at, if it still exists. */
export function findOurSummary(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const entry = model.find((m) => m.name === SUMMARY_MARKER_NAME);
  const ref = entry?.ranges[0];
  if (!ref) return undefined;
  const sheetName = ref.slice(0, ref.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'");
  return workbook.getWorksheet(sheetName);
}

/** Forgets our defined name (before the summary is written again). */
export function removeOurName(workbook: ExcelJS.Workbook): void {
  const names = workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  names.model = names.model.filter((m) => m.name !== SUMMARY_MARKER_NAME);
}
