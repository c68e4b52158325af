import { chaseList, type ChaseItem, type ChaseLead } from '../figures/chaseList';
import { RULE_TITLES, SEVERITY_ORDER } from '../findings';
import { levelSwatch, PRIORITY_ROW, STATUTORY_ROW, type Swatch } from './palette';
import { ratingCellColumn } from './formatPlan';
import { stateKeyRows } from './stateKey';
import { cellText } from '../cells';
import { heightFor, LINE_HEIGHT, linesFor, NARROW_MARGINS } from './printPlan';
import { STATUS_WORDS } from './statusWords';
import { count, day, lit, num, SummaryGrid, txt, type BlockColumn, type SummaryCell } from './summaryGrid';
import { CHASE_SHEET_NAME, markWords, SEVERITY_WORDS, topBlock, type SummaryModel } from './summaryModel';
import type { Analysis, Recommendation } from '../types';

/**
 * Widths of the chase sheet's columns (Excel character units): reference, due date, days overdue, a narrow gutter
 * (so text never runs into the figures before it), reasons, marks, subject; the checks reuse them.
 */
export const CHASE_COLUMN_WIDTHS: readonly number[] = [20, 17, 14, 2, 30, 24, 58];
/** Findings the chase sheet lists; the rest are counted (the pane and the command's report list them all). */
export const CHECKS_LIMIT = 1000;

/** A4 landscape, less the Narrow margins, in points. */
const PAGE = {
  width: (11.69 - NARROW_MARGINS.left - NARROW_MARGINS.right) * 72,
  height: (8.27 - NARROW_MARGINS.top - NARROW_MARGINS.bottom) * 72,
};
/** Rows of larger type are taller than a line (points, as LibreOffice and Excel size them, a little over). */
const TITLE_HEIGHT = 24;
const HEADING_HEIGHT = 18;
/** The share of a page we fill: our row heights are estimates, and a page that runs over would break a list without its header. */
const FILL = 0.93;

/** Points of sheet a printed page holds: fit to one page wide shrinks a wide sheet, so a page holds more of it. */
export function pageCapacity(widths: readonly number[]): number {
  // Excel sizes a column of width w at 7w + 5 pixels (Calibri 11), 0.75 points each.
  const sheetWidth = widths.reduce((sum, w) => sum + Math.trunc(w * 7 + 5) * 0.75, 0);
  const scale = Math.min(1, PAGE.width / sheetWidth);
  return (PAGE.height / scale) * FILL;
}

/**
 * Lays lists out page by page: each list starts with its heading and header row, and where it runs past a page
 * a manual break is placed and the heading ("(continued)") and header are repeated, so every printed page of a
 * list has its header. The breaks do not depend on the printer: each page holds what was planned for it.
 */
class Pager {
  used = 0;
  readonly breaks: number[] = [];
  private readonly capacity: number;

  constructor(
    readonly g: SummaryGrid,
    readonly widths: readonly number[],
  ) {
    this.capacity = pageCapacity(widths);
  }

  /** A manual break above the next row, unless the page is empty. */
  newPage(): void {
    if (this.used === 0) return;
    this.breaks.push(this.g.next);
    this.used = 0;
  }

  /** Room for `points` more on this page, else a new page. */
  room(points: number): void {
    if (this.used + points > this.capacity) this.newPage();
  }

  /** The height of a row of wrapped text (points). */
  height(cells: readonly SummaryCell[], wrap: boolean): number {
    if (!wrap) return LINE_HEIGHT;
    let lines = 1;
    cells.forEach((c, i) => (lines = Math.max(lines, linesFor(typeof c.value === 'string' ? c.value : '', this.widths[i] ?? 10))));
    return heightFor(lines);
  }

  add(
    cells: SummaryCell[],
    style: 'title' | 'label' | 'note' | 'heading',
    height = style === 'title' ? TITLE_HEIGHT : LINE_HEIGHT,
  ): number {
    this.room(height);
    this.used += height;
    return this.g.add(cells, style);
  }

  blank(): void {
    if (this.used === 0) return;
    this.used += LINE_HEIGHT;
    this.g.blank();
  }

  /** A list, broken into pages with its heading and header repeated; one "empty" line when it has no rows. */
  list(
    heading: (first: boolean) => SummaryCell[],
    columns: readonly BlockColumn[],
    rows: readonly SummaryCell[][],
    options: { empty?: string; wrap?: boolean } = {},
  ): void {
    const wrap = options.wrap !== false;
    const heights = rows.map((r) => this.height(r, wrap));
    const head =
      HEADING_HEIGHT +
      this.height(
        columns.map((c) => txt(c.header)),
        true,
      );
    const title = heading;
    let i = 0;
    let first = true;
    do {
      this.room(head + (heights[i] ?? LINE_HEIGHT));
      let used = head;
      const chunk: SummaryCell[][] = [];
      while (i < rows.length && (chunk.length === 0 || this.used + used + (heights[i] ?? 0) <= this.capacity)) {
        used += heights[i] ?? LINE_HEIGHT;
        chunk.push(rows[i] ?? []);
        i++;
      }
      this.g.block(title(first), columns, chunk, { ...(options.empty !== undefined ? { empty: options.empty } : {}), wrap });
      this.used += used + (chunk.length === 0 ? LINE_HEIGHT : 0);
      first = false;
      if (i < rows.length) this.newPage();
    } while (i < rows.length);
  }
}

