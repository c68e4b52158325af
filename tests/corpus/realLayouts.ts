import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/types';

/** A real action plan transcribed from a public paper (tests/corpus/real/README.md says how), with hand-counted figures. */
export interface RealLayout {
  readonly slug: string;
  readonly source: { readonly title: string; readonly url: string; readonly date: string | null };
  readonly sheet: { readonly name: string; readonly rows: CellValue[][] };
  readonly expected: {
    readonly headerRow: number;
    readonly total: number;
    readonly complete: number;
    readonly excluded: number;
    readonly overdue: number | null;
    readonly asAt: string | null;
    readonly scale: string;
    readonly ids: readonly string[];
    /** Overdue as at the paper's (meeting's) date where the sheet states no date of its own. */
    readonly atPaperDate?: { readonly asAt: string; readonly overdue: number };
  };
}

const DIR = join(__dirname, 'real');

/** Every transcribed plan, by file name. */
export function realLayouts(): RealLayout[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ slug: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Omit<RealLayout, 'slug'>) }));
}

/** The as-at date to run with: none when the sheet states one (it must be found), else the paper's date where known. */
export function runAsAt(plan: RealLayout): string | undefined {
  return plan.expected.asAt === null ? plan.expected.atPaperDate?.asAt : undefined;
}

/** The overdue count expected for that run, or null when the plan has no date to count against. */
export function expectedOverdue(plan: RealLayout): number | null {
  return plan.expected.asAt !== null ? plan.expected.overdue : (plan.expected.atPaperDate?.overdue ?? null);
}
