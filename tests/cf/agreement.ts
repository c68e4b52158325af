/**
 * The agreement check: the cells each conditional-format rule colours in Excel (evaluated by tests/cf/evaluate)
 * against the core's own reading of the rows (analysis.recommendations[].rating / statutory / state / checks).
 */
import { columnLetter, parseAddress } from '../../src/core/address';
import type { ConditionalRule, FormatPlan } from '../../src/core/plans/formatPlan';
import { isItemState } from '../../src/core/plans/statusWords';
import type { Analysis, Recommendation, SheetSnapshot } from '../../src/core/types';
import { evaluatePlan } from './evaluate';

/** Which rows a rule on our columns must colour, from the core's state and checks (the columns' contents). */
function ourColumnReading(purpose: string): ((r: Recommendation) => boolean) | null {
  if (purpose.startsWith('Status: ')) {
    const states = purpose.slice('Status: '.length).split(' / ');
    if (!states.every(isItemState)) throw new Error(`"${purpose}" names a word that is not a state`);
    return (r) => (states as readonly string[]).includes(r.state);
  }
  if (purpose === 'Days overdue') return (r) => r.state === 'Overdue';
  if (purpose === 'Data check') return (r) => r.checks.length > 0;
  return null;
}

function cellsOf(range: string, rows: readonly number[]): Set<string> {
  const [from = '', to = from] = range.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  const out = new Set<string>();
  if (!a || !b) return out;
  for (const row of rows) {
    if (row < a.row || row > b.row) continue;
    for (let c = a.column; c <= b.column; c++) out.add(`${columnLetter(c)}${row}`);
  }
  return out;
}

/** The kind of reading a rule's purpose names: a rating level (by key), the statutory rows, or a status. */
function reading(
  rule: ConditionalRule,
  analysis: Analysis,
): { kind: 'rating'; key: string } | { kind: 'rows'; test: (r: Recommendation) => boolean } {
  if (rule.purpose.startsWith('Rating: ')) {
    const label = rule.purpose.slice('Rating: '.length);
    const level = analysis.scale.find((l) => l.label.toLowerCase() === label);
    if (!level) throw new Error(`No level of the scale is called "${label}" (rule "${rule.purpose}")`);
    return { kind: 'rating', key: level.key };
  }
  if (rule.purpose === 'Statutory row') return { kind: 'rows', test: (r) => r.statutory === true };
  if (rule.purpose === 'Top-priority row') {
    const top = analysis.stats.byPriority[0]?.priority ?? null;
    return { kind: 'rows', test: (r) => r.priority !== null && r.priority === top };
  }
  const ours = ourColumnReading(rule.purpose);
  if (ours) return { kind: 'rows', test: ours };
  throw new Error(`No core reading is known for the rule "${rule.purpose}": add one to tests/cf/agreement.ts`);
}

const show = (cells: Iterable<string>) => [...cells].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(' ');

/**
 * Every way the colours and the core disagree, in words ([] when they agree):
 * - a status or statutory rule colours exactly the rows the core flags (rules of one purpose together);
 * - rating rules: each rating cell shows (first true rating rule in the list, as Excel's precedence does)
 *   the level the core counted, and a cell the core left unrated shows none.
 */
export function disagreements(plan: FormatPlan, snapshot: SheetSnapshot, analysis: Analysis): string[] {
  const evaluated = evaluatePlan(plan, snapshot);
  const problems: string[] = [];
  const byPurpose = new Map<string, { rule: ConditionalRule; cells: Set<string> }[]>();
  for (const e of evaluated) byPurpose.set(e.rule.purpose, [...(byPurpose.get(e.rule.purpose) ?? []), e]);

  // Rating: the level each cell shows is that of the first rating rule true there.
  const shown = new Map<string, string>();
  for (const { rule, cells } of evaluated) {
    const r = reading(rule, analysis);
    if (r.kind !== 'rating') continue;
    for (const cell of cells) if (!shown.has(cell)) shown.set(cell, r.key);
  }
  const ratingRules = evaluated.filter((e) => e.rule.purpose.startsWith('Rating: ')).map((e) => e.rule);
  if (ratingRules.length > 0) {
    // The counted level's colour belongs in its row, in the ranges of that level's rules: the rating or progress
    // column, or the level's own tick-mark column.
    const expected = new Map<string, string>();
    for (const rec of analysis.recommendations) {
      // An empty status counted complete from "Done" elsewhere in the row has no word in its rating cell to colour.
      if (rec.rating === null || rec.ratingSource !== 'status') continue;
      for (const r of ratingRules) {
        const level = reading(r, analysis);
        if (level.kind === 'rating' && level.key === rec.rating)
          for (const cell of cellsOf(r.range, [rec.row])) expected.set(cell, rec.rating);
      }
    }
    // An excluded item (N/A, withdrawn) may show the neutral colour or none: it is out of the count either way.
    const excluded = new Set(analysis.scale.filter((l) => l.excluded).map((l) => l.key));
    for (const cell of new Set([...shown.keys(), ...expected.keys()])) {
      const want = expected.get(cell);
      if (want !== undefined && excluded.has(want) && (shown.get(cell) === undefined || shown.get(cell) === want)) continue;
      if (shown.get(cell) !== want) {
        problems.push(
          `${cell} shows the colour of "${shown.get(cell) ?? 'no level'}", the core counts "${expected.get(cell) ?? 'no level'}"`,
        );
      }
    }
  }

  for (const [purpose, rules] of byPurpose) {
    const first = rules[0];
    if (!first || purpose.startsWith('Rating: ')) continue;
    const r = reading(first.rule, analysis);
    if (r.kind !== 'rows') continue;
    const coloured = new Set(rules.flatMap((x) => [...x.cells]));
    const expected = cellsOf(
      first.rule.range,
      analysis.recommendations.filter(r.test).map((rec) => rec.row),
    );
    const extra = [...coloured].filter((c) => !expected.has(c));
    const missing = [...expected].filter((c) => !coloured.has(c));
    if (extra.length > 0) problems.push(`"${purpose}" colours ${show(extra)}, which the core does not flag`);
    if (missing.length > 0) problems.push(`"${purpose}" leaves ${show(missing)} uncoloured, which the core flags`);
  }
  return problems;
}
