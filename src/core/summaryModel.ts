import { cellAddress, columnIndex, rangeAddress } from './address';
import { formatLong, fromIso } from './dates';
import { RULE_TITLES, SEVERITY_ORDER } from './findings';
import { MOVEMENT_LABELS, MOVEMENT_LISTS, type Movement } from './movement';
import type { Analysis } from './types';

/** The summary sheet's name when it is free; adapters add " (2)", " (3)" when a user's sheet has it. */
export const SUMMARY_SHEET_NAME = 'Action plan summary';
/** The hidden workbook name that marks our summary sheet (both adapters): it refers to the sheet's A1 and follows renames. */
export const SUMMARY_MARKER_NAME = 'ActionPlanChecker.Summary';

/** A name for the summary sheet that no other sheet has (sheet names compare ignoring case; at most 31 characters). */
export function freeSummaryName(taken: readonly string[], base = SUMMARY_SHEET_NAME): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`.slice(0, 31);
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Longest list of overdue, unrated or findings rows the summary prints; the rest are counted. */
export const SUMMARY_LIST_LIMIT = 500;
/** Columns of the summary grid. */
export const SUMMARY_COLUMNS = 6;

export type SummaryStyle = 'title' | 'subtitle' | 'heading' | 'tableHeader' | 'label' | 'body' | 'note';

/** One cell of the summary grid. `literal` marks text that echoes the workbook: written as text, never a formula. */
export interface SummaryCell {
  readonly value: string | number | null;
  readonly literal?: boolean;
  /** Number format for numbers ("0", "0%"); text cells keep the sheet's default. */
  readonly numberFormat?: string;
}

/** A run of rows sharing a look, on the summary sheet. */
export interface SummaryStyleRange {
  readonly range: string;
  readonly style: SummaryStyle;
}

/** A bar chart of the rating distribution, pointing at ranges of the summary sheet. */
export interface ChartSpec {
  readonly type: 'bar';
  readonly title: string;
  /** Labels and counts, including their header row (row 1 of the range = series name). */
  readonly dataRange: string;
  /** Where the chart sits: the top-left cell of the space beside the figures. */
  readonly anchor: string;
}

/** The summary sheet as data: one grid written in one go, style runs, column widths, a chart. */
export interface SummaryModel {
  readonly sheetName: string;
  readonly rows: readonly (readonly SummaryCell[])[];
  readonly styles: readonly SummaryStyleRange[];
  readonly columnWidths: readonly number[];
  readonly chart: ChartSpec | null;
}

/** Text for a cell of the summary that echoes the workbook. */
function lit(value: string): SummaryCell {
  return { value, literal: true };
}
function txt(value: string): SummaryCell {
  return { value };
}
function num(value: number): SummaryCell {
  return { value, numberFormat: '0' };
}
function pct(value: number | null): SummaryCell {
  return value === null ? txt('n/a') : { value, numberFormat: '0%' };
}

class Grid {
  readonly rows: SummaryCell[][] = [];
  readonly styles: SummaryStyleRange[] = [];

  add(cells: SummaryCell[], style?: SummaryStyle): number {
    const padded = [...cells, ...Array.from({ length: SUMMARY_COLUMNS - cells.length }, () => txt(''))].slice(0, SUMMARY_COLUMNS);
    this.rows.push(padded);
    const row = this.rows.length;
    if (style) this.styleRows(row, row, style, cells.length);
    return row;
  }

  styleRows(from: number, to: number, style: SummaryStyle, width = SUMMARY_COLUMNS): void {
    const prev = this.styles[this.styles.length - 1];
    const range = rangeAddress(0, from, Math.max(width, 1) - 1, to);
    // Consecutive rows of one style are one range, so the adapters' work does not grow with the lists.
    if (prev && prev.style === style) {
      const m = /^A(\d+):([A-Z]+)(\d+)$/.exec(prev.range);
      if (m && Number(m[3]) === from - 1) {
        const lastCol = Math.max(columnIndex(m[2] ?? 'A'), width - 1);
        this.styles[this.styles.length - 1] = { range: rangeAddress(0, Number(m[1]), lastCol, to), style };
        return;
      }
    }
    this.styles.push({ range, style });
  }

  blank(): void {
    this.add([]);
  }

  /**
   * A heading, a header row and body rows (one "empty" row when there are none), then, for lists, a
   * note saying how many are shown. The shape is the same whatever the data, so the adapters' work is too.
   */
  table(heading: string, header: string[], body: SummaryCell[][], empty: string, note?: string): { first: number; last: number } {
    this.add([txt(heading)], 'heading');
    this.add(header.map(txt), 'tableHeader');
    const first = this.rows.length + 1;
    for (const cells of body.length > 0 ? body : [[txt(empty)]]) this.add(cells);
    const last = this.rows.length;
    this.styleRows(first, last, 'body', header.length);
    if (note !== undefined) this.add([txt(note)], 'note');
    return { first, last };
  }
}

/** "Showing all 3." or "Showing the first 500 of 1,234: filter ..." under a capped list. */
function shownNote(shown: number, total: number, rest: string): string {
  return shown === total ? `Showing all ${total}.` : `Showing the first ${shown} of ${total}: ${rest}`;
}

const SOURCE_WORDS = {
  option: 'chosen in the add-in',
  sheet: "from the sheet's title rows",
  assumed: "today's date, assumed: no as-at date in the title rows",
} as const;

function capped<T>(items: readonly T[]): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, SUMMARY_LIST_LIMIT), more: Math.max(0, items.length - SUMMARY_LIST_LIMIT) };
}

/** The Slippage block (S2): counts, then each slipped item with its first and current target; nothing when none slipped. */
function slippageBlock(g: Grid, analysis: Analysis): void {
  const { stats } = analysis;
  if (stats.slipped === 0) return;
  const day = (iso: string | null) => txt(iso === null ? '' : formatLong(fromIso(iso) ?? 0));
  const moved = analysis.recommendations.filter((r) => r.slippedDays > 0 || r.revisions > 0);
  const slipped = capped([...moved].sort((x, y) => y.slippedDays - x.slippedDays));
  g.table(
    `Slippage: ${stats.slipped} moved, ${stats.pastOriginal} open past their original date, median ${stats.medianSlippage ?? 0} days`,
    ['Ref', 'Lead', 'First target', 'Current target', 'Times moved', 'Days later'],
    slipped.shown.map((r) => [
      lit(r.id ?? `row ${r.row}`),
      lit(r.lead),
      day(r.originalDue),
      day(r.timescale.due),
      num(r.revisions),
      num(r.slippedDays),
    ]),
    '',
    shownNote(slipped.shown.length, slipped.shown.length + slipped.more, 'filter the status column on "Slipped" for the rest.'),
  );
  g.blank();
}

/**
 * The "Since <previous as-at date>" block (SPEC, M2.5): a count and the references per kind of movement,
 * then how the items were matched. Self-contained, so the rest of the summary is as without it.
 */
function movementBlock(g: Grid, m: Movement): void {
  const day = fromIso(m.previousAsAt);
  const now = fromIso(m.currentAsAt);
  const since = day === null ? m.previousAsAt : formatLong(day);
  const rows = MOVEMENT_LISTS.map((list) => {
    const refs = capped(m[list]);
    const more = refs.more > 0 ? ` and ${refs.more} more` : '';
    return [txt(MOVEMENT_LABELS[list]), num(m[list].length), lit(`${refs.shown.join(', ')}${more}`)];
  });
  const byText = m.matched.filter((x) => x.how === 'text');
  const renamed = capped(byText.filter((x) => x.id !== x.previousId).map((x) => `${x.id} (was ${x.previousId})`));
  const note =
    `Compared with the return as at ${since}${now === null ? '' : ` (this one: ${formatLong(now)})`}: ` +
    `${m.matched.length} matched, ${m.matched.length - byText.length} by reference, ${byText.length} by recommendation text` +
    (renamed.shown.length > 0 ? `: ${renamed.shown.join(', ')}${renamed.more > 0 ? ` and ${renamed.more} more` : ''}.` : '.');
  g.table(`Since ${since}`, ['Movement', 'Count', 'References'], rows, '');
  g.add([lit(note)], 'note');
  g.blank();
}

/**
 * Builds the summary sheet: title, source, as-at date and where it came from, generation time;
 * headline figures; rating distribution (with its chart); statutory against non-statutory; by lead;
 * ageing; the overdue and unrated lists; movement since the previous return, when given; findings by
 * severity. `generatedAt` is text supplied by the caller.
 */
export function buildSummary(analysis: Analysis, generatedAt: string, sheetName = SUMMARY_SHEET_NAME, movement?: Movement): SummaryModel {
  const g = new Grid();
  const { stats, table } = analysis;
  const completeWord =
    analysis.scale.filter((l) => l.complete).map((l) => l.label.toLowerCase())[0] ?? analysis.scale[0]?.label.toLowerCase() ?? 'complete';
  const asAtDay = fromIso(analysis.asAt);
  g.add([txt('Action plan summary')], 'title');
  const report = analysis.titleRows.find((t) => /action plan|audit|recommendation/i.test(t)) ?? analysis.titleRows[0];
  if (report) g.add([lit(report)], 'subtitle');
  g.add(
    [
      txt('Source sheet'),
      lit(analysis.sheet),
      txt(table ? `${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}` : 'no table found'),
    ],
    'label',
  );
  g.add(
    [txt('Position as at'), txt(asAtDay === null ? analysis.asAt : formatLong(asAtDay)), txt(SOURCE_WORDS[analysis.asAtSource])],
    'label',
  );
  g.add([txt('Generated'), txt(generatedAt), txt('by Action Plan Checker; re-run to refresh')], 'label');
  g.blank();

  g.add([txt('Headline figures')], 'heading');
  const headlineFirst = g.rows.length + 1;
  g.add([txt('Recommendations'), num(stats.total)]);
  g.add([txt(`Complete (${completeWord})`), num(stats.complete), pct(stats.total - stats.excluded <= 0 ? null : stats.completionRate)]);
  if (stats.excluded > 0) g.add([txt('Not counted (not applicable, withdrawn)'), num(stats.excluded)]);
  if (stats.weightedScore !== null) g.add([txt('Weighted score (rated items)'), pct(stats.weightedScore)]);
  g.add([txt('Overdue'), num(stats.overdue)]);
  g.add([txt('Due within 30 days'), num(stats.dueSoon)]);
  g.add([txt('Unrated'), num(stats.unrated)]);
  if (stats.recordsStatutory) g.add([txt('Statutory complete'), txt(`${stats.statutory.complete} of ${stats.statutory.total}`)]);
  else g.add([txt('Statutory'), txt('not recorded in this table')]);
  g.styleRows(headlineFirst, g.rows.length, 'body', 3);
  g.blank();

  const ratingRows = [
    ...stats.levels.map((l) => [txt(l.label), num(l.count), pct(stats.total === 0 ? 0 : l.share)]),
    [txt('Unrated'), num(stats.unrated), pct(stats.total === 0 ? 0 : stats.unrated / stats.total)],
  ];
  const ratings = g.table('Status distribution', [analysis.scaleLabel, 'Count', 'Share'], ratingRows, 'No recommendations.');
  const chart: ChartSpec | null =
    stats.total > 0
      ? {
          type: 'bar',
          title: 'Recommendations by rating',
          dataRange: rangeAddress(0, ratings.first - 1, 1, ratings.last),
          anchor: cellAddress(4, headlineFirst - 1),
        }
      : null;
  g.blank();

  const groupRow = (label: string, s: typeof stats.statutory) => [
    txt(label),
    num(s.total),
    num(s.complete),
    pct(s.total - s.excluded <= 0 ? null : s.completionRate),
    num(s.overdue),
    num(s.unrated),
  ];
  if (stats.recordsStatutory) {
    g.table(
      'Statutory and non-statutory',
      ['Group', 'Total', 'Complete', 'Completion', 'Overdue', 'Unrated'],
      [groupRow('Statutory', stats.statutory), groupRow('Non-statutory', stats.nonStatutory)],
      '',
    );
    g.blank();
  }
  if (stats.byPriority.length > 0) {
    g.table(
      'By priority',
      ['Priority', 'Total', 'Complete', 'Completion', 'Overdue', 'Unrated'],
      stats.byPriority.map((p) => groupRow(p.priority, { ...p, ageing: stats.ageing })),
      '',
    );
    g.blank();
  }

  g.table(
    'By lead officer',
    ['Lead', 'Total', 'Complete', 'Overdue', 'Unrated'],
    stats.byLead.map((l) => [lit(l.lead), num(l.total), num(l.completely), num(l.overdue), num(l.unrated)]),
    'No recommendations.',
  );
  g.blank();

  const a = stats.ageing;
  g.table(
    'Overdue by age',
    ['Days overdue', 'All', 'Statutory'],
    [
      [txt('1 to 30 days'), num(a['1-30']), num(stats.statutory.ageing['1-30'])],
      [txt('31 to 90 days'), num(a['31-90']), num(stats.statutory.ageing['31-90'])],
      [txt('91 to 365 days'), num(a['91-365']), num(stats.statutory.ageing['91-365'])],
      [txt('Over a year'), num(a.over365), num(stats.statutory.ageing.over365)],
    ],
    '',
  );
  g.blank();

  slippageBlock(g, analysis);

  const overdue = capped([...analysis.recommendations].filter((r) => r.overdue).sort((x, y) => y.daysOverdue - x.daysOverdue));
  g.table(
    'Overdue recommendations',
    ['Ref', 'Subject', 'Lead', 'Due', 'Days overdue', stats.recordsStatutory ? 'Statutory' : 'Priority'],
    overdue.shown.map((r) => [
      lit(r.id ?? `row ${r.row}`),
      lit(r.subject),
      lit(r.lead),
      txt(r.timescale.due ? formatLong(fromIso(r.timescale.due) ?? 0) : ''),
      num(r.daysOverdue),
      stats.recordsStatutory ? txt(r.statutory ? 'Yes' : 'No') : lit(r.priority ?? ''),
    ]),
    'None overdue.',
    shownNote(overdue.shown.length, overdue.shown.length + overdue.more, 'filter the status column on "Overdue" for the rest.'),
  );
  g.blank();

  const unrated = capped(analysis.recommendations.filter((r) => r.rating === null && !r.complete));
  g.table(
    'Unrated recommendations',
    ['Ref', 'Subject', 'Lead', 'Row'],
    unrated.shown.map((r) => [lit(r.id ?? `row ${r.row}`), lit(r.subject), lit(r.lead), num(r.row)]),
    'None unrated.',
    shownNote(unrated.shown.length, unrated.shown.length + unrated.more, 'filter the status column on "Not rated" for the rest.'),
  );
  g.blank();

  if (movement) movementBlock(g, movement);

  const counts = SEVERITY_ORDER.map((sev) => analysis.findings.filter((f) => f.severity === sev).length);
  const findings = capped(analysis.findings);
  g.table(
    `Findings: ${counts[0]} errors, ${counts[1]} warnings, ${counts[2]} notes`,
    ['Severity', 'Cell', 'Ref', 'Check', 'What to do'],
    findings.shown.map((f) => [txt(f.severity), txt(f.cell ?? ''), lit(f.id ?? ''), txt(RULE_TITLES[f.rule]), lit(f.message)]),
    'No findings.',
    shownNote(findings.shown.length, analysis.findings.length, 'see the task pane or the action-plan command for the rest.'),
  );

  return { sheetName, rows: g.rows, styles: g.styles, columnWidths: [30, 36, 28, 18, 60, 12], chart };
}