/** What else to chase an item for, besides days overdue: "Slipped 2x (+240 days); Not rated". */
function alsoWords(item: ChaseItem): string {
  const parts: string[] = [];
  if (item.slipped) parts.push(`Slipped ${item.slipped.revisions}x${item.slipped.days > 0 ? ` (+${count(item.slipped.days)} days)` : ''}`);
  if (item.unrated) parts.push(STATUS_WORDS.unrated);
  return parts.join('; ');
}

const CHASE_COLUMNS: readonly BlockColumn[] = [
  { header: 'Ref' },
  { header: 'Due', numeric: true },
  { header: 'Days overdue', numeric: true },
  { header: '' },
  { header: 'Also' },
  { header: 'Marked' },
  { header: 'Subject' },
];

/** A lead's heading: the lead as written (a cell of its own), then "12 overdue, 3 slipped, 1 not rated" under Also. */
function leadHeading(lead: ChaseLead): (first: boolean) => SummaryCell[] {
  const counts = `${count(lead.overdue)} overdue, ${count(lead.slipped)} slipped, ${count(lead.unrated)} not rated`;
  return (first) => [lit(lead.lead), txt(''), txt(''), txt(''), txt(first ? counts : `${counts} (continued)`)];
}

/** A fixed heading, "(continued)" on the pages after the first. */
const titled =
  (words: string) =>
  (first: boolean): SummaryCell[] => [txt(first ? words : `${words} (continued)`)];

/** The full chase list (C1): every item, one lead officer per page, most overdue lead first, items most overdue first, marked. */
function chaseBlocks(p: Pager, analysis: Analysis): void {
  const leads = chaseList(analysis);
  const byRow = new Map<number, Recommendation>(analysis.recommendations.map((r) => [r.row, r]));
  if (leads.length === 0) {
    p.list(titled('Chase list'), CHASE_COLUMNS, [], { empty: 'Nothing to chase: no item is overdue, slipped or not rated.' });
    return;
  }
  leads.forEach((lead, n) => {
    if (n > 0) p.newPage();
    const rows = lead.items.map((i) => {
      const r = byRow.get(i.row);
      return [
        lit(i.reference),
        day(i.due),
        i.daysOverdue === null ? txt('') : num(i.daysOverdue),
        txt(''),
        txt(alsoWords(i)),
        lit(r ? markWords(analysis, r) : ''),
        lit(i.subject),
      ];
    });
    p.list(leadHeading(lead), CHASE_COLUMNS, rows);
  });
}

/** The colour key: what each highlight on the plan (and each bar of the chart) means, one row per colour. */
function keyRows(analysis: Analysis): { sample: SummaryCell; swatch: Swatch; meaning: SummaryCell }[] {
  const { table, stats } = analysis;
  const rows: { sample: SummaryCell; swatch: Swatch; meaning: SummaryCell }[] = [];
  if (!table) return rows;
  if (stats.recordsStatutory)
    rows.push({
      sample: txt('Statutory'),
      swatch: STATUTORY_ROW,
      meaning: txt('A statutory recommendation: its whole row on the plan is shaded, its subject in bold.'),
    });
  const top = stats.byPriority[0]?.priority;
  if (table.columns.priority && analysis.topPriorityWords.length > 0 && top)
    rows.push({
      sample: lit(top),
      swatch: PRIORITY_ROW,
      meaning: txt('A top-priority recommendation: its whole row on the plan is shaded.'),
    });
  const rated = table.statusTicks.length > 0 || table.columns.rating !== null || table.columns.progress !== null;
  const cell = ratingCellColumn(table);
  const where =
    table.statusTicks.length > 0 || !cell
      ? 'the status cell'
      : `column ${cell} ("${table.headers.rating ?? table.headers.id ?? table.headers.subject ?? cell}")`;
  if (rated)
    analysis.scale.forEach((level, i) =>
      rows.push({
        sample: lit(level.label),
        swatch: levelSwatch(analysis.scale, i),
        meaning: lit(
          level.excluded
            ? `Status "${level.label}": left out of the completion figures; its bar in the chart.`
            : `Status "${level.label}": ${where} on the plan, and its bar in the chart.`,
        ),
      }),
    );
  // Every word our status and data-check columns hold, with its colour (stateKey.ts); a state sharing a level's
  // colour (Complete and the complete level, Not counted and an excluded one) shares its row: one colour, one meaning.
  for (const [word, swatch, meaning] of stateKeyRows()) {
    const same = rows.findIndex((r) => r.swatch.fill.toUpperCase() === swatch.fill.toUpperCase());
    const was = rows[same];
    if (was)
      rows[same] = {
        ...was,
        sample: lit(`${cellText(was.sample.value)} / ${word}`),
        meaning: lit(`${cellText(was.meaning.value)} ${meaning}`),
      };
    else rows.push({ sample: txt(word), swatch, meaning: txt(meaning) });
  }
  return rows;
}

