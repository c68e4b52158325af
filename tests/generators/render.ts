import { parts, toSerial } from '../../src/core/dates';
import type { CellValue, SheetSnapshot } from '../../src/core/types';
import { Grid } from './grid';
import { US_FORMS, writeEventDate, writeTitleDate } from './dateForms';
import { doneInDate, dueWritten, originalWritten, referenceOf, stateOf, type Item, type Tracker } from './model';
import { headerRows, tableColumns } from './headerRows';
import {
  CONTINUATIONS,
  DATED_PROGRESS,
  DONE_WORDS,
  TICK_COLUMN_NAMES,
  TICK_COLUMNS,
  TICKS,
  TICK_SYMBOLS,
  LEADS,
  LIGHT_KEY,
  pick,
  PRIORITY_NUMBERS,
  PRIORITY_WORDS,
  PROGRESS,
  RECOMMENDATIONS,
  REVISED_IN_TEXT,
  SECTION_NAMES,
  STATUS_VALUES,
  SUBJECTS,
  UNDATED,
  type Column,
} from './words';

/** A row of the table: a value per column, placed at the table's left edge. */
function tableRow(
  tracker: Tracker,
  columns: readonly Column[],
  cells: Partial<Record<Column, CellValue>>,
  formats: Partial<Record<Column, string>> = {},
) {
  const left = tracker.choices.left;
  const values: CellValue[] = Array<CellValue>(left).fill(null);
  const fmts: (string | undefined)[] = Array<string | undefined>(left).fill(undefined);
  for (const c of columns) {
    values.push(cells[c] ?? null);
    fmts.push(formats[c]);
  }
  return { values, fmts };
}

/** The status value written for an item, with its number format. */
function statusCell(tracker: Tracker, item: Item): { value: CellValue; format?: string } {
  const scale = tracker.layout.scale;
  const value = pick(STATUS_VALUES[scale]?.[stateOf(tracker, item)] ?? [''], item.word);
  return typeof value === 'number' ? { value, format: '0%' } : { value };
}

/** A progress note naming a past event's date: 20 days to a year before the position, never a due date. */
function datedProgress(tracker: Tracker, item: Item, k: number): string {
  // A US body's notes: its dates month first, or its targets in US fiscal years.
  const us = US_FORMS.includes(tracker.layout.dateForm) || tracker.layout.dateForm === 'usFiscal';
  const event = writeEventDate(tracker.asAt - 20 - ((item.progress * 53 + k * 17) % 330), us);
  return pick(DATED_PROGRESS, item.progress).replace('{d}', event.day).replace('{m}', event.month);
}

/** The timescale with its original date in words where the target moved and both are written as text. */
function revisedInText(due: CellValue, original: CellValue | undefined, item: Item): CellValue {
  if (item.slip === 0 || typeof due !== 'string' || typeof original !== 'string') return due;
  return pick(REVISED_IN_TEXT, item.form).replace('{d}', due).replace('{o}', original);
}

/** The cells of one item's row. */
function itemCells(tracker: Tracker, item: Item, k: number) {
  const cells: Partial<Record<Column, CellValue>> = {};
  const formats: Partial<Record<Column, string>> = {};
  cells.id = referenceOf(tracker, k);
  cells.subject = pick(SUBJECTS, item.subject);
  cells.lead = pick(LEADS, item.lead);
  cells.recommendation = pick(RECOMMENDATIONS, item.text);
  const progress = tracker.layout.narrative === 'dated' ? datedProgress(tracker, item, k) : pick(PROGRESS, item.progress);
  const phrase = pick(STATUS_VALUES.extentPhrases?.[stateOf(tracker, item)] ?? [''], item.word);
  const phrases = tracker.layout.scale === 'extentPhrases' && !['only', 'withWords'].includes(tracker.layout.completionDate);
  cells.progress = phrases ? `${progress}\nRecommendation met: ${phrase}` : progress;
  for (const tick of TICK_COLUMN_NAMES)
    cells[tick] = TICK_COLUMNS[tick].states.includes(stateOf(tracker, item))
      ? pick(tracker.layout.scale === 'tickSymbols' ? TICK_SYMBOLS : TICKS, tracker.choices.footer)
      : null;
  const status = statusCell(tracker, item);
  cells.status = status.value;
  if (status.format) formats.status = status.format;
  const priorities = tracker.layout.priority === 'numbers' ? PRIORITY_NUMBERS : PRIORITY_WORDS;
  cells.priority = pick(priorities, item.priority);
  const due = dueWritten(tracker, item);
  const original = originalWritten(tracker, item);
  if (due === null) cells.timescale = doneInDate(tracker, item) ? pick(DONE_WORDS, item.form) : pick(UNDATED, item.form);
  else if (original !== null && item.slip === 0 && tracker.layout.revised === 'originalAndRevised') {
    // Never revised: the original date only, the revised column left empty.
    cells.original = due.value;
    if (due.format) formats.original = due.format;
  } else if (tracker.layout.revised === 'inText') {
    cells.timescale = revisedInText(due.value, original?.value, item);
    if (due.format) formats.timescale = due.format;
  } else {
    cells.timescale = due.value;
    if (due.format) formats.timescale = due.format;
    if (original) {
      cells.original = original.value;
      if (original.format) formats.original = original.format;
    }
  }
  const planned = 5 + ((item.text * 7 + item.lead * 3) % 20);
  cells.planned = planned;
  // Days used so far: all of them and a little more when done, fewer while under way, none before the start.
  const used = { done: planned + (item.form % 4), most: planned - 1, half: Math.ceil(planned / 2), little: 1, none: 0, excluded: 0 };
  cells.actual = used[stateOf(tracker, item)];
  // Every done item has its completion date, undated ones too: with no status column it is the only record.
  if (stateOf(tracker, item) === 'done') {
    cells.completed = toSerial(tracker.asAt - item.completedAgo);
    formats.completed = 'dd/mm/yyyy';
  }
  if (tracker.layout.completionDate === 'withWords' && stateOf(tracker, item) === 'excluded')
    cells.completed = pick(['Will Not Implement', 'Will not be implemented', 'Will not implement'], item.word);
  return { cells, formats };
}

