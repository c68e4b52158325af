import type { CellValue } from '../../src/core/types';
import type { Tracker } from './model';
import type { Grid } from './grid';
import {
  COMMON_HEADERS,
  FIELD_ID_HEADERS,
  FIELD_LEAD_HEADERS,
  TICK_COLUMN_NAMES,
  TICK_COLUMNS,
  type TickColumn,
  pick,
  RARE_HEADERS,
  REVISED_HEADERS,
  STATUS_HEADERS,
  USUAL_ORDER,
  type Column,
} from './words';

/** The table's columns, left to right: the usual order or shuffled, with the grouped pair of a two-row header side by side. */
export function tableColumns(tracker: Tracker): Column[] {
  const { layout, choices } = tracker;
  const present = (c: Column): boolean => {
    switch (c) {
      case 'subject':
        return choices.subject;
      case 'status':
        return !['extentPhrases', 'ticks', 'tickSymbols'].includes(layout.scale) && !['only', 'withWords'].includes(layout.completionDate);
      case 'tickDone':
      case 'tickPartial':
      case 'tickNot':
      case 'tickExcluded':
        return (layout.scale === 'ticks' || layout.scale === 'tickSymbols') && !['only', 'withWords'].includes(layout.completionDate);
      case 'id':
        return layout.references !== 'noColumn';
      case 'priority':
        return layout.priority !== 'none';
      case 'original':
        return layout.revised === 'originalAndRevised';
      case 'completed':
        return layout.completionDate !== 'none';
      case 'planned':
      case 'actual':
        return layout.days !== 'none';
      default:
        return true;
    }
  };
  let columns = USUAL_ORDER.filter(present);
  if (layout.columnOrder === 'shuffled') {
    // Tick columns move together, in the status column's place.
    const key = (c: Column) => choices.order[USUAL_ORDER.indexOf(isTick(c) ? 'status' : c)] ?? 0;
    columns = [...columns].sort((a, b) => key(a) - key(b) || USUAL_ORDER.indexOf(a) - USUAL_ORDER.indexOf(b));
  }
  if (layout.header === 'twoRowSplit') {
    // The grouped pair sits together, as a merged group heading needs.
    const [first, second] = splitPair(tracker);
    columns = columns.filter((c) => c !== second);
    columns.splice(columns.indexOf(first) + 1, 0, second);
  }
  return columns;
}

/** The two columns under one group heading in a split two-row header. */
function splitPair(tracker: Tracker): [Column, Column] {
  return tracker.layout.revised === 'originalAndRevised' ? ['original', 'timescale'] : ['lead', 'timescale'];
}

export function isTick(column: Column): column is TickColumn {
  return (TICK_COLUMN_NAMES as readonly string[]).includes(column);
}

/** The header text of a column in this tracker's words. */
export function headerOf(tracker: Tracker, column: Column): string {
  const { layout, choices } = tracker;
  const choice = choices.headers[USUAL_ORDER.indexOf(column)] ?? 0;
  if (isTick(column)) return pick(TICK_COLUMNS[column].headers, choice);
  if (column === 'status') return pick(STATUS_HEADERS[layout.scale] ?? ['Status'], choice);
  if (column === 'timescale' && layout.revised === 'originalAndRevised') return pick(REVISED_HEADERS, choice);
  if (layout.fieldLabels === 'dashboard') {
    // A dashboard's labels: the number's label is "Recommendation" only over plain numbers in a plain list.
    const plain = layout.references === 'numbers' && layout.sections === 'none' && layout.totals === 'none';
    if (column === 'id') return pick(plain ? ['Recommendation', ...FIELD_ID_HEADERS] : FIELD_ID_HEADERS, choice);
    if (column === 'recommendation') return '';
    if (column === 'lead') return pick(FIELD_LEAD_HEADERS, choice);
  }
  const words = layout.header === 'rare' ? RARE_HEADERS : COMMON_HEADERS;
  return pick(words[column], choice);
}

/** Writes the header: one row, a group-heading row over it, or a split two-row header. */
export function headerRows(grid: Grid, tracker: Tracker, columns: readonly Column[]): void {
  const left = tracker.choices.left;
  const pad: CellValue[] = Array<CellValue>(left).fill(null);
  const texts = columns.map((c) => headerOf(tracker, c));
  if (tracker.layout.header === 'groupRowAbove') {
    const half = Math.ceil(columns.length / 2);
    const groups = ['Audit recommendation', 'Management response and progress'];
    const upper = columns.map((_, i) => (i === 0 ? groups[0] : i === half ? groups[1] : null)) as CellValue[];
    const row = grid.add([...pad, ...upper]);
    grid.merge(row, left, left + half - 1);
    if (columns.length > half) grid.merge(row, left + half, left + columns.length - 1);
  }
  const ticks = columns.filter(isTick);
  if (
    ticks.length > 0 &&
    tracker.choices.order[0] !== undefined &&
    tracker.choices.order[0] % 2 === 1 &&
    ['common', 'rare', 'unitRow'].includes(tracker.layout.header)
  ) {
    // The UN annexes' layout: "Status after verification" merged over the tick columns, their level names below.
    const at = columns.indexOf(ticks[0] ?? 'tickDone');
    const upper = texts.map((t, i) => (i === at ? 'Status after verification' : isTick(columns[i] ?? 'id') ? null : t));
    const lower = columns.map((c, i) => (isTick(c) ? (texts[i] ?? null) : null));
    const top = grid.add([...pad, ...upper]);
    grid.add([...pad, ...lower]);
    grid.merge(top, left + at, left + at + ticks.length - 1);
    return;
  }
  if (tracker.layout.header !== 'twoRowSplit') {
    grid.add([...pad, ...texts]);
    if (tracker.layout.header === 'unitRow') unitRow(grid, tracker, columns);
    return;
  }
  const [first, second] = splitPair(tracker);
  const at = columns.indexOf(first);
  const revised = tracker.layout.revised === 'originalAndRevised';
  const upper = texts.map((t, i) => (i === at ? (revised ? 'Target date' : 'Implementation') : i === at + 1 ? null : t));
  const lower = columns.map((c) =>
    c === first ? (revised ? 'Original' : 'Officer') : c === second ? (revised ? 'Revised' : 'Date') : null,
  );
  const top = grid.add([...pad, ...upper]);
  grid.add([...pad, ...lower]);
  grid.merge(top, left + at, left + at + 1);
  columns.forEach((_, i) => (i === at || i === at + 1 ? undefined : grid.merge(top, left + i, left + i, top + 1)));
}

/** A row of units under the header ("(dd/mm/yyyy)" under the dates, "(days)" under days, "%" under a percentage). */
function unitRow(grid: Grid, tracker: Tracker, columns: readonly Column[]): void {
  const pad: CellValue[] = Array<CellValue>(tracker.choices.left).fill(null);
  const unit = (c: Column): CellValue => {
    // Sparse, as units are: under the dates, or under the planned days where there are any.
    if (c === 'planned') return '(days)';
    return c === 'timescale' && tracker.layout.days === 'none' ? pick(['(dd/mm/yyyy)', '(month end)'], tracker.choices.title) : null;
  };
  grid.add([...pad, ...columns.map(unit)]);
}
