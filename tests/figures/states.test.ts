/**
 * SPEC S1 "One state per item" and F2 "Status column", proven on generated plans whose states are known by
 * construction (tests/fixtures/statePlans.ts): each item's state, every breakdown adding up to its total,
 * the same figures in the pane's headline, the summary model and `check --json`, and a status column of at
 * most 8 words that map one-to-one to states and colours.
 */
import fc from 'fast-check';
import { jsonReport } from '../../src/cli/report';
import { analyseSheet } from '../../src/core/analyse';
import { chaseList } from '../../src/core/figures/chaseList';
import { planFormat } from '../../src/core/plans/formatPlan';
import { STATE_LOOK } from '../../src/core/plans/stateKey';
import { ITEM_STATES } from '../../src/core/plans/statusWords';
import { buildSummary } from '../../src/core/plans/summaryModel';
import type { Analysis, GroupStats, ItemState, Recommendation } from '../../src/core/types';
import { headline } from '../../src/taskpane/headline';
import { GEN_SCALES, statePlan, type GenPlan, type GenScale } from '../fixtures/statePlans';
import { OPTIONS, snapshot } from '../fixtures/sheets';

const analyse = (plan: GenPlan): Analysis => analyseSheet(snapshot(plan.values), { ...OPTIONS, scale: plan.scale });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const countOf = (recs: readonly Recommendation[], state: ItemState) => recs.filter((r) => r.state === state).length;

/** Every way the figures fail to add up, in words ([] when they all do). */
function breakdownProblems(a: Analysis): string[] {
  const s = a.stats;
  const out: string[] = [];
  const expect = (what: string, got: number, want: number) => got !== want && out.push(`${what}: ${got}, not ${want}`);
  expect('byLevel + unrated', sum(Object.values(s.byLevel)) + s.unrated, s.total);
  expect('byRating (with unrated)', sum(Object.values(s.byRating)), s.total);
  expect('byRating.unrated', s.byRating.unrated ?? -1, s.unrated);
  expect('rated + unrated', s.rated + s.unrated, s.total);
  expect('byState', sum(Object.values(s.byState)), s.total);
  expect('levels (chart bars) + unrated', sum(s.levels.map((l) => l.count)) + s.unrated, s.total);
  expect('ageing', sum(Object.values(s.ageing)), s.overdue);
  expect('statutory ageing', sum(Object.values(s.statutory.ageing)), s.statutory.overdue);
  const parts = (groups: readonly GroupStats[], name: string) => {
    for (const key of ['total', 'complete', 'completely', 'excluded', 'overdue', 'dueSoon', 'unrated', 'rated'] as const)
      expect(`${name} ${key}`, sum(groups.map((g) => g[key])), s[key]);
    for (const state of ITEM_STATES) expect(`${name} ${state}`, sum(groups.map((g) => g.byState[state])), s.byState[state]);
  };
  if (s.recordsStatutory) parts([s.statutory, s.nonStatutory], 'statutory + non-statutory');
  if (s.byPriority.length > 0) parts(s.byPriority, 'byPriority');
  for (const key of ['total', 'complete', 'overdue', 'unrated'] as const) expect(`byLead ${key}`, sum(s.byLead.map((l) => l[key])), s[key]);
  // Each figure from the one state.
  expect('complete', s.complete, countOf(a.recommendations, 'Complete'));
  expect('excluded', s.excluded, countOf(a.recommendations, 'Not counted'));
  expect('overdue', s.overdue, countOf(a.recommendations, 'Overdue'));
  expect('dueSoon', s.dueSoon, countOf(a.recommendations, 'Due soon') + countOf(a.recommendations, 'Due today'));
  return out;
}

/** Every item whose state, level or days overdue differ from the truth. */
function itemProblems(plan: GenPlan, a: Analysis): string[] {
  const byRow = new Map(a.recommendations.map((r) => [r.row, r]));
  return plan.items.flatMap((t) => {
    const r = byRow.get(t.row);
    if (!r) return [`row ${t.row} not read`];
    const got = [r.state, r.level, r.daysOverdue, r.checks.includes('Status contradicted')];
    const want = [t.state, t.level, t.daysOverdue, t.contradicted];
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`row ${t.row}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`];
  });
}

/** The same figures in the pane's headline, the summary model and the JSON (null-free when they agree). */
function agreementProblems(a: Analysis): string[] {
  const s = a.stats;
  const out: string[] = [];
  const counted = s.total - s.excluded;
  const line = headline(a);
  const n = (x: number) => x.toLocaleString('en-GB');
  for (const words of [`${n(s.complete)} of ${n(counted)} complete`, `${n(s.overdue)} overdue`, `${n(s.unrated)} unrated`])
    if (!line.includes(words)) out.push(`headline "${line}" lacks "${words}"`);
  const model = buildSummary(a, 'now');
  const figure = (label: string) => model.rows.find((r) => r[0]?.value === label)?.[1]?.value;
  for (const [label, want] of [
    ['Recommendations', s.total],
    ['Complete', s.complete],
    ['Overdue', s.overdue],
    ['Not rated', s.unrated],
  ] as const)
    if (figure(label) !== want) out.push(`summary "${label}" is ${String(figure(label))}, not ${want}`);
  const json = jsonReport(a) as {
    stats: Record<string, unknown> & { byState: Record<string, number> };
    recommendations: { state: string }[];
  };
  for (const key of ['total', 'complete', 'overdue', 'unrated', 'excluded', 'dueSoon'] as const)
    if (json.stats[key] !== s[key]) out.push(`json stats.${key} is ${String(json.stats[key])}, not ${s[key]}`);
  for (const state of ITEM_STATES) {
    const items = json.recommendations.filter((r) => r.state === state).length;
    if (json.stats.byState[state] !== items) out.push(`json byState "${state}" ${json.stats.byState[state]}, items ${items}`);
  }
  const chased = chaseList(a).flatMap((l) => l.items);
  if (chased.filter((i) => i.daysOverdue !== null).length !== s.overdue) out.push('chase list overdue differs');
  return out;
}