/** The heading of a section, as written. */
function sectionHeading(tracker: Tracker, section: number): string {
  const name = pick(SECTION_NAMES, section);
  return pick([name, `Section ${section + 1}: ${name}`, `${section + 1}. ${name}`, name.toUpperCase()], tracker.choices.heading);
}

/** Writes one block of the table: header, then the items (with headings, blanks, continuations, subtotals). */
export function writeBlock(grid: Grid, tracker: Tracker, from: number, to: number): void {
  const columns = tableColumns(tracker);
  const left = tracker.choices.left;
  const width = columns.length;
  headerRows(grid, tracker, columns);
  const layout = tracker.layout;
  let section: number | null = null;
  let headed: number | null = null;
  const sectionItems: Item[] = [];
  const closeSection = () => {
    if (layout.totals !== 'subtotals' || section === null) return;
    const done = sectionItems.filter((i) => stateOf(tracker, i) === 'done').length;
    grid.add(
      tableRow(tracker, columns, {
        [columns[0] ?? 'id']: pick(['Sub-total', 'Section total', 'Total for section'], tracker.choices.total),
        status: `${done} of ${sectionItems.length} complete`,
      }).values,
    );
    sectionItems.length = 0;
  };
  for (let k = from; k < to; k++) {
    const item = tracker.items[k];
    if (!item) continue;
    if (item.section !== section) {
      closeSection();
      section = item.section;
    }
    if (layout.sections !== 'none' && item.section !== headed) {
      headed = item.section;
      const heading = sectionHeading(tracker, item.section);
      const row = grid.add(tableRow(tracker, columns, { [columns[0] ?? 'id']: heading }).values);
      if (layout.sections === 'merged') grid.merge(row, left, left + width - 1);
      if (layout.sections === 'repeatedHeaders') headerRows(grid, tracker, columns);
    }
    sectionItems.push(item);
    const { cells, formats } = itemCells(tracker, item, k);
    const row = tableRow(tracker, columns, cells, formats);
    grid.add(row.values, row.fmts);
    if (layout.continuation === 'rows' && item.continued)
      grid.add(tableRow(tracker, columns, { progress: pick(CONTINUATIONS, item.progress) }).values);
    if (layout.blanks === 'between' && item.blankAfter) grid.add([]);
  }
  closeSection();
}

/** The whole sheet of a tracker. */
export function render(tracker: Tracker): SheetSnapshot {
  const grid = new Grid();
  writeSheet(grid, tracker);
  return grid.snapshot();
}

