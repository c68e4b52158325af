import { cellAddress } from '../address';
import { formatLong, fromIso } from '../dates';
import { MOVEMENT_LABELS, MOVEMENT_LISTS, type Movement } from '../figures/movement';
import { levelSwatch, UNRATED_BAR } from './palette';
import { STATUS_WORDS } from './statusWords';
import {
  count,
  day,
  lit,
  num,
  ofBase,
  pct,
  SUMMARY_COLUMN_WIDTHS,
  SUMMARY_COLUMNS,
  SummaryGrid,
  txt,
  type BlockColumn,
  type SummaryCell,
  type SummaryStyleRange,
  type SummarySwatch,
} from './summaryGrid';
import type { Analysis, GroupStats, Recommendation, Severity, Statistics } from '../types';

export {
  COUNT_FORMAT,
  SUMMARY_COLUMN_WIDTHS,
  SUMMARY_COLUMNS,
  SUMMARY_DATE_FORMAT,
  type SummaryCell,
  type SummaryStyle,
  type SummaryStyleRange,
  type SummarySwatch,
} from './summaryGrid';

import { CHASE_SHEET_NAME, SUMMARY_SHEET_NAME } from './sheetNames';
export { CHASE_MARKER_NAME, CHASE_SHEET_NAME, freeSummaryName, SUMMARY_MARKER_NAME, SUMMARY_SHEET_NAME } from './sheetNames';

/** Leads the committee's pages name (those with the most overdue); the rest are summed on one line. */
export const LEADS_SHOWN = 5;
/** Exceptions (overdue statutory or top-priority items) the committee's pages list; the rest are counted. */
export const EXCEPTIONS_SHOWN = 5;
/** Priority levels the committee's pages list (top first); the rest are summed on one line. */
export const PRIORITIES_SHOWN = 3;
/** Rows the chart's box spans at least, from the headline figures' heading down. */
export const CHART_ROWS = 11;
/** The first column (0-based) of the right-hand panel of the committee's pages (F), after the gutter (E). */
const RIGHT = 5;

/** Severity as a committee's officer reads it. */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** A bar chart of the rating distribution, pointing at ranges of the summary sheet, in the scale's colours. */
export interface ChartSpec {
  readonly type: 'bar';
  readonly title: string;
  /** Labels and counts, including their header row (row 1 of the range = series name). */
  readonly dataRange: string;
  /** The chart's box: its top-left cell and the cell just beyond its bottom-right corner. */
  readonly anchor: string;
  readonly end: string;
  /** One fill per bar ("#C6EFCE"), in the data's order: each level's colour, as the plan's rules show it. */
  readonly pointColours: readonly string[];
  /** Each bar carries its value as a label. */
  readonly dataLabels: true;
}

/** Our sheets as data: one grid written in one go, style runs, right-aligned ranges, key swatches, widths, a chart, page breaks. */
export interface SummaryModel {
  readonly sheetName: string;
  readonly rows: readonly (readonly SummaryCell[])[];
  readonly styles: readonly SummaryStyleRange[];
  /** Ranges whose cells are right-aligned: each block's figure columns, header row included. */
  readonly rightAligned: readonly string[];
  /** Cells filled as the highlights (or chart bars) they explain. */
  readonly swatches: readonly SummarySwatch[];
  readonly columnWidths: readonly number[];
  readonly chart: ChartSpec | null;
  /** Rows (1-based) that start a printed page: a manual page break above each. */
  readonly rowBreaks: readonly number[];
  /** The row of the "Checks" title on the chase sheet (cells, rule IDs, severities start here); null on the summary. */
  readonly checksRow: number | null;
}

// Accessors for the figures the committee's pages read, so a change of field names touches one place.
const overdueOf = (r: Recommendation): boolean => r.overdue;
const statutoryOf = (s: Statistics): GroupStats => s.statutory;
const countedOf = (s: Pick<GroupStats, 'total' | 'excluded'>): number => s.total - s.excluded;

