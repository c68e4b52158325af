/**
 * Generated progress texts and Subject cells (seeded, the same every run), in the forms people type: the
 * colours Excel would show must equal the core's reading on every row.
 */
import { analyseSheet } from '../../src/core/analyse';
import { planFormat } from '../../src/core/plans/formatPlan';
import { DEFAULT_SCALE } from '../../src/core/interpret/rating';
import type { CellValue } from '../../src/core/types';
import { random } from '../fixtures/plans';
import { OPTIONS, planSheet, rec } from '../fixtures/sheets';
import { disagreements } from './agreement';

const LEVEL_WORDS = DEFAULT_SCALE.flatMap((l) => [l.label, ...l.synonyms]);
const NOT_LEVELS = ['completed', 'tbc', 'ongoing', 'nothing yet', 'in progress', 'partial'];
const SEPARATORS = [': ', ':', ' :', ' : ', ' - ', ' -', ' \u2013 ', ' ', ':\n', '  :  '];
const ENDINGS = ['', '.', ',', ', more to do', '.\nNext steps agreed.', ' (see note)', ' and monitored', '\n'];
const FILLER = ['Work continues.', 'Reviewed by committee in June.', 'Partially done, awaiting sign-off.', 'No change.'];
const SUBJECTS = [
  'Payroll\nStatutory',
  'Payroll\nNon-statutory',
  'Payroll\nNonstatutory',
  'Payroll (Statutory)',
  'Payroll (Non-statutory)',
  'Payroll - Statutory',
  'Payroll - Non-statutory',
  'Statutory accounts',
  'Statutory accounts\nStatutory',
  'Grants',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  const v = list[Math.floor(rnd() * list.length)];
  if (v === undefined) throw new Error('empty list');
  return v;
}

function casing(rnd: () => number, text: string): string {
  const r = rnd();
  return r < 0.2 ? text.toUpperCase() : r < 0.5 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A progress text: filler, then up to three phrases; an off-scale word only ever as the sole phrase (see the known gaps). */
function progressText(rnd: () => number): string {
  const parts: string[] = [];
  if (rnd() < 0.7) parts.push(pick(rnd, FILLER));
  const phrases = Math.floor(rnd() * 4);
  const offScale = phrases === 1 && rnd() < 0.3;
  for (let i = 0; i < phrases; i++) {
    const word = offScale ? pick(rnd, NOT_LEVELS) : pick(rnd, LEVEL_WORDS);
    parts.push(`${casing(rnd, 'Recommendation met')}${pick(rnd, SEPARATORS)}${casing(rnd, word)}${pick(rnd, ENDINGS)}`);
  }
  return parts.join(rnd() < 0.5 ? '\n' : ' ');
}

describe('[F3] generated rows: the colours equal the core\u2019s reading', () => {
  test.each([1, 2, 3])('seed %i, 40 rows', (seed) => {
    const rnd = random(seed);
    const rows: CellValue[][] = Array.from({ length: 40 }, (_, i) =>
      rec(`R${i + 1}`, { subject: pick(rnd, SUBJECTS), progress: progressText(rnd) }),
    );
    const s = planSheet(rows);
    const analysis = analyseSheet(s, OPTIONS);
    const plan = planFormat(analysis, s);
    if (!plan) throw new Error('no plan');
    const rated = analysis.recommendations.filter((r) => r.rating !== null).length;
    expect(rated).toBeGreaterThan(15); // the generator reaches the rating rules, not only blanks
    expect(disagreements(plan, s, analysis)).toEqual([]);
  });
});
