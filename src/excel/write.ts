import { isOurRule, type FormatPlan } from '../core/plans/formatPlan';
import { DAYS_1904 } from './dateSystem';
import { FINGERPRINT_COLUMNS, FINGERPRINT_ROWS, summaryFingerprint } from '../core/plans/summaryMark';
import { SUMMARY_MARKER_NAME } from '../core/plans/sheetNames';
import type { ChartSpec, SummaryModel, SummaryStyle } from '../core/plans/summaryModel';
import { SUMMARY_DATE_FORMAT } from '../core/plans/summaryGrid';

/**
 * Text written so that Excel keeps it exactly: a leading apostrophe (Excel's quote prefix, hidden and not
 * stored in the value) on every string. `Range.values` parses strings as typed input in en-US (office-js
 * #1559, #229): without it "007" becomes 7, "3/4" a date, "TRUE" a boolean, "=x" a formula, and a user's
 * own leading apostrophe would be eaten.
 */
export function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** Excel character widths to points, as Excel sizes columns (7 px per character plus 5 px padding, at 96 dpi). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/** Queues the deletion of our own conditional formats (identified by their marked formula), given the loaded candidates. */
export function queueRemoveOurRules(candidates: readonly { format: Excel.ConditionalFormat; formula: string }[]): number {
  let removed = 0;
  for (const c of candidates) {
    if (!isOurRule(c.formula)) continue;
    c.format.delete();
    removed++;
  }
  return removed;
}

/**
 * Queues the format plan: range-level operations only, a constant number of them whatever the table's size.
 * With `tableStyle` (the plan is a user's Excel table) the header fill, font and borders are left to the
 * table's style, which draws them (and our table columns with them); widths and wrapping are still set.
 */
export function queueFormat(sheet: Excel.Worksheet, plan: FormatPlan, options: { applyAutoFilter: boolean; tableStyle?: boolean }): void {
  if (!options.tableStyle) {
    const header = sheet.getRange(plan.headerRange);
    header.format.fill.color = plan.header.fill;
    header.format.font.color = plan.header.fontColor;
    header.format.font.bold = true;
  }

  const table = sheet.getRange(plan.tableRange);
  table.format.wrapText = plan.wrapText;
  table.format.verticalAlignment = plan.verticalAlignment;
  if (!options.tableStyle) {
    for (const edge of BORDERS) {
      const border = table.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = plan.borderColor;
    }
  }
  for (const { column, width } of plan.columnWidths) sheet.getRange(`${column}:${column}`).format.columnWidth = widthToPoints(width);
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (options.applyAutoFilter) sheet.autoFilter.apply(plan.autoFilterRange);

  if (plan.status) {
    sheet.getRange(plan.status.headerCell).values = [[asText(plan.status.header)]];
    sheet.getRange(plan.status.range).values = plan.status.values.map(([v]) => [asText(v)]);
  }
  // The days overdue as numbers (sortable, filterable), the data checks as text; "" leaves a cell blank.
  for (const added of plan.added) {
    sheet.getRange(added.headerCell).values = [[asText(added.header)]];
    sheet.getRange(added.range).values = added.values.map(([v]) => [typeof v === 'number' ? v : asText(v)]);
  }

  plan.rules.forEach((rule, priority) => {
    const cf = sheet.getRange(rule.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = rule.formula;
    cf.custom.format.fill.color = rule.fill;
    cf.custom.format.font.color = rule.fontColor;
    if (rule.bold) cf.custom.format.font.bold = true;
    cf.priority = priority;
  });
}

const STYLE: Readonly<Record<SummaryStyle, (range: Excel.Range) => void>> = {
  title: (r) => {
    r.format.font.size = 16;
    r.format.font.bold = true;
    r.format.font.color = '#1F4E79';
  },
  subtitle: (r) => {
    r.format.font.italic = true;
  },
  headline: (r) => {
    r.format.font.size = 12;
    r.format.font.bold = true;
    r.format.font.color = '#1A1A1A';
  },
  heading: (r) => {
    r.format.font.size = 12;
    r.format.font.bold = true;
    r.format.font.color = '#1F4E79';
  },
  tableHeader: (r) => {
    r.format.fill.color = '#1F4E79';
    r.format.font.color = '#FFFFFF';
    r.format.font.bold = true;
    r.format.wrapText = true;
    r.format.verticalAlignment = 'Top';
  },
  label: (r) => {
    r.format.font.color = '#333333';
    // The position date is a real date: left-aligned, it lines up with the labels' other values instead of sitting right.
    r.format.horizontalAlignment = 'Left';
  },
  body: (r) => {
    r.format.wrapText = true;
    r.format.verticalAlignment = 'Top';
  },
  line: (r) => {
    r.format.verticalAlignment = 'Top';
  },
  note: (r) => {
    r.format.font.italic = true;
  },
};

/**
 * Queues the rating chart in the same batch as the rest of the summary: a clustered bar chart placed in its
 * box, each bar (point) filled with its level's colour, value labels on. Microsoft's docs:
 * ChartSeriesCollection.getItemAt and ChartSeries.points / ChartPointsCollection.getItemAt (ExcelApi 1.1),
 * ChartPoint.format.fill.setSolidColor (ChartFill, ExcelApi 1.1), ChartSeries.hasDataLabels (ExcelApi 1.7),
 * ChartSeries.dataLabels (ExcelApi 1.8) with ChartDataLabels.showValue (ExcelApi 1.1), Chart.setPosition
 * (ExcelApi 1.1): all within the manifest's ExcelApi 1.9.
 * https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 * https://learn.microsoft.com/javascript/api/excel/excel.chartpoint
 */
function queueChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add(Excel.ChartType.barClustered, sheet.getRange(spec.dataRange), Excel.ChartSeriesBy.columns);
  chart.title.text = spec.title;
  chart.legend.visible = false;
  chart.setPosition(spec.anchor, spec.end);
  const series = chart.series.getItemAt(0);
  spec.pointColours.forEach((colour, i) => series.points.getItemAt(i).format.fill.setSolidColor(colour));
  if (spec.dataLabels) {
    series.hasDataLabels = true;
    series.dataLabels.showValue = true;
  }
}