/** True for an item whose priority is the scale's top level ("High", "Priority 1"). */
export function isTopPriority(analysis: Pick<Analysis, 'topPriorityWords'>, r: Recommendation): boolean {
  if (r.priority === null) return false;
  const word = r.priority.toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  return analysis.topPriorityWords.some((w) => w.toLowerCase() === word);
}

/** "Statutory", "High", "Statutory; High" or "": why an item is one the chair must see. */
export function markWords(analysis: Pick<Analysis, 'topPriorityWords'>, r: Recommendation): string {
  return [r.statutory ? 'Statutory' : '', isTopPriority(analysis, r) ? (r.priority ?? '') : ''].filter((w) => w !== '').join('; ');
}

/** Text cut to `max` characters at a word, with an ellipsis, so a line of the committee's pages stays one line. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}\u2026`;
}

/** Where the as-at date was read on the sheet, in words. */
const PLACE_WORDS = {
  title: "from the sheet's title rows",
  below: 'from a line below the table',
  beside: 'from a cell beside the table',
} as const;

/** Where the as-at date came from, in words: the user, where on the sheet it was read, or today assumed. */
function asAtSourceWords(analysis: Pick<Analysis, 'asAtSource' | 'asAtPlace'>): string {
  if (analysis.asAtSource === 'option') return 'chosen by the user';
  if (analysis.asAtSource === 'assumed') return "today's date, assumed: no as-at date on the sheet";
  return analysis.asAtPlace ? PLACE_WORDS[analysis.asAtPlace] : 'from the sheet';
}

/** The top of each of our sheets: title, report title, source sheet, as-at date (a real date) and where it came from, when generated. */
export function topBlock(g: SummaryGrid, title: string, analysis: Analysis, generatedAt: string): void {
  g.add([txt(title)], 'title');
  const report = analysis.titleRows.find((t) => /action plan|audit|recommendation/i.test(t)) ?? analysis.titleRows[0];
  if (report) g.add([lit(report)], 'subtitle');
  const first = g.next;
  g.add([txt('Source sheet'), lit(analysis.sheet)]);
  g.add([txt('Position as at'), fromIso(analysis.asAt) === null ? lit(analysis.asAt) : day(analysis.asAt), txt(asAtSourceWords(analysis))]);
  g.add([txt('Generated'), txt(generatedAt)]);
  g.styleRows(first, g.rows.length, 'label', 3);
  g.blank();
}

/** "Complete: 6 of 13, 46%. Overdue: 2, 1 of them statutory. Not rated: 1." */
function headlineSentence(analysis: Analysis): string {
  const { stats } = analysis;
  const statutory = stats.recordsStatutory && stats.overdue > 0 ? `, ${count(statutoryOf(stats).overdue)} of them statutory` : '';
  return `Complete: ${ofBase(stats.complete, countedOf(stats))}. Overdue: ${count(stats.overdue)}${statutory}. Not rated: ${count(stats.unrated)}.`;
}

/** The headline figures, each with its base (columns A-D); the chart sits beside them. */
function headlineBlock(g: SummaryGrid, analysis: Analysis): { heading: number; end: number } {
  const { stats } = analysis;
  const counted = countedOf(stats);
  const share = (n: number, base: number) => pct(base <= 0 ? null : n / base);
  const rows: SummaryCell[][] = [
    [txt('Recommendations'), num(stats.total), txt(''), txt('')],
    [txt('Complete'), num(stats.complete), num(counted), share(stats.complete, counted)],
  ];
  if (stats.excluded > 0)
    rows.push([txt('Not counted (n/a, withdrawn)'), num(stats.excluded), num(stats.total), share(stats.excluded, stats.total)]);
  rows.push(
    [txt('Overdue'), num(stats.overdue), num(counted), share(stats.overdue, counted)],
    [txt('Due within 30 days'), num(stats.dueSoon), num(counted), share(stats.dueSoon, counted)],
    [txt('Not rated'), num(stats.unrated), num(stats.total), share(stats.unrated, stats.total)],
  );
  if (stats.slipped > 0) rows.push([txt('Target date moved'), num(stats.slipped), num(stats.total), share(stats.slipped, stats.total)]);
  if (stats.recordsStatutory) {
    const s = statutoryOf(stats);
    rows.push([txt('Statutory complete'), num(s.complete), num(countedOf(s)), share(s.complete, countedOf(s))]);
  }
  if (stats.weightedScore !== null) rows.push([txt('Weighted score (rated items)'), txt(''), txt(''), pct(stats.weightedScore)]);
  const cols: BlockColumn[] = [
    { header: 'Measure' },
    { header: 'Number', numeric: true },
    { header: 'Out of', numeric: true },
    { header: 'Share', numeric: true },
  ];
  const note = stats.recordsStatutory ? undefined : 'This table does not record which recommendations are statutory.';
  const at = g.block('Headline figures', cols, rows, { note });
  return { heading: at.header - 1, end: g.rows.length };
}

