/**
 * The pending families in the mix: each pending family switched on in every tracker over every supported
 * family (as `tracker.test.ts` runs them), the shrunk counterexample printed. Run:
 * `npx tsc -p tests/generators/tsconfig.survey.json && node .scratch/gen/tests/generators/pendingSurvey.js`.
 */
import fc from 'fast-check';
import { allowedWithout, withFamily, type Family } from './dimensions';
import { PENDING_COMBINATIONS, PENDING_FAMILIES } from './families';
import { trackerArb } from './model';
import { render } from './render';
import { problemsOf, sheetText } from './survey';

const pending = Object.keys(PENDING_FAMILIES) as Family[];
const allowed = allowedWithout(pending);
const runs = Number(process.env.RUNS ?? 200);
const seed = Number(process.env.SEED ?? 22_009);
const only = (process.env.ONLY ?? '').split(',').filter((f) => f !== '');

const cases: (readonly Family[])[] = [...pending.map((f) => [f]), ...PENDING_COMBINATIONS.map((c) => c.families)];
for (const families of cases) {
  if (only.length > 0 && !families.some((f) => only.includes(f))) continue;
  let a = allowed;
  for (const f of families) a = withFamily(a, f);
  const without = PENDING_COMBINATIONS.map((c) => c.families).filter((c) => c !== families);
  const result = fc.check(
    fc.property(trackerArb(a, without), (t) => problemsOf(t).length === 0),
    { numRuns: runs, seed },
  );
  const name = families.join(' + ');
  if (!result.failed || !result.counterexample) {
    console.log(`ok   ${name}`);
    continue;
  }
  const [t] = result.counterexample;
  console.log(`FAIL ${name}\n  layout: ${JSON.stringify(t.layout)}\n${problemsOf(t).slice(0, 6).join('\n')}\n${sheetText(render(t))}\n`);
}