/** The status column holds only state words, each row its item's state; the days column its days overdue. */
function columnProblems(plan: GenPlan, a: Analysis): string[] {
  const format = planFormat(a, snapshot(plan.values));
  const status = format?.status;
  if (!format || !status) return ['no status column'];
  const out: string[] = [];
  const words = new Set(status.values.map(([v]) => v).filter((v) => v !== ''));
  if (words.size > 8) out.push(`${words.size} distinct words`);
  for (const w of words) if (!(ITEM_STATES as readonly string[]).includes(w)) out.push(`"${w}" is not a state`);
  const first = Number(status.range.split(':')[0]?.replace(/^[A-Z]+/, ''));
  const days = format.added.find((c) => c.kind === 'days');
  for (const r of a.recommendations) {
    if (status.values[r.row - first]?.[0] !== r.state) out.push(`row ${r.row} says ${status.values[r.row - first]?.[0]}, state ${r.state}`);
    const d = days?.values[r.row - first]?.[0];
    if (d !== (r.state === 'Overdue' ? r.daysOverdue : '')) out.push(`row ${r.row} days ${String(d)}`);
  }
  return out;
}

describe('[S1] one state per item, from one rule, on generated plans of every scale', () => {
  test.each(GEN_SCALES)('[S1] %s: each item in its state by construction; every breakdown adds up to its total', (scale) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rows, seed) => {
        const plan = statePlan(rows, scale, seed);
        const a = analyse(plan);
        const problems = [...itemProblems(plan, a), ...breakdownProblems(a)];
        if (plan.recorded && a.stats.unrated !== countOf(a.recommendations, 'Not rated')) problems.push('unrated is not Not rated');
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test.each(GEN_SCALES)('[S1] [F2] %s: the pane, the summary, the JSON and the status column agree to the item', (scale) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rows, seed) => {
        const plan = statePlan(rows, scale, seed);
        const a = analyse(plan);
        expect([...agreementProblems(a), ...columnProblems(plan, a)]).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('[S1] the complaints of issue 19, on 300 and 3,000 rows', () => {
  const cases: [number, GenScale][] = [
    [300, 'extent'],
    [3000, 'extent'],
    [3000, 'implementation'],
  ];
  test.each(cases)('[S1] %i rows (%s): the headline, the status table and the chart count the same items', (rows, scale) => {
    const plan = statePlan(rows, scale, 19);
    const a = analyse(plan);
    const truth = (state: ItemState) => plan.items.filter((i) => i.state === state).length;
    // Contradictory and completed-by-timescale items are in the plan, so the complaint could recur.
    expect(plan.items.filter((i) => i.contradicted).length).toBeGreaterThan(0);
    expect(a.stats.complete).toBe(truth('Complete'));
    expect(a.stats.overdue).toBe(truth('Overdue'));
    expect(a.stats.unrated).toBe(truth('Not rated'));
    expect(itemProblems(plan, a)).toEqual([]);
    expect(breakdownProblems(a)).toEqual([]);
    expect(agreementProblems(a)).toEqual([]);
    // "Complete: N" in the headline is the complete level's bar: items completed by their timescale are in it.
    const top = a.stats.levels[0];
    expect(top?.count).toBe(a.stats.complete);
    // statutory.complete is the complete items; statutory.completely those at the top level (the same here).
    expect(a.stats.statutory.complete).toBe(plan.items.filter((i) => i.statutory && i.state === 'Complete').length);
  });

  test('[F2] 3,000 rows: the status column holds at most 8 words, each a state, every overdue item under one word', () => {
    const plan = statePlan(3000, 'extent', 19);
    const a = analyse(plan);
    expect(columnProblems(plan, a)).toEqual([]);
    const format = planFormat(a, snapshot(plan.values));
    const words = new Set(format?.status?.values.map(([v]) => v));
    expect(words.size).toBeLessThanOrEqual(8);
    expect(format?.status?.values.filter(([v]) => v === 'Overdue')).toHaveLength(a.stats.overdue);
  });
});

describe('[F2] status words and colours map one-to-one to states', () => {
  test('[F2] each state has one look, and each status rule colours exactly the states of that look', () => {
    const plan = statePlan(200, 'rag', 7);
    const format = planFormat(analyse(plan), snapshot(plan.values));
    const rules = format?.rules.filter((r) => r.purpose.startsWith('Status: ')) ?? [];
    const covered = rules.flatMap((r) => r.purpose.slice('Status: '.length).split(' / '));
    expect([...covered].sort()).toEqual([...ITEM_STATES].sort());
    for (const r of rules)
      for (const state of r.purpose.slice('Status: '.length).split(' / ') as ItemState[]) {
        expect(r.fill).toBe(STATE_LOOK[state].swatch.fill);
        expect(r.formula).toContain(`="${state}"`);
      }
  });
});