/** Lines above and below the table (title, position, keys, totals, footers) around its blocks. */
function writeSheet(grid: Grid, tracker: Tracker): void {
  const { layout } = tracker;
  const above = layout.title !== 'below';
  if (above) titleLines(grid, tracker);
  if (layout.keys === 'keyAbove') keyLines(grid, tracker, true);
  const ownKeyAbove = tracker.choices.key % 2 === 0;
  if (layout.scale === 'keyedLights' && ownKeyAbove) lightKey(grid, tracker, true);
  const n = tracker.items.length;
  const split = layout.blocks === 'two' && n >= 2 ? Math.ceil(n / 2) : n;
  writeBlock(grid, tracker, 0, split);
  if (split < n) {
    grid.add([]);
    grid.add([
      pick(
        ['Recommendations implemented since the last report', 'Part B: older recommendations', 'Closed and superseded items'],
        tracker.choices.title,
      ),
    ]);
    writeBlock(grid, tracker, split, n);
  }
  if (layout.totals === 'total') totalLine(grid, tracker);
  if (layout.keys === 'keyBelow') keyLines(grid, tracker, false);
  if (layout.scale === 'keyedLights' && !ownKeyAbove) lightKey(grid, tracker, false);
  if (layout.footer !== 'none') footerLines(grid, tracker);
  if (!above) {
    grid.add([]);
    titleLines(grid, tracker);
  }
}

/** The body, committee and report name, and the position line. */
function titleLines(grid: Grid, tracker: Tracker): void {
  const c = tracker.choices;
  const width = tableColumns(tracker).length + c.left;
  if (tracker.layout.title !== 'none') {
    const row = grid.add([pick(['Westshire County Council', 'Northfield Borough Council', 'Eastvale Fire and Rescue Authority'], c.title)]);
    if (c.mergeTitle) grid.merge(row, 0, width - 1);
    grid.add([
      pick(['Internal audit recommendations: progress report', 'Follow-up of audit recommendations', 'Audit action tracker'], c.title),
    ]);
    distractorLine(grid, tracker);
  }
  positionLine(grid, tracker);
  const anything = tracker.layout.title !== 'none' || tracker.layout.position !== 'none';
  if (tracker.layout.title !== 'below' && anything && tracker.layout.titleGap === 'blank') grid.add([]);
}

/** Position forms that state the date in words a reader takes over a meeting's or report's date. */
const STATED = new Set([
  'asAt',
  'asAtCell',
  'asOf',
  'positionAt',
  'updatedOrdinal',
  'statusAt',
  'progressTo',
  'periodEnded',
  'besideTitle',
  'usNumeric',
]);

/** A date that is not the position, beside a stated one: the meeting the paper goes to, or the accounts' year end. */
function distractorLine(grid: Grid, tracker: Tracker): void {
  const { layout, choices, asAt } = tracker;
  if (layout.distractor === 'none' || !STATED.has(layout.position)) return;
  if (layout.distractor === 'meetingDate') {
    const meeting = writeTitleDate(asAt + 14 + (choices.position % 5) * 9, choices.position, usWritten(tracker));
    grid.add([pick(['Audit and Governance Committee - {d}', 'Report to the Audit Committee, {d}'], choices.title).replace('{d}', meeting)]);
    return;
  }
  const year = new Date(asAt * 86_400_000).getUTCFullYear() - 1;
  // A US-written sheet writes the year end month first, as it writes its other dates.
  const [march, december] = usWritten(tracker)
    ? [`March 31, ${year}`, `December 31, ${year}`]
    : [`31 March ${year}`, `31 December ${year}`];
  grid.add([
    pick([`Statement of accounts for the year ended ${march}`, `Annual governance statement, year ending ${december}`], choices.title),
  ]);
}

/** A sheet whose written due dates are month first ("March 31, 2024", "06/30/2023"): its title dates are written so too. */
function usWritten(tracker: Tracker): boolean {
  if (tracker.layout.position === 'usNumeric') return true;
  return US_FORMS.includes(tracker.layout.dateForm) && tracker.items.some((i) => dueWritten(tracker, i) !== null);
}

