import fc from 'fast-check';
import { dayNumber, parts, toIso } from '../../src/core/dates';
import { writeDate, type WrittenDate } from './dateForms';
import { DIMENSION_NAMES, hasAll, type Allowed, type Family, type Layout } from './dimensions';
import { pick, STATES, type State } from './words';

/** One recommendation as the author of the tracker knows it. */
export interface Item {
  readonly state: State;
  /** Which of the state's status words is written. */
  readonly word: number;
  /** The due date, in days from the position date. */
  readonly dueOffset: number;
  /** No date at all ("Ongoing", "TBC"), where the layout has such items. */
  readonly undated: boolean;
  /** Days the target moved from the original date (0: never revised). */
  readonly slip: number;
  readonly priority: number;
  readonly lead: number;
  readonly subject: number;
  readonly text: number;
  readonly progress: number;
  /** Section (group of rows) the item belongs to; items are kept in section order. */
  readonly section: number;
  /** A continuation row follows it, where the layout has them. */
  readonly continued: boolean;
  /** A blank row follows it, where the layout has them. */
  readonly blankAfter: boolean;
  /** Which variant of the table's date form writes its dates. */
  readonly form: number;
  /** Days before the position date it was completed (for the completion-date column). */
  readonly completedAgo: number;
}

/** Free choices of wording and placement; each shrinks towards 0, the commonest. */
export interface Choices {
  readonly headers: readonly number[];
  readonly order: readonly number[];
  readonly subject: boolean;
  readonly title: number;
  readonly position: number;
  readonly key: number;
  readonly refs: number;
  readonly left: number;
  readonly mergeTitle: boolean;
  readonly footer: number;
  readonly total: number;
  readonly heading: number;
}

/** A tracker: its layout, the position date, the items in sheet order and the wording choices. */
export interface Tracker {
  readonly layout: Layout;
  /** The position date the tracker states (day number), or today's where it states none. */
  readonly asAt: number;
  readonly items: readonly Item[];
  readonly choices: Choices;
}

const itemArb: fc.Arbitrary<Item> = fc.record({
  state: fc.constantFrom(...STATES),
  word: fc.nat(5),
  dueOffset: fc.integer({ min: -400, max: 400 }),
  undated: fc.boolean(),
  slip: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
  priority: fc.nat(2),
  lead: fc.nat(9),
  subject: fc.nat(9),
  text: fc.nat(9),
  progress: fc.nat(9),
  section: fc.nat(3),
  continued: fc.boolean(),
  blankAfter: fc.boolean(),
  form: fc.nat(11),
  completedAgo: fc.integer({ min: 1, max: 200 }),
});

const choicesArb: fc.Arbitrary<Choices> = fc.record({
  headers: fc.array(fc.nat(11), { minLength: 12, maxLength: 12 }),
  order: fc.array(fc.nat(19), { minLength: 12, maxLength: 12 }),
  subject: fc.boolean(),
  title: fc.nat(11),
  position: fc.nat(11),
  key: fc.nat(11),
  refs: fc.nat(11),
  left: fc.nat(1),
  mergeTitle: fc.boolean(),
  footer: fc.nat(11),
  total: fc.nat(11),
  heading: fc.nat(11),
});

function layoutArb(allowed: Allowed): fc.Arbitrary<Layout> {
  const record = Object.fromEntries(DIMENSION_NAMES.map((d) => [d, fc.constantFrom(...(allowed[d] as readonly string[]))]));
  return fc.record(record) as unknown as fc.Arbitrary<Layout>;
}

/** Date forms a US-written sheet may use: month first, or forms that tell no order. */
const US_COMPATIBLE_FORMS: readonly string[] = [
  'serial',
  'monthYear',
  'quarterWords',
  'ymdText',
  'mdyText',
  'usLong',
  'usFiscal',
  'periodWords',
];

/**
 * Items in section order; a plain document date above the table; a US dashboard's dates month first; an m/d/y
 * column gets a day over 12 somewhere so its order can be told (as a reader would need).
 */