/** A summary cell's value as written: text kept literal, and dates on the workbook's own date system. */
function summaryValue(cell: SummaryModel['rows'][number][number], date1904: boolean): string | number | boolean {
  if (typeof cell.value === 'string') return asText(cell.value);
  if (typeof cell.value === 'number' && date1904 && cell.numberFormat === SUMMARY_DATE_FORMAT) return cell.value - DAYS_1904;
  return cell.value ?? '';
}

/** Request bytes a block of the grid may take: well under Excel's 5 MB per request, with the rest of a write beside it. */
export const GRID_BLOCK_BYTES = 3_000_000;

/** The grid's values and number formats as row blocks of at most GRID_BLOCK_BYTES each, each a write to queue. */
function gridBlocks(sheet: Excel.Worksheet, model: SummaryModel, date1904: boolean): (() => void)[] {
  const width = model.rows[0]?.length ?? 1;
  const blocks: (() => void)[] = [];
  let start = 0;
  let bytes = 0;
  const cut = (end: number) => {
    const from = start;
    if (end <= from) return;
    blocks.push(() => {
      const rows = model.rows.slice(from, end);
      const range = sheet.getRangeByIndexes(from, 0, rows.length, width);
      range.numberFormat = rows.map((row) => row.map((c) => c.numberFormat ?? 'General'));
      range.values = rows.map((row) => row.map((c) => summaryValue(c, date1904)));
    });
    start = end;
    bytes = 0;
  };
  model.rows.forEach((row, r) => {
    for (const c of row) bytes += (typeof c.value === 'string' ? c.value.length * 3 : 12) + (c.numberFormat?.length ?? 7) + 6;
    if (bytes > GRID_BLOCK_BYTES) cut(r + 1);
  });
  cut(model.rows.length);
  return blocks;
}