/** The distribution by level (A-C), each label in its level's colour as the chart's bars are. */
function distributionBlock(g: SummaryGrid, analysis: Analysis, row: number): { header: number; last: number; end: number } {
  const { stats } = analysis;
  const rows = [
    ...stats.levels.map((l) => [lit(l.label), num(l.count), pct(stats.total === 0 ? 0 : l.share)]),
    [txt(STATUS_WORDS.unrated), num(stats.unrated), pct(stats.total === 0 ? 0 : stats.unrated / stats.total)],
  ];
  const cols: BlockColumn[] = [
    { header: analysis.scaleLabel, literal: true },
    { header: 'Count', numeric: true },
    { header: `Share of ${count(stats.total)}`, numeric: true },
  ];
  const at = g.block('Status distribution', cols, rows, { place: { row } });
  barColours(analysis).forEach((fill, i) => {
    const swatch =
      i < stats.levels.length
        ? levelSwatch(
            analysis.scale,
            analysis.scale.findIndex((s) => s.key === stats.levels[i]?.key),
          )
        : UNRATED_BAR;
    g.swatches.push({ range: `A${at.first + i}`, fill, font: swatch.font });
  });
  return at;
}

/** Each bar's fill: its level's colour, then the unrated bar's. */
function barColours(analysis: Analysis): string[] {
  return [
    ...analysis.stats.levels.map(
      (l) =>
        levelSwatch(
          analysis.scale,
          analysis.scale.findIndex((s) => s.key === l.key),
        ).fill,
    ),
    UNRATED_BAR.fill,
  ];
}

/** Overdue by age (E-G), beside statutory and priority. */
function ageBlock(g: SummaryGrid, analysis: Analysis, row: number): number {
  const { stats } = analysis;
  const a = stats.ageing;
  const s = stats.statutory.ageing;
  const ages: [string, number, number][] = [
    ['1 to 30 days', a['1-30'], s['1-30']],
    ['31 to 90 days', a['31-90'], s['31-90']],
    ['91 to 365 days', a['91-365'], s['91-365']],
    ['Over a year', a.over365, s.over365],
  ];
  return g.block(
    'Overdue by age',
    [
      { header: 'Days overdue' },
      { header: 'All', numeric: true },
      ...(stats.recordsStatutory ? [{ header: 'Statutory', numeric: true }] : []),
    ],
    ages.map(([label, all, statutory]) => [txt(label), num(all), ...(stats.recordsStatutory ? [num(statutory)] : [])]),
    { place: { row, column: RIGHT } },
  ).end;
}

type Group = Pick<GroupStats, 'total' | 'complete' | 'excluded' | 'overdue'>;
const groupRow = (label: SummaryCell, s: Group): SummaryCell[] => [
  label,
  num(s.total),
  pct(countedOf(s) <= 0 ? null : s.complete / countedOf(s)),
  num(s.overdue),
];
function sumGroups(groups: readonly Group[]): Group {
  const sum = (k: keyof Group) => groups.reduce((n, x) => n + x[k], 0);
  return { total: sum('total'), complete: sum('complete'), excluded: sum('excluded'), overdue: sum('overdue') };
}

