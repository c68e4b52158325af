/**
 * Which families the product reads right: each family switched on alone over the given base, a seeded
 * property per family, the smallest failing tracker shrunk and printed. Run with `npm run survey:trackers`
 * style: `npx tsc -p tests/generators/tsconfig.survey.json && node .scratch/gen/tests/generators/survey.js`.
 */
import fc from 'fast-check';
import { analyseSheet } from '../../src/core/analyse';
import { cellText } from '../../src/core/cells';
import type { SheetSnapshot } from '../../src/core/types';
import { ALL_FAMILIES, allowedWithout, withFamily, type Allowed, type Family } from './dimensions';
import { trackerArb, truthOf, type Tracker } from './model';
import { render } from './render';
import { mismatches } from './tracker';

/** What one family's property found: failures out of runs, and the shrunk counterexample. */
export interface FamilyReport {
  readonly family: Family | 'base';
  readonly runs: number;
  readonly failed: boolean;
  readonly example?: { readonly sheet: string; readonly problems: readonly string[] };
}

/** The problems the product has with one tracker (empty when it reads it right); `as` changes the sheet first. */
export function problemsOf(tracker: Tracker, as: (sheet: SheetSnapshot) => SheetSnapshot = (s) => s): string[] {
  const truth = truthOf(tracker);
  return mismatches(analyseSheet(as(render(tracker)), { today: truth.today }), truth);
}

/** A snapshot as tab-separated rows, for a report. */
export function sheetText(snapshot: SheetSnapshot): string {
  return snapshot.values
    .map((row, r) => {
      const cells = row.map((v, c) => {
        const format = snapshot.numberFormats?.[r]?.[c] ?? 'General';
        return `${cellText(v).replace(/\n/g, '\\n')}${format === 'General' ? '' : ` [${format}]`}`;
      });
      return `${r + 1}\t${cells.join('\t')}`.trimEnd();
    })
    .concat(snapshot.merges?.length ? [`merges: ${snapshot.merges.join(' ')}`] : [])
    .join('\n');
}

/** Runs one family's property (seeded) and shrinks a failure. */
export function surveyFamily(
  allowed: Allowed,
  family: Family | 'base',
  runs: number,
  seed: number,
  without: readonly (readonly Family[])[] = [],
): FamilyReport {
  const arb = trackerArb(family === 'base' ? allowed : withFamily(allowed, family), without);
  const result = fc.check(
    fc.property(arb, (t) => problemsOf(t).length === 0),
    { numRuns: runs, seed },
  );
  if (!result.failed || !result.counterexample) return { family, runs: result.numRuns, failed: false };
  const [tracker] = result.counterexample;
  return { family, runs: result.numRuns, failed: true, example: { sheet: sheetText(render(tracker)), problems: problemsOf(tracker) } };
}

/** Surveys every family over a base that holds only the baselines (and `extra` families). */
export function survey(runs: number, seed: number, base: readonly Family[] = []): FamilyReport[] {
  const allowed = allowedWithout(ALL_FAMILIES.filter((f) => !base.includes(f)));
  return [surveyFamily(allowed, 'base', runs, seed), ...ALL_FAMILIES.map((f) => surveyFamily(allowed, f, runs, seed))];
}

if (require.main === module) {
  const runs = Number(process.env.RUNS ?? 100);
  const base = (process.env.BASE ?? '').split(',').filter((f) => f !== '') as Family[];
  for (const r of survey(runs, Number(process.env.SEED ?? 22), base)) {
    console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.family}`);
    if (r.example) console.log(`${r.example.problems.slice(0, 6).join('\n')}\n${r.example.sheet}\n`);
  }
}
