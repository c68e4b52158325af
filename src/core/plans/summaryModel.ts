import { cellAddress } from '../address';
import { chaseList, type ChaseItem } from '../figures/chaseList';
import { formatLong, fromIso } from '../dates';
import { RULE_TITLES, SEVERITY_ORDER } from '../findings';
import { MOVEMENT_LABELS, MOVEMENT_LISTS, type Movement } from '../figures/movement';
import { levelSwatch, PRIORITY_ROW, STATUS_SWATCHES, STATUTORY_ROW, UNRATED_BAR, type Swatch } from './palette';
import { STATUS_HEADER } from '../read/findTable';
import { STATUS_WORDS } from './statusWords';
import { stateKeyRows } from './stateKey';
import {
  day,
  lit,
  num,
  ofBase,
  pct,
  SUMMARY_COLUMN_WIDTHS,
  SummaryGrid,
  txt,
  type BlockColumn,
  type SummaryCell,
  type SummaryStyleRange,
  type SummarySwatch,
} from './summaryGrid';
import type { Analysis, Severity } from '../types';

export {
  SUMMARY_COLUMN_WIDTHS,
  SUMMARY_COLUMNS,
  SUMMARY_DATE_FORMAT,
  type SummaryCell,
  type SummaryStyle,
  type SummaryStyleRange,
  type SummarySwatch,
} from './summaryGrid';

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

/** Longest list of overdue, unrated or check rows the summary prints; the rest are counted. */
export const SUMMARY_LIST_LIMIT = 500;
/** Items listed under one lead in the chase list; the rest are counted on the lead's line. */
export const CHASE_ITEM_LIMIT = 50;
/** Rows the chart's box spans, from the distribution's header row down. */
export const CHART_ROWS = 15;

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

/** The summary sheet as data: one grid written in one go, style runs, right-aligned ranges, key swatches, widths, a chart. */
export interface SummaryModel {
  readonly sheetName: string;
  readonly rows: readonly (readonly SummaryCell[])[];
  readonly styles: readonly SummaryStyleRange[];
  /** Ranges whose cells are right-aligned: each block's figure columns, header row included. */
  readonly rightAligned: readonly string[];
  /** Cells of the colour key, filled as the highlights they explain. */
  readonly swatches: readonly SummarySwatch[];
  readonly columnWidths: readonly number[];
  readonly chart: ChartSpec | null;
  /** The row of the "Checks" heading: officer detail (cells, rule IDs, severities) starts here; the committee part is above. */
  readonly checksRow: number;
}

/** "Showing all 3." or "Showing the first 500 of 1,234: filter ..." under a capped list. */
function shownNote(shown: number, total: number, rest: string): string {
  return shown === total ? `Showing all ${total}.` : `Showing the first ${shown} of ${total}: ${rest}`;
}

const SOURCE_WORDS = {
  option: 'chosen by the user',
  sheet: "from the sheet's title rows",
  assumed: "today's date, assumed: no as-at date in the title rows",
} as const;

function capped<T>(items: readonly T[], limit = SUMMARY_LIST_LIMIT): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ref = (r: { id: string | null; row: number }) => lit(r.id ?? `row ${r.row}`);

/** The top: title, report title, source sheet, as-at date (a real date) and where it came from, when generated. */
function topBlock(g: SummaryGrid, analysis: Analysis, generatedAt: string): void {
  g.add([txt('Action plan summary')], 'title');
  const report = analysis.titleRows.find((t) => /action plan|audit|recommendation/i.test(t)) ?? analysis.titleRows[0];
  if (report) g.add([lit(report)], 'subtitle');
  const first = g.next;
  g.add([txt('Source sheet'), lit(analysis.sheet)]);
  g.add([
    txt('Position as at'),
    fromIso(analysis.asAt) === null ? lit(analysis.asAt) : day(analysis.asAt),
    txt(SOURCE_WORDS[analysis.asAtSource]),
  ]);
  g.add([txt('Generated'), txt(generatedAt)]);
  g.styleRows(first, g.rows.length, 'label', 3);
  g.blank();
}

/** "Complete: 6 of 13, 46%. Overdue: 2, 1 of them statutory. Not rated: 1." */
function headlineSentence(analysis: Analysis): string {
  const { stats } = analysis;
  const counted = stats.total - stats.excluded;
  const statutory = stats.recordsStatutory && stats.overdue > 0 ? `, ${stats.statutory.overdue} of them statutory` : '';
  return `Complete: ${ofBase(stats.complete, counted)}. Overdue: ${stats.overdue}${statutory}. Not rated: ${stats.unrated}.`;
}