/** Statutory against non-statutory, then the priorities (top first, the rest summed), in one block (A-D). */
function groupBlock(g: SummaryGrid, analysis: Analysis, row: number): number {
  const { stats } = analysis;
  const rows: SummaryCell[][] = [];
  if (stats.recordsStatutory) rows.push(groupRow(txt('Statutory'), statutoryOf(stats)), groupRow(txt('Non-statutory'), stats.nonStatutory));
  const shown = stats.byPriority.slice(0, PRIORITIES_SHOWN);
  const rest = stats.byPriority.slice(PRIORITIES_SHOWN);
  for (const p of shown) rows.push(groupRow(lit(`Priority: ${p.priority}`), p));
  if (rest.length > 0) rows.push(groupRow(txt(`Other priorities (${rest.length})`), sumGroups(rest)));
  return g.block(
    'Statutory and priority',
    [{ header: 'Group' }, { header: 'Items', numeric: true }, { header: 'Complete', numeric: true }, { header: 'Overdue', numeric: true }],
    rows,
    {
      empty: 'This table records neither statutory status nor priority.',
      note: 'Complete: the share of the items counted (not applicable and withdrawn left out).',
      place: { row },
    },
  ).end;
}

/** The leads with the most overdue (E-G, beside the distribution), the rest summed on one line. */
function leadsBlock(g: SummaryGrid, analysis: Analysis, row: number): number {
  const leads = analysis.stats.byLead.filter((l) => l.overdue > 0).sort((x, y) => y.overdue - x.overdue || y.total - x.total);
  const shown = leads.slice(0, LEADS_SHOWN);
  const rest = leads.slice(LEADS_SHOWN);
  const rows: SummaryCell[][] = shown.map((l) => [lit(clip(l.lead, 34)), num(l.overdue), num(l.total)]);
  if (rest.length > 0)
    rows.push([
      txt(`Other ${count(rest.length)} leads`),
      num(rest.reduce((n, l) => n + l.overdue, 0)),
      num(rest.reduce((n, l) => n + l.total, 0)),
    ]);
  return g.block(
    'Leads with the most overdue',
    [{ header: 'Lead' }, { header: 'Overdue', numeric: true }, { header: 'Items', numeric: true }],
    rows,
    {
      empty: 'None overdue.',
      wrap: false,
      place: { row, column: RIGHT },
    },
  ).end;
}

/** References listed up to about `max` characters, then "and N more". */
function refList(refs: readonly string[], max: number): string {
  const out: string[] = [];
  let length = 0;
  for (const r of refs) {
    if (length + r.length + 2 > max - 12 && out.length > 0) break;
    out.push(r);
    length += r.length + 2;
  }
  const more = refs.length - out.length;
  return `${out.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}`;
}

/** Movement since the previous return (M2.5): a count and the first references per kind (running across the page); or why there is none. */
function movementBlock(g: SummaryGrid, m: Movement | undefined): void {
  const cols: BlockColumn[] = [
    { header: 'Movement' },
    { header: 'Count', numeric: true },
    { header: 'References' },
    ...blanks(SUMMARY_COLUMNS - 3),
  ];
  if (!m) {
    g.block('Since the last return', cols, [], { empty: 'No earlier return to compare with.', wrap: false });
    return;
  }
  const then = fromIso(m.previousAsAt);
  const since = then === null ? m.previousAsAt : formatLong(then);
  const rows = MOVEMENT_LISTS.map((list) => [txt(MOVEMENT_LABELS[list]), num(m[list].length), lit(refList(m[list], 110))]);
  const now = fromIso(m.currentAsAt);
  const byText = m.matched.filter((x) => x.how === 'text');
  const renamed = byText.filter((x) => x.id !== x.previousId).map((x) => `${x.id} (was ${x.previousId})`);
  const note =
    `Compared with the return as at ${since}${now === null ? '' : ` (this one: ${formatLong(now)})`}: ` +
    `${count(m.matched.length)} matched, ${count(m.matched.length - byText.length)} by reference, ${count(byText.length)} by recommendation text` +
    (renamed.length > 0 ? `: ${refList(renamed, 60)}.` : '.');
  g.block(`Since ${since}`, cols, rows, { note, wrap: false });
}

/** Header cells left blank, so a block's header bar runs on over the columns its last text runs into. */
function blanks(n: number): BlockColumn[] {
  return Array.from({ length: n }, () => ({ header: '' }));
}