const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** The findings table (at most CHECKS_LIMIT rows, with a note when some are left off), then a blank line. */
function findingsList(p: Pager, analysis: Analysis): void {
  const shown = analysis.findings.slice(0, CHECKS_LIMIT);
  p.list(
    titled('Findings'),
    [
      { header: 'Ref' },
      { header: 'Cell' },
      { header: 'Severity' },
      { header: '' },
      { header: 'Check' },
      { header: 'Rule' },
      { header: 'What to do' },
    ],
    shown.map((f) => [
      lit(f.id ?? ''),
      txt(f.cell ?? ''),
      txt(SEVERITY_WORDS[f.severity]),
      txt(''),
      txt(RULE_TITLES[f.rule]),
      txt(f.rule),
      lit(f.message),
    ]),
    { empty: 'No findings.' },
  );
  if (shown.length < analysis.findings.length)
    p.add(
      [
        txt(
          `Showing the first ${count(shown.length)} of ${count(analysis.findings.length)}: see the task pane or the action-plan command for the rest.`,
        ),
      ],
      'note',
    );
  p.blank();
}

/** The colour key: what each highlight on the plan means, with its swatch, kept on one page. */
function colourKey(p: Pager, analysis: Analysis): void {
  const key = keyRows(analysis);
  if (key.length > 0) {
    p.room(HEADING_HEIGHT + LINE_HEIGHT * (key.length + 1));
    const first = p.g.next + 2;
    p.list(
      titled('Colour key: what the highlights on the plan mean'),
      [{ header: 'Highlight' }, { header: 'What it means' }, ...Array.from({ length: 5 }, () => ({ header: '' }))],
      key.map((k) => [k.sample, k.meaning]),
      {
        wrap: false,
      },
    );
    key.forEach((k, i) => p.g.swatches.push({ range: `A${first + i}`, fill: k.swatch.fill, font: k.swatch.font }));
  }
}

/** The preparer's checks: where the table is, every finding with its cell, rule ID and severity, then the colour key. */
function checksBlocks(p: Pager, analysis: Analysis): number {
  const { table } = analysis;
  p.newPage();
  const counts = SEVERITY_ORDER.map((sev) => analysis.findings.filter((f) => f.severity === sev).length);
  const row = p.add([txt('Checks for the officer preparing the report')], 'title');
  const where = table ? `${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}` : 'no table found';
  p.add([txt('Table checked'), lit(`${analysis.sheet}!${where}`)], 'label');
  p.add(
    [txt('Findings'), txt(`${plural(counts[0] ?? 0, 'error')}, ${plural(counts[1] ?? 0, 'warning')}, ${plural(counts[2] ?? 0, 'note')}`)],
    'label',
  );
  p.add([txt('Re-run the checker after editing the plan to refresh this sheet and the summary.')], 'note');
  p.blank();
  findingsList(p, analysis);
  colourKey(p, analysis);
  return row;
}

/**
 * Builds the chase sheet (C1, M1): the full chase list, one lead officer per printed page (the most overdue lead
 * first, items most overdue first, statutory and top-priority items marked), then the checks for the officer
 * preparing the report (cells, rule IDs, severities) and the colour key. Every page of a list starts with its header.
 */
export function buildChaseSheet(analysis: Analysis, generatedAt: string, sheetName = CHASE_SHEET_NAME): SummaryModel {
  const g = new SummaryGrid(CHASE_COLUMN_WIDTHS.length);
  const p = new Pager(g, CHASE_COLUMN_WIDTHS);
  topBlock(g, 'Chase list and checks', analysis, generatedAt);
  g.add([txt('One lead officer per page, the most overdue first. Marked: statutory and top-priority items.')], 'note');
  g.blank();
  p.used = g.rows.length * LINE_HEIGHT + TITLE_HEIGHT;
  chaseBlocks(p, analysis);
  const checksRow = checksBlocks(p, analysis);
  return {
    sheetName,
    ...g.parts(),
    columnWidths: CHASE_COLUMN_WIDTHS,
    chart: null,
    rowBreaks: p.breaks,
    checksRow,
  };
}