function headlineBlock(g: SummaryGrid, analysis: Analysis): void {
  const { stats } = analysis;
  const counted = stats.total - stats.excluded;
  const share = (n: number, base: number) => pct(base <= 0 ? null : n / base);
  g.add([txt(headlineSentence(analysis))], 'headline');
  g.blank();
  const rows: SummaryCell[][] = [
    [txt('Recommendations'), num(stats.total), txt(''), txt('')],
    [txt('Complete'), num(stats.complete), num(counted), share(stats.complete, counted)],
  ];
  if (stats.excluded > 0)
    rows.push([txt('Not counted (not applicable, withdrawn)'), num(stats.excluded), num(stats.total), share(stats.excluded, stats.total)]);
  rows.push(
    [txt('Overdue'), num(stats.overdue), num(counted), share(stats.overdue, counted)],
    [txt('Due within 30 days'), num(stats.dueSoon), num(counted), share(stats.dueSoon, counted)],
    [txt('Not rated'), num(stats.unrated), num(stats.total), share(stats.unrated, stats.total)],
  );
  if (stats.recordsStatutory) {
    const s = stats.statutory;
    rows.push([txt('Statutory complete'), num(s.complete), num(s.total - s.excluded), share(s.complete, s.total - s.excluded)]);
  }
  if (stats.weightedScore !== null) rows.push([txt('Weighted score (rated items)'), txt(''), txt(''), pct(stats.weightedScore)]);
  const cols: BlockColumn[] = [
    { header: 'Measure' },
    { header: 'Number', numeric: true },
    { header: 'Out of', numeric: true },
    { header: 'Share', numeric: true },
  ];
  const weights = analysis.scale
    .filter((l) => l.weight !== null && !l.excluded)
    .map((l) => `${l.label} ${Math.round((l.weight ?? 0) * 100)}%`);
  const note =
    stats.weightedScore === null
      ? undefined
      : `Weighted score: each rated item counts as its level's weight (${weights.join(', ') || 'its percentage'}), averaged over the rated items.`;
  g.block('Headline figures', cols, rows, { note });
  if (!stats.recordsStatutory) g.add([txt('This table does not record which recommendations are statutory.')], 'note');
  g.blank();
}

/** The distribution by level with its chart beside it, each bar in its level's colour. */
function distributionBlock(g: SummaryGrid, analysis: Analysis): ChartSpec | null {
  const { stats } = analysis;
  const rows = [
    ...stats.levels.map((l) => [lit(l.label), num(l.count), pct(stats.total === 0 ? 0 : l.share)]),
    [txt(STATUS_WORDS.unrated), num(stats.unrated), pct(stats.total === 0 ? 0 : stats.unrated / stats.total)],
  ];
  const cols: BlockColumn[] = [
    { header: analysis.scaleLabel, literal: true },
    { header: 'Count', numeric: true },
    { header: `Share of ${stats.total}`, numeric: true },
  ];
  const at = g.block('Status distribution', cols, rows, { empty: 'No recommendations.' });
  const colours = [
    ...stats.levels.map(
      (l) =>
        levelSwatch(
          analysis.scale,
          analysis.scale.findIndex((s) => s.key === l.key),
        ).fill,
    ),
    UNRATED_BAR.fill,
  ];
  if (stats.total === 0) {
    g.blank();
    return null;
  }
  g.padTo(at.header + CHART_ROWS + 1);
  return {
    type: 'bar',
    title: 'Recommendations by status',
    dataRange: `A${at.header}:B${at.last}`,
    anchor: cellAddress(3, at.header),
    end: cellAddress(5, at.header + CHART_ROWS),
    pointColours: colours,
    dataLabels: true,
  };
}

