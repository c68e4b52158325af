jest.setTimeout(120_000);

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { run } from '../cli/helpers';
import { draft, pack } from './lossless/build';

/** The summary sheet's "Generated" text in a written package. */
function generated(bytes: Uint8Array): string {
  const parts = unzipSync(bytes);
  const summary = Object.entries(parts)
    .map(([, b]) => new TextDecoder().decode(b))
    .find((x) => x.includes('Headline figures'));
  return /<t>Generated<\/t>[\s\S]*?<t>([^<]*)<\/t>/.exec(summary ?? '')?.[1] ?? '';
}

describe('apply is idempotent across time (S: a run on our own output changes nothing)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apc-idem-'));
  const input = join(dir, 'plan.xlsx');
  writeFileSync(input, pack(draft()));
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');

  test('the stamp is a date, and a run days later on the output is byte-identical', async () => {
    const a = await run(['apply', input, '--out', first, '--as-at', '2002-03-31', '--today', '2026-11-26']);
    expect([0, 1]).toContain(a.code);
    expect(generated(readFileSync(first))).toBe('26 November 2026');
    const b = await run(['apply', first, '--out', second, '--as-at', '2002-03-31', '--today', '2026-12-03']);
    expect([0, 1]).toContain(b.code);
    expect(Buffer.from(readFileSync(second)).equals(Buffer.from(readFileSync(first)))).toBe(true);
  });

  test('without --today the stamp is still a date only (no time of day)', async () => {
    const out = join(dir, 'today.xlsx');
    await run(['apply', input, '--out', out, '--as-at', '2002-03-31']);
    expect(generated(readFileSync(out))).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  test('when the plan changed, the summary is generated again with the new date', async () => {
    const parts = unzipSync(readFileSync(first));
    const strings = new TextDecoder().decode(parts['xl/sharedStrings.xml']);
    parts['xl/sharedStrings.xml'] = new TextEncoder().encode(
      strings.replace('Half done.\nRecommendation met: partially', 'All done.\nRecommendation met: completely'),
    );
    const edited = join(dir, 'edited.xlsx');
    writeFileSync(edited, zipSync(parts));
    const out = join(dir, 'edited.out.xlsx');
    await run(['apply', edited, '--out', out, '--as-at', '2002-03-31', '--today', '2026-12-03']);
    expect(generated(readFileSync(out))).toBe('3 December 2026');
  });
});
