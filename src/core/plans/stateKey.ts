/**
 * How each state looks in our status column and what it means, for the conditional-format rules and the
 * summary's colour key: one table, so every word written has a colour and an explanation.
 */
import { ITEM_STATES, type ItemState } from '../itemStates';
import { STATUS_SWATCHES, type Swatch } from './palette';
import { CHECK_HEADER } from './statusWords';

/** A state's look (fill and font) and its meaning, for people. */
export interface StateLook {
  readonly swatch: Swatch;
  readonly bold: boolean;
  readonly meaning: string;
}

/** The look of each state: to chase in red and amber, to check in blue, nothing to chase in green. */
export const STATE_LOOK: Readonly<Record<ItemState, StateLook>> = {
  Complete: {
    swatch: STATUS_SWATCHES.ok,
    bold: false,
    meaning: 'Done: the status says so (or, with no status, the timescale or update says "Done").',
  },
  'Not counted': {
    swatch: STATUS_SWATCHES.ok,
    bold: false,
    meaning: 'Withdrawn, not applicable or overtaken by events: left out of completion.',
  },
  'Not rated': {
    swatch: STATUS_SWATCHES.unrated,
    bold: true,
    meaning: 'No status, or one not on the scale: rate it before it can be counted.',
  },
  Overdue: {
    swatch: STATUS_SWATCHES.overdue,
    bold: true,
    meaning: 'Open and past its due date at the as-at date; the days are in the next column.',
  },
  'Due today': { swatch: STATUS_SWATCHES.dueSoon, bold: true, meaning: 'Open and due on the as-at date.' },
  'Due soon': { swatch: STATUS_SWATCHES.dueSoon, bold: false, meaning: 'Open and due within 30 days of the as-at date.' },
  'Not yet due': { swatch: STATUS_SWATCHES.ok, bold: false, meaning: 'Open and due later than that.' },
  'No date': {
    swatch: STATUS_SWATCHES.check,
    bold: false,
    meaning: 'Open with no date to check it against (ongoing, no deadline, or a timescale to check).',
  },
};

/** The colour key's rows for our columns: every state (or each one used, given the counts), then the data-check column. */
export function stateKeyRows(used?: Readonly<Record<ItemState, number>>): [string, Swatch, string][] {
  const states = ITEM_STATES.filter((s) => used === undefined || used[s] > 0);
  return [
    ...states.map((s): [string, Swatch, string] => [s, STATE_LOOK[s].swatch, STATE_LOOK[s].meaning]),
    [
      CHECK_HEADER,
      STATUS_SWATCHES.check,
      'A cell to check: a rating off the scale, a timescale, a reference, an error value, a moved target.',
    ],
  ];
}