/** The colour key: what each highlight on the plan (and each bar of the chart) means. */
function keyBlock(g: SummaryGrid, analysis: Analysis): void {
  const { table, stats } = analysis;
  if (!table) return;
  const rows: { sample: SummaryCell; swatch: Swatch; meaning: SummaryCell }[] = [];
  if (stats.recordsStatutory)
    rows.push({
      sample: txt('Statutory'),
      swatch: STATUTORY_ROW,
      meaning: txt('A statutory recommendation: its whole row on the plan is shaded.'),
    });
  const top = stats.byPriority[0]?.priority;
  if (table.columns.priority && analysis.topPriorityWords.length > 0 && top)
    rows.push({
      sample: lit(top),
      swatch: PRIORITY_ROW,
      meaning: txt('A top-priority recommendation: its whole row on the plan is shaded.'),
    });
  const rated = table.statusTicks.length > 0 || table.columns.rating !== null || table.columns.progress !== null;
  if (rated)
    analysis.scale.forEach((level, i) =>
      rows.push({
        sample: lit(level.label),
        swatch: levelSwatch(analysis.scale, i),
        meaning: lit(`Status "${level.label}": the status cell, and its bar in the chart.`),
      }),
    );
  if (rated)
    rows.push({
      sample: txt(STATUS_WORDS.unrated),
      swatch: UNRATED_BAR,
      meaning: txt("The chart's bar for recommendations with no status."),
    });
  // Every word our status and data-check columns hold, with its colour (stateKey.ts).
  const status = stateKeyRows();
  for (const [word, swatch, meaning] of status) rows.push({ sample: txt(word), swatch, meaning: txt(meaning) });
  const at = g.block(
    'Colour key',
    [{ header: 'Highlight' }, { header: 'What it means' }],
    rows.map((r) => [r.sample, r.meaning]),
    { wrap: false },
  );
  rows.forEach((r, i) => g.swatches.push({ range: `A${at.first + i}`, fill: r.swatch.fill, font: r.swatch.font }));
  g.blank();
}

function groupBlocks(g: SummaryGrid, analysis: Analysis): void {
  const { stats } = analysis;
  const groupCols = (first: string): BlockColumn[] => [
    { header: first },
    { header: 'Total', numeric: true },
    { header: 'Complete', numeric: true },
    { header: 'Completion', numeric: true },
    { header: 'Overdue', numeric: true },
    { header: STATUS_WORDS.unrated, numeric: true },
  ];
  const groupRow = (
    label: SummaryCell,
    s: { total: number; complete: number; excluded: number; completionRate: number; overdue: number; unrated: number },
  ) => [label, num(s.total), num(s.complete), pct(s.total - s.excluded <= 0 ? null : s.completionRate), num(s.overdue), num(s.unrated)];
  if (stats.recordsStatutory) {
    g.block('Statutory and non-statutory', groupCols('Group'), [
      groupRow(txt('Statutory'), stats.statutory),
      groupRow(txt('Non-statutory'), stats.nonStatutory),
    ]);
    g.blank();
  }
  if (stats.byPriority.length > 0) {
    g.block(
      'By priority',
      groupCols('Priority'),
      stats.byPriority.map((p) => groupRow(lit(p.priority), p)),
    );
    g.blank();
  }
  g.block(
    'By lead officer',
    [
      { header: 'Lead' },
      { header: 'Total', numeric: true },
      { header: 'Complete', numeric: true },
      { header: 'Overdue', numeric: true },
      { header: STATUS_WORDS.unrated, numeric: true },
      { header: 'Slipped', numeric: true },
    ],
    stats.byLead.map((l) => [lit(l.lead), num(l.total), num(l.completely), num(l.overdue), num(l.unrated), num(l.slipped)]),
    { empty: 'No recommendations.' },
  );
  g.blank();

  const a = stats.ageing;
  const s = stats.statutory.ageing;
  const ages: [string, number, number][] = [
    ['1 to 30 days', a['1-30'], s['1-30']],
    ['31 to 90 days', a['31-90'], s['31-90']],
    ['91 to 365 days', a['91-365'], s['91-365']],
    ['Over a year', a.over365, s.over365],
  ];
  g.block(
    'Overdue by age',
    [
      { header: 'Days overdue' },
      { header: 'All', numeric: true },
      ...(stats.recordsStatutory ? [{ header: 'Statutory', numeric: true }] : []),
    ],
    ages.map(([label, all, statutory]) => [txt(label), num(all), ...(stats.recordsStatutory ? [num(statutory)] : [])]),
  );
  g.blank();
}