function normalise(drawn: Tracker): Tracker {
  // A document's date on a line of its own under its symbol heads a paper (the UN's reports); under a table a lone
  // date could be anything (a footnote's, a signature's), so the product rightly reads no position there.
  if (drawn.layout.title === 'below' && drawn.layout.position === 'plainDate')
    return normalise({ ...drawn, layout: { ...drawn.layout, title: 'above' } });
  // A dashboard's labels are one row of the page's own words: never a split two-row header over them.
  if (drawn.layout.fieldLabels === 'dashboard' && drawn.layout.header === 'twoRowSplit')
    return normalise({ ...drawn, layout: { ...drawn.layout, header: 'common' } });
  // "As of 7/10/25" is a US dashboard's: its other dates are written month first or carry no order.
  const us = drawn.layout.position === 'usNumeric' && !US_COMPATIBLE_FORMS.includes(drawn.layout.dateForm);
  const tracker = us ? { ...drawn, layout: { ...drawn.layout, dateForm: 'usLong' as const } } : drawn;
  const items = [...tracker.items].sort((a, b) => a.section - b.section);
  // A tracker of nothing but withdrawn items is not one anybody keeps: one item at least is live.
  const first = items[0];
  if (first && items.every((i) => i.state === 'excluded')) items[0] = { ...first, state: 'none' };
  if (tracker.layout.dateForm === 'yearless') {
    // A date with no year is read as its occurrence nearest the position: kept within five months, that is the one meant.
    for (const [k, item] of items.entries()) {
      const dueOffset = (((item.dueOffset % 301) + 301) % 301) - 150;
      // The original date too, so "End June (revised from End March)" names two dates a reader can place.
      items[k] = { ...item, dueOffset, slip: item.slip % (dueOffset + 151) };
    }
  }
  if (tracker.layout.dateForm === 'mdyText') {
    // Only a written date can tell the order: an undated item's day, or a done item's "Done", does not count.
    const dated = (i: Item) => !isUndated(tracker, i) && !doneInDate(tracker, i);
    const k = items.findIndex(dated);
    const first = items[k];
    const told = items.some((i) => dated(i) && parts(tracker.asAt + i.dueOffset).day > 12);
    if (first && !told) items[k] = { ...first, dueOffset: first.dueOffset + (13 - parts(tracker.asAt + first.dueOffset).day) };
  }
  return { ...tracker, items };
}

/**
 * Trackers drawn from the allowed variants, 1 to `maxItems` items, position dates 2018-2026, leaving out
 * layouts that combine every family of one of the `without` combinations.
 */
export function trackerArb(allowed: Allowed, without: readonly (readonly Family[])[] = [], maxItems = 14): fc.Arbitrary<Tracker> {
  return fc
    .record({
      layout: layoutArb(allowed),
      asAt: fc.integer({ min: dayNumber(2018, 1, 1), max: dayNumber(2026, 6, 30) }),
      items: fc.array(itemArb, { minLength: 1, maxLength: maxItems }),
      choices: choicesArb,
    })
    .filter((t) => !without.some((c) => hasAll(t.layout, c)))
    .map(normalise);
}

/** The item's state as the tracker can record it: with only a completion-date column, done or not done. */
export function stateOf(tracker: Tracker, item: Item): State {
  if (tracker.layout.completionDate === 'only') return item.state === 'done' ? 'done' : 'half';
  // The completion column as California's status tables keep it: a date when done, "Will Not Implement" when declined.
  if (tracker.layout.completionDate === 'withWords') return item.state === 'done' || item.state === 'excluded' ? item.state : 'half';
  return item.state;
}

export function isUndated(tracker: Tracker, item: Item): boolean {
  return tracker.layout.undated === 'some' && item.undated;
}

/** A done item whose date cell says "Done" instead of a date. */
export function doneInDate(tracker: Tracker, item: Item): boolean {
  return tracker.layout.doneInDate === 'words' && stateOf(tracker, item) === 'done';
}

/** The due date as written in the (revised) timescale column, or null for an undated item. */
export function dueWritten(tracker: Tracker, item: Item): WrittenDate | null {
  if (isUndated(tracker, item) || doneInDate(tracker, item)) return null;
  return writeDate(tracker.asAt + item.dueOffset, tracker.layout.dateForm, item.form);
}