/** Where the summary goes: a new sheet, or our existing one rewritten in place (its charts loaded, to remove them). */
export type SummaryTarget =
  | { readonly kind: 'new'; readonly name: string }
  | {
      readonly kind: 'ours';
      readonly sheet: Excel.Worksheet;
      readonly charts: Excel.ChartCollection;
      /** The fingerprint stored with our marker now: set again only when it changes. */
      readonly mark: string | null;
    };

/**
 * Queues one of our sheets (the summary, the chase sheet): one values write, one number-format write, a style call
 * per style run, a chart, the model's manual page breaks and (on a new sheet) our marker name `markerName`. Our
 * existing sheet is cleared and rewritten in place, never deleted or moved: `Worksheet.delete` and setting
 * `Worksheet.position` have no undo support, so inside a merged undo group (ExcelApi 1.20) they would fail the
 * whole batch with UndoNotSupported. So a new sheet stays where `worksheets.add` puts it (last), and the run's words
 * say how to print the committee's pages (describePlan.ts, printWords).
 */
export function queueSummary(
  context: Excel.RequestContext,
  target: SummaryTarget,
  model: SummaryModel,
  markerName = SUMMARY_MARKER_NAME,
  date1904 = false,
  /** Where the grid's later row blocks go, to be queued after a sync each (a big chase sheet passes 5 MB); none: all now. */
  later?: (() => void)[],
): Excel.Worksheet {
  const sheet = target.kind === 'new' ? context.workbook.worksheets.add(target.name) : target.sheet;
  // The marker's comment is the fingerprint of what we write at the sheet's top (summaryMark.ts), so the command
  // (and a later check) can tell our summary from a user's sheet the marker happens to point at.
  const top = model.rows.slice(0, FINGERPRINT_ROWS).map((row) => row.slice(0, FINGERPRINT_COLUMNS).map((c) => c.value));
  const fingerprint = summaryFingerprint(model.sheetName, top);
  if (target.kind === 'new') {
    // Marked first, so that a batch failing part-way still leaves a sheet the next run knows as ours.
    const marker = context.workbook.names.add(markerName, sheet.getRange('A1'), fingerprint);
    marker.visible = false;
  } else if (target.mark !== fingerprint) {
    // Rarely: the fingerprint leaves out what changes from run to run (summaryMark.ts). Setting a name's comment
    // has no undo on the web, so there such a run falls back to several undo steps (runExcel retries it ungrouped).
    context.workbook.names.getItemOrNullObject(markerName).comment = fingerprint;
  }
  if (target.kind === 'ours') {
    for (const chart of target.charts.items) chart.delete();
    sheet.getRange().clear();
  }
  const blocks = gridBlocks(sheet, model, date1904);
  blocks[0]?.();
  for (const block of blocks.slice(1)) later ? later.push(block) : block();
  for (const s of model.styles) STYLE[s.style](sheet.getRange(s.range));
  // Figure columns and their headers right-aligned (Range.format.horizontalAlignment, ExcelApi 1.1).
  for (const range of model.rightAligned) sheet.getRange(range).format.horizontalAlignment = 'Right';
  for (const s of model.swatches) {
    const key = sheet.getRange(s.range);
    key.format.fill.color = s.fill;
    key.format.font.color = s.font;
  }
  model.columnWidths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = widthToPoints(w);
  });
  if (model.chart) queueChart(sheet, model.chart);
  queueRowBreaks(sheet, model.rowBreaks, target.kind === 'ours');
  return sheet;
}

/**
 * Manual page breaks above the given rows (Worksheet.horizontalPageBreaks, PageBreakCollection.add and
 * removePageBreaks, ExcelApi 1.9; not on Microsoft's list of APIs without undo support). One call per printed page.
 */
function queueRowBreaks(sheet: Excel.Worksheet, rows: readonly number[], replace: boolean): void {
  if (replace) sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of rows) if (row > 1) sheet.horizontalPageBreaks.add(`A${row}`);
}