/** The Slippage block (S2): counts in its heading, then each slipped item with its first and current target; nothing when none slipped. */
function slippageBlock(g: SummaryGrid, analysis: Analysis): void {
  const { stats } = analysis;
  if (stats.slipped === 0) return;
  const moved = analysis.recommendations.filter((r) => r.slippedDays > 0 || r.revisions > 0);
  const slipped = capped([...moved].sort((x, y) => y.slippedDays - x.slippedDays));
  g.block(
    `Slippage: ${stats.slipped} moved, ${stats.pastOriginal} open past their original date, median ${stats.medianSlippage ?? 0} days`,
    [
      { header: 'Ref' },
      { header: 'First target', numeric: true },
      { header: 'Current target', numeric: true },
      { header: 'Times moved', numeric: true },
      { header: 'Days later', numeric: true },
      { header: 'Lead' },
    ],
    slipped.shown.map((r) => [ref(r), day(r.originalDue), day(r.timescale.due), num(r.revisions), num(r.slippedDays), lit(r.lead)]),
    { note: shownNote(slipped.shown.length, slipped.shown.length + slipped.more, 'filter the status column on "Slipped" for the rest.') },
  );
  g.blank();
}

function listBlocks(g: SummaryGrid, analysis: Analysis): void {
  const { stats } = analysis;
  const marker = stats.recordsStatutory ? 'Statutory' : 'Priority';
  const mark = (r: (typeof analysis.recommendations)[number]) =>
    stats.recordsStatutory ? txt(r.statutory ? 'Yes' : 'No') : lit(r.priority ?? '');
  const overdue = capped([...analysis.recommendations].filter((r) => r.overdue).sort((x, y) => y.daysOverdue - x.daysOverdue));
  g.block(
    'Overdue recommendations',
    [
      { header: 'Ref' },
      { header: 'Due', numeric: true },
      { header: 'Days overdue', numeric: true },
      { header: marker },
      { header: 'Lead' },
      { header: 'Subject' },
    ],
    overdue.shown.map((r) => [ref(r), day(r.timescale.due), num(r.daysOverdue), mark(r), lit(r.lead), lit(r.subject)]),
    {
      empty: 'None overdue.',
      note: shownNote(overdue.shown.length, overdue.shown.length + overdue.more, 'filter the status column on "Overdue" for the rest.'),
    },
  );
  g.blank();

  const unrated = capped(analysis.recommendations.filter((r) => r.state === 'Not rated'));
  g.block(
    'Recommendations not rated',
    [
      { header: 'Ref' },
      { header: 'Row', numeric: true },
      { header: 'Due', numeric: true },
      { header: marker },
      { header: 'Lead' },
      { header: 'Subject' },
    ],
    unrated.shown.map((r) => [ref(r), num(r.row), day(r.timescale.due), mark(r), lit(r.lead), lit(r.subject)]),
    {
      empty: 'None without a status.',
      note: shownNote(
        unrated.shown.length,
        unrated.shown.length + unrated.more,
        `filter the status column on "${STATUS_WORDS.unrated}" for the rest.`,
      ),
    },
  );
  g.blank();
}

/** What else to chase an item for, besides days overdue: "Slipped 2x (+240 days); Not rated". */
function alsoWords(item: ChaseItem): string {
  const parts: string[] = [];
  if (item.slipped) parts.push(`Slipped ${item.slipped.revisions}x${item.slipped.days > 0 ? ` (+${item.slipped.days} days)` : ''}`);
  if (item.unrated) parts.push(STATUS_WORDS.unrated);
  return parts.join('; ');
}

/**
 * The chase list (C1): a group per lead officer, most overdue lead first, each opened by a line naming the
 * lead and their counts, then their items most overdue first. One block (one header, one style run), so
 * the adapters' work is the same for 3 leads or 300; at most SUMMARY_LIST_LIMIT lines, the rest counted.
 */
function chaseBlock(g: SummaryGrid, analysis: Analysis): void {
  const leads = chaseList(analysis);
  const lines: SummaryCell[][] = [];
  let leadsShown = 0;
  for (const lead of leads) {
    if (lines.length + 2 > SUMMARY_LIST_LIMIT) break;
    const room = SUMMARY_LIST_LIMIT - lines.length - 1;
    const items = capped(lead.items, Math.min(room, CHASE_ITEM_LIMIT));
    const more = items.more > 0 ? `; the first ${items.shown.length} of ${lead.items.length} listed` : '';
    // The lead's line: the name under Ref, the counts under Also.
    lines.push([
      lit(lead.lead),
      txt(''),
      txt(''),
      txt(''),
      txt(`${lead.overdue} overdue, ${lead.slipped} slipped, ${lead.unrated} not rated${more}`),
    ]);
    for (const i of items.shown)
      lines.push([
        lit(i.reference),
        num(i.row),
        day(i.due),
        i.daysOverdue === null ? txt('') : num(i.daysOverdue),
        txt(alsoWords(i)),
        lit(i.subject),
      ]);
    leadsShown++;
  }
  const rest = leads.length - leadsShown;
  g.block(
    'Chase list: by lead officer, the most overdue first',
    [
      { header: 'Ref' },
      { header: 'Row', numeric: true },
      { header: 'Due', numeric: true },
      { header: 'Days overdue', numeric: true },
      { header: 'Also' },
      { header: 'Subject' },
    ],
    lines,
    {
      empty: 'Nothing to chase: no item is overdue, slipped or not rated.',
      note:
        rest > 0
          ? `${leadsShown} of ${leads.length} lead officers listed: see the task pane's per-lead view, or filter the status column, for the rest.`
          : `${leads.length} lead officer${leads.length === 1 ? '' : 's'} to chase.`,
    },
  );
  g.blank();
}