/** The original target, where the layout records one and the target moved. */
export function originalWritten(tracker: Tracker, item: Item): WrittenDate | null {
  if (tracker.layout.revised === 'none' || isUndated(tracker, item) || doneInDate(tracker, item)) return null;
  return writeDate(tracker.asAt + item.dueOffset - item.slip, tracker.layout.dateForm, item.form);
}

const LETTERS = ['a', 'b', 'c', 'd', 'e'];
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v'];

/** The reference written for the k-th item (numbers as numbers, the rest as text). */
export function referenceOf(tracker: Tracker, k: number): string | number {
  const style = tracker.choices.refs;
  const item = tracker.items[k];
  switch (tracker.layout.references) {
    case 'numbers':
      return style % 2 === 0 ? k + 1 : 10 + k * 3;
    case 'subRefs': {
      // Groups of three or five sub-references: "2(a)".."2(e)".
      const size = style % 2 === 0 ? 3 : 5;
      const group = Math.floor(k / size) + 1;
      const within = k % size;
      if (style % 3 === 0) {
        const inSection = tracker.items.slice(0, k).filter((i) => i.section === item?.section).length;
        return `${(item?.section ?? 0) + 1}.${inSection + 1}`;
      }
      return style % 3 === 1 ? `${group}(${pick(LETTERS, within)})` : `${group}${pick(ROMAN, within)})`;
    }
    default: {
      const year = parts(tracker.asAt).year % 100;
      return pick([`R${k + 1}`, `IA${year}/${String(k + 1).padStart(2, '0')}`, `Rec ${k + 1}`], style);
    }
  }
}

/** What a careful officer reads off one item. */
export interface ItemTruth {
  /** The reference as written, or null where the table has no reference column. */
  readonly ref: string | null;
  readonly due: string | null;
  readonly complete: boolean;
  readonly excluded: boolean;
  readonly overdue: boolean;
  /** The original target where the timescale's words give it ("(revised from ...)"), else null; undefined: not checked. */
  readonly original?: string | null;
}

/** Everything the product must get right, known from the model alone. */
export interface Truth {
  readonly asAt: string;
  /** The `today` option to run with: the position date where the tracker states none, else later. */
  readonly today: string;
  readonly items: readonly ItemTruth[];
  readonly total: number;
  readonly complete: number;
  readonly excluded: number;
  readonly overdue: number;
}

/** Positions that state no date the product should take: it must fall back to today. */
const NO_STATED_DATE = new Set(['none', 'yearEndedOnly']);

/** The original target a timescale's words give: where it moved and both dates are written as text. */
function originalInText(tracker: Tracker, item: Item): string | null {
  const due = dueWritten(tracker, item);
  const original = originalWritten(tracker, item);
  if (item.slip === 0 || !due || !original || typeof due.value !== 'string' || typeof original.value !== 'string') return null;
  return toIso(original.due);
}

/** The truth of a tracker, by construction. */
export function truthOf(tracker: Tracker): Truth {
  const asAt = tracker.asAt;
  const stated = !NO_STATED_DATE.has(tracker.layout.position);
  const items = tracker.items.map((item, k): ItemTruth => {
    const state = stateOf(tracker, item);
    const due = dueWritten(tracker, item)?.due ?? null;
    const complete = state === 'done';
    const excluded = state === 'excluded';
    return {
      ref: tracker.layout.references === 'noColumn' ? null : String(referenceOf(tracker, k)),
      due: due === null ? null : toIso(due),
      complete,
      excluded,
      overdue: !complete && !excluded && due !== null && due < asAt,
      ...(tracker.layout.revised === 'inText' ? { original: originalInText(tracker, item) } : {}),
    };
  });
  return {
    asAt: toIso(asAt),
    today: toIso(stated ? asAt + 200 : asAt),
    items,
    total: items.length,
    complete: items.filter((i) => i.complete).length,
    excluded: items.filter((i) => i.excluded).length,
    overdue: items.filter((i) => i.overdue).length,
  };
}