/** The line that states the position date, in the layout's words. */
function positionLine(grid: Grid, tracker: Tracker): void {
  const c = tracker.choices.position;
  const d = writeTitleDate(tracker.asAt, c, usWritten(tracker));
  switch (tracker.layout.position) {
    case 'none':
      return;
    case 'asAtCell':
      grid.add([pick(['As at', 'Position as at:', 'Date of update'], c), toSerial(tracker.asAt)], [undefined, 'dd/mm/yyyy']);
      return;
    case 'plainDate':
      // A document's date on a line of its own, as on a UN document's cover ("20 February 2018").
      grid.add([pick(['A/78/322', 'Distr.: General'], c)]);
      grid.add([d]);
      return;
    case 'besideTitle': {
      // The date at the right-hand end of a title line, several cells from the title itself.
      const width = tableColumns(tracker).length + tracker.choices.left;
      const cells: CellValue[] = [pick(['Audit recommendations tracker', 'Internal audit follow-up'], c)];
      cells[Math.max(2, width - 1)] = pick(['As at {d}', 'Position at {d}', 'Updated {d}'], Math.floor(c / 3)).replace('{d}', d);
      grid.add(Array.from(cells, (v) => v ?? null));
      return;
    }
    case 'yearEndedOnly': {
      const year = new Date(tracker.asAt * 86_400_000).getUTCFullYear() - 1;
      grid.add([`Annual audit report for the year ended 31 March ${year}`]);
      return;
    }
    case 'usNumeric': {
      // A US dashboard's "As of 7/10/25" (month/day/two-digit year), under which the report's date is written month first.
      const { year, month, day } = parts(tracker.asAt);
      const written = `${month}/${day}/${String(year % 100).padStart(2, '0')}`;
      grid.add([pick(['Total Open Recommendations (As of {d})', 'As of {d}'], c).replace('{d}', written)]);
      grid.add([`Audit report issued ${writeTitleDate(tracker.asAt - 400, 0, true)}`]);
      return;
    }
    case 'updatedOrdinal': {
      // As printed in a council paper: "Updated as at 30th June , 2024".
      const [day = '', month = '', year = ''] = writeTitleDate(tracker.asAt, 1).split(' ');
      grid.add([pick([`Updated as at ${day} ${month} , ${year}`, `updated as at ${day} ${month}, ${year}`], c)]);
      return;
    }
    default:
      grid.add([pick(POSITION_WORDS[tracker.layout.position] ?? ['As at {d}'], Math.floor(c / 3)).replace('{d}', d)]);
  }
}

const POSITION_WORDS: Readonly<Record<string, readonly string[]>> = {
  asAt: ['Position as at {d}', 'As at {d}', 'Progress as at {d}', 'Recommendations tracker as at {d}'],
  meeting: ['Audit and Governance Committee - {d}', 'Audit Committee, {d}', 'Report to the Governance Committee {d}'],
  asOf: ['As of {d}', 'Open recommendations as of {d}'],
  positionAt: ['Position at {d}', 'Position at: {d}'],
  statusAt: ['Status at {d}', 'Status of recommendations at {d}'],
  progressTo: ['Progress to {d}', 'Progress report to {d}'],
  periodEnded: ['Progress for the period ended {d}', 'Recommendations tracker for the period ended {d}'],
};

/** The table's own key of lights (scale:keyedLights): "Legend", then each light and its meaning. */
function lightKey(grid: Grid, tracker: Tracker, above: boolean): void {
  if (!above) grid.add([]);
  grid.add([pick(['Legend', 'Key'], tracker.choices.key)]);
  for (const [light, meanings] of LIGHT_KEY) grid.add([light, pick(meanings, tracker.choices.title)]);
  if (above) grid.add([]);
}

function keyLines(grid: Grid, tracker: Tracker, above: boolean): void {
  const rag = tracker.layout.scale === 'rag';
  if (!above) grid.add([]);
  if (above && tracker.choices.key % 3 === 2) {
    // A bare legend row of the words, one a cell, as on the Surrey dashboard ("Green | Amber | Red").
    grid.add(rag ? ['Blue', 'Green', 'Amber', 'Red'] : ['High', 'Medium', 'Low']);
  } else if (tracker.choices.key % 2 === 0) {
    grid.add([
      rag
        ? 'Key: Blue - complete; Green - on track; Amber - some slippage; Red - off track; Grey - withdrawn'
        : 'Key: High - fundamental weakness; Medium - significant weakness; Low - merits attention',
    ]);
  } else {
    grid.add(['Key']);
    const legend: [string, string][] = rag
      ? [
          ['Blue', 'Complete'],
          ['Green', 'On track'],
          ['Red', 'Off track'],
        ]
      : [
          ['High', 'Fundamental'],
          ['Low', 'Merits attention'],
        ];
    for (const [word, meaning] of legend) grid.add([word, meaning]);
  }
  if (above) grid.add([]);
}

function totalLine(grid: Grid, tracker: Tracker): void {
  const columns = tableColumns(tracker);
  const done = tracker.items.filter((i) => stateOf(tracker, i) === 'done').length;
  const words = pick(['Total', 'Total recommendations', 'TOTAL'], tracker.choices.total);
  grid.add(tableRow(tracker, columns, { [columns[0] ?? 'id']: words, status: `${done} complete` }).values);
}

function footerLines(grid: Grid, tracker: Tracker): void {
  grid.add([]);
  if (tracker.layout.footer === 'notes') {
    grid.add([
      pick(
        [
          'Notes: dates are as agreed with management.',
          'Source: internal audit follow-up records',
          'Prepared by the Head of Internal Audit',
        ],
        tracker.choices.footer,
      ),
    ]);
  } else {
    grid.add([pick(['Audit tracker v2.3 - OFFICIAL', 'Page 1 of 1', 'Document ref IA/TRK/07'], tracker.choices.footer)]);
  }
}