/**
 * The "Since <previous as-at date>" block (SPEC, M2.5): a count and the references per kind of movement,
 * then how the items were matched. Self-contained, so the rest of the summary is as without it.
 */
function movementBlock(g: SummaryGrid, m: Movement): void {
  const then = fromIso(m.previousAsAt);
  const now = fromIso(m.currentAsAt);
  const since = then === null ? m.previousAsAt : formatLong(then);
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
  // References run on across the empty columns to their right, unwrapped.
  g.block(`Since ${since}`, [{ header: 'Movement' }, { header: 'Count', numeric: true }, { header: 'References' }], rows, { wrap: false });
  g.add([lit(note)], 'note');
  g.blank();
}

/** Officer detail, below the committee's part: where the table is, and every finding with its cell, rule ID and severity. */
function checksBlock(g: SummaryGrid, analysis: Analysis): number {
  const { table } = analysis;
  const counts = SEVERITY_ORDER.map((sev) => analysis.findings.filter((f) => f.severity === sev).length);
  const row = g.add([txt('Checks for the officer preparing the report')], 'title');
  const where = table ? `${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}` : 'no table found';
  g.add([txt('Table checked'), lit(`${analysis.sheet}!${where}`)], 'label');
  g.add(
    [txt('Findings'), txt(`${plural(counts[0] ?? 0, 'error')}, ${plural(counts[1] ?? 0, 'warning')}, ${plural(counts[2] ?? 0, 'note')}`)],
    'label',
  );
  g.add([txt('Re-run the checker after editing the plan to refresh this sheet.')], 'note');
  g.blank();
  const findings = capped(analysis.findings);
  g.block(
    'Findings',
    [{ header: 'Check' }, { header: 'Severity' }, { header: 'Cell' }, { header: 'Ref' }, { header: 'Rule' }, { header: 'What to do' }],
    findings.shown.map((f) => [
      txt(RULE_TITLES[f.rule]),
      txt(SEVERITY_WORDS[f.severity]),
      txt(f.cell ?? ''),
      lit(f.id ?? ''),
      txt(f.rule),
      lit(f.message),
    ]),
    {
      empty: 'No findings.',
      note: shownNote(findings.shown.length, analysis.findings.length, 'see the task pane or the action-plan command for the rest.'),
    },
  );
  return row;
}

/**
 * Builds the summary sheet (M1): one block per question, each with its own header row over its own
 * columns: the top (source, as-at date, generated), a headline sentence and figures with their base, the
 * status distribution with its chart in the scale's colours, a colour key, statutory against
 * non-statutory, by priority, by lead, overdue by age, slippage, the overdue and not-rated lists, the
 * chase list per lead, movement since the previous return (when given); then, apart, the officer's
 * Checks. `generatedAt` is text supplied by the caller.
 */
export function buildSummary(analysis: Analysis, generatedAt: string, sheetName = SUMMARY_SHEET_NAME, movement?: Movement): SummaryModel {
  const g = new SummaryGrid();
  topBlock(g, analysis, generatedAt);
  headlineBlock(g, analysis);
  const chart = distributionBlock(g, analysis);
  keyBlock(g, analysis);
  groupBlocks(g, analysis);
  slippageBlock(g, analysis);
  listBlocks(g, analysis);
  chaseBlock(g, analysis);
  if (movement) movementBlock(g, movement);
  g.blank();
  const checksRow = checksBlock(g, analysis);
  return {
    sheetName,
    rows: g.rows,
    styles: g.styles,
    rightAligned: g.right,
    swatches: g.swatches,
    columnWidths: SUMMARY_COLUMN_WIDTHS,
    chart,
    checksRow,
  };
}