/** The exceptions a chair must see: overdue statutory or top-priority items, most overdue first, capped, with "and N more". */
function exceptionsBlock(g: SummaryGrid, analysis: Analysis, chaseSheet: string): void {
  const all = analysis.recommendations
    .filter((r) => overdueOf(r) && (r.statutory === true || isTopPriority(analysis, r)))
    .sort((x, y) => y.daysOverdue - x.daysOverdue || x.row - y.row);
  const shown = all.slice(0, EXCEPTIONS_SHOWN);
  const more = all.length - shown.length;
  const what = analysis.stats.recordsStatutory ? 'statutory or top-priority' : 'top-priority';
  g.block(
    `For the chair: overdue ${what} items`,
    [
      { header: 'Ref' },
      { header: 'Due', numeric: true },
      { header: 'Days overdue', numeric: true },
      // Right-aligned, so the mark stands clear of the days before it.
      { header: 'Marked', numeric: true },
      { header: '' },
      { header: 'Lead' },
      { header: 'Subject' },
      ...blanks(2),
    ],
    shown.map((r) => [
      lit(clip(r.id ?? `row ${r.row}`, 34)),
      day(r.timescale.due),
      num(r.daysOverdue),
      lit(clip(markWords(analysis, r), 15)),
      txt(''),
      lit(clip(r.lead, 34)),
      lit(clip(r.subject, 70)),
    ]),
    {
      empty: `No ${what} item is overdue.`,
      wrap: false,
      note:
        more > 0
          ? `And ${count(more)} more: every overdue item is on "${chaseSheet}", by lead officer.`
          : `Every overdue item, by lead officer, is on "${chaseSheet}".`,
    },
  );
}

/**
 * Builds the summary sheet (M1): the committee's pages, at most two A4 landscape pages whatever the plan's
 * size. Page 1: the top (source, as-at date, generated), the headline sentence, the headline figures with
 * their bases and the chart beside them, the status distribution beside overdue by age. Page 2: statutory
 * and priority, the leads with the most overdue beside the movement since the last return, and the overdue
 * statutory or top-priority items a chair must see (capped, "and N more"). Every list on these pages is
 * capped, so their length does not grow with the plan; the full chase list and the preparer's checks are on
 * the chase sheet (chaseSheet.ts). `generatedAt` is text supplied by the caller.
 */
export function buildSummary(
  analysis: Analysis,
  generatedAt: string,
  sheetName = SUMMARY_SHEET_NAME,
  movement?: Movement,
  chaseSheet = CHASE_SHEET_NAME,
): SummaryModel {
  const g = new SummaryGrid();
  topBlock(g, 'Action plan summary', analysis, generatedAt);
  g.add([txt(headlineSentence(analysis))], 'headline');
  g.blank();
  const figures = headlineBlock(g, analysis);
  g.padTo(figures.heading + CHART_ROWS);
  g.blank();
  const row = g.next;
  const dist = distributionBlock(g, analysis, row);
  const leadsEnd = leadsBlock(g, analysis, row);
  g.padTo(Math.max(dist.end, leadsEnd) + 1);
  const chart: ChartSpec | null =
    analysis.stats.total === 0
      ? null
      : {
          type: 'bar',
          title: 'Recommendations by status',
          dataRange: `A${dist.header}:B${dist.last}`,
          anchor: cellAddress(RIGHT, figures.heading),
          end: cellAddress(SUMMARY_COLUMNS, figures.heading + CHART_ROWS - 1),
          pointColours: barColours(analysis),
          dataLabels: true,
        };
  const page2 = g.next;
  const groupsEnd = groupBlock(g, analysis, page2);
  const ageEnd = ageBlock(g, analysis, page2);
  g.padTo(Math.max(groupsEnd, ageEnd) + 1);
  g.blank();
  exceptionsBlock(g, analysis, chaseSheet);
  g.blank();
  movementBlock(g, movement);
  return {
    sheetName,
    ...g.parts(),
    columnWidths: SUMMARY_COLUMN_WIDTHS,
    chart,
    rowBreaks: [page2],
    checksRow: null,
  };
}
