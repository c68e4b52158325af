/**
 * The benchmark harness: `npm run bench` prints a table, `-- --json` one JSON object per line (a contract:
 * add fields freely, never rename), `-- --check` exits 1 when a budget is missed. Budgets are ratios against
 * a floor measured in the same run, or counts.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { analyseSheet } from '../../src/core/analyse';
import type { CellValue, SheetSnapshot } from '../../src/core/types';
import { main } from '../../src/cli/main';
import { runPlan } from '../../src/excel/excelHost';
import { FakeWorkbook, installFakeOffice, PAYLOAD_LIMIT } from '../fakes/excelFake';
import { syntheticPlan } from '../fixtures/plans';
import { median, round } from './measure';
import { launch, openPane, ROOT, serveDist } from '../e2e/harness';

type Line = Record<string, unknown> & { bench: string };
interface Budget {
  name: string;
  ok: boolean;
  detail: string;
}

const args = new Set(process.argv.slice(2));
const lines: Line[] = [];
const budgets: Budget[] = [];

const TODAY = '2026-11-26';
const emit = (line: Line) => {
  lines.push(line);
  if (args.has('--json')) process.stdout.write(`${JSON.stringify(line)}\n`);
};
const scalars = (values: CellValue[][]) => values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

async function coreAnalyse(): Promise<void> {
  const results = new Map<number, number>();
  for (const [rows, runs] of [
    [13, 200],
    [1000, 20],
    [10000, 7],
    [100000, 5],
  ] as const) {
    const snapshot: SheetSnapshot = { name: 'Plan', origin: 'A1', values: syntheticPlan(rows, { seed: rows }) };
    const ms = await median(() => analyseSheet(snapshot, { today: TODAY }), runs);
    const floorMs = await median(() => JSON.stringify(snapshot), runs);
    results.set(rows, ms);
    emit({ bench: 'core.analyse', rows, ms, floorMs, ratio: round(ms / Math.max(floorMs, 0.01)) });
  }
  const at10k = lines.find((l) => l.bench === 'core.analyse' && l.rows === 10000);
  budgets.push({ name: 'core.analyse ratio at 10000 rows <= 3', ok: Number(at10k?.ratio) <= 3, detail: `ratio ${String(at10k?.ratio)}` });
  const growth = (results.get(100000) ?? 0) / Math.max(results.get(10000) ?? 1, 0.01);
  budgets.push({ name: 'core.analyse time at 100000 <= 12 x time at 10000', ok: growth <= 12, detail: `${round(growth)} x` });
}

async function excelRunAll(): Promise<void> {
  const at: Line[] = [];
  for (const rows of [13, 1000, 1500, 10000, 50000]) {
    const fake = new FakeWorkbook();
    const uninstall = installFakeOffice(fake);
    fake.addSheet('Plan', scalars(syntheticPlan(rows, { seed: rows })));
    await runPlan({}, { format: true, summary: true }, undefined, { now: new Date(2026, 10, 26) });
    uninstall();
    const s = fake.stats;
    const line = {
      bench: 'excel.runAll',
      rows,
      syncs: s.syncs,
      ops: s.ops,
      maxPayloadBytes: Math.max(s.maxRequestBytes, s.maxResponseBytes),
      fits: s.syncs <= 3 && s.payloadFailures === 0,
      payloadFailures: s.payloadFailures,
      limitBytes: PAYLOAD_LIMIT,
    };
    at.push(line);
    emit(line);
  }
  const whole = at.filter((x) => x.fits && Number(x.rows) > 200);
  for (const l of at.filter((x) => Number(x.rows) <= 1500)) {
    budgets.push({ name: `excel.runAll ${String(l.rows)} rows: <= 3 syncs`, ok: Number(l.syncs) <= 3, detail: `${String(l.syncs)} syncs` });
  }
  const ops = new Set(whole.map((l) => l.ops));
  budgets.push({
    name: 'excel.runAll operations do not grow with rows (1000 = 1500)',
    ok: ops.size === 1 && whole.length >= 2,
    detail: [...ops].join(', '),
  });
  for (const l of at.filter((x) => Number(x.rows) >= 10000)) {
    budgets.push({
      name: `excel.runAll ${String(l.rows)} rows: read in blocks under 90% of the 5 MB limit`,
      ok: Number(l.maxPayloadBytes) <= 0.9 * PAYLOAD_LIMIT && l.payloadFailures === 0,
      detail: `${String(l.maxPayloadBytes)} bytes`,
    });
  }
  const tenK = at.find((x) => Number(x.rows) === 10000);
  budgets.push({
    name: 'excel.runAll 10000 rows: <= 5 syncs',
    ok: Number(tenK?.syncs) <= 5,
    detail: `${String(tenK?.syncs)} syncs`,
  });
}

async function cliApply(): Promise<void> {
  const rows = 10000;
  const dir = mkdtempSync(join(tmpdir(), 'apc-bench-'));
  const input = join(dir, 'plan.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  for (const row of syntheticPlan(rows, { seed: 7 })) ws.addRow(row.map((v) => (v === null || typeof v === 'object' ? null : v)));
  await wb.xlsx.writeFile(input);
  const quiet = { out: () => undefined, err: () => undefined, stdin: new PassThrough() };
  const ms = await median(() => main(['apply', input, '--out', join(dir, 'out.xlsx'), '--today', TODAY], quiet), 3);
  const floorMs = await median(async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(input);
    await w.xlsx.writeFile(join(dir, 'floor.xlsx'));
  }, 3);
  const line = { bench: 'cli.apply', rows, ms, floorMs, ratio: round(ms / floorMs) };
  emit(line);
  budgets.push({ name: 'cli.apply ratio at 10000 rows <= 1.5', ok: line.ratio <= 1.5, detail: `ratio ${line.ratio}` });
}

function bundle(): void {
  const dist = join(ROOT, 'dist');
  const files = existsSync(dist) ? readdirSync(dist).filter((f) => /^taskpane\..*\.js$/.test(f)) : [];
  if (files.length === 0) {
    emit({ bench: 'bundle.taskpane', kbGzip: null, note: 'dist/ not built: run npm run build first' });
    budgets.push({ name: 'bundle.taskpane <= 150 KB gzip', ok: false, detail: 'not built' });
    return;
  }
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  const kbGzip = round(bytes / 1024);
  emit({ bench: 'bundle.taskpane', kbGzip, files });
  budgets.push({ name: 'bundle.taskpane <= 150 KB gzip', ok: kbGzip <= 150, detail: `${kbGzip} KB` });
}

async function paneFirstRender(): Promise<void> {
  if (!existsSync('/usr/bin/chromium') || !existsSync(join(ROOT, '.e2e', 'fake-office.js'))) {
    emit({ bench: 'pane.firstRender', ms: null, note: 'needs /usr/bin/chromium and a built pane (npm run test:e2e builds both)' });
    return;
  }
  const { server, url } = await serveDist();
  const browser = await launch();
  const scenario = { sheets: [{ name: 'Plan', values: scalars(syntheticPlan(13)) }] };
  const ms = await median(async () => {
    const start = performance.now();
    const { page } = await openPane(browser, url, scenario);
    await page.getByRole('button', { name: 'Check, format and summarise' }).waitFor();
    const took = performance.now() - start;
    await page.close();
    return took;
  }, 5);
  await browser.close();
  server.close();
  emit({ bench: 'pane.firstRender', ms });
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const want = (name: string) => only === undefined || only.split(',').includes(name);

async function runAll(): Promise<void> {
  if (want('core')) await coreAnalyse();
  if (want('excel')) await excelRunAll();
  if (want('cli')) await cliApply();
  if (want('bundle')) bundle();
  if (want('pane')) await paneFirstRender();
  if (!args.has('--json')) {
    for (const l of lines) {
      const { bench, ...rest } = l;
      process.stdout.write(
        `${bench.padEnd(18)} ${Object.entries(rest)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.length : String(v)}`)
          .join('  ')}\n`,
      );
    }
    process.stdout.write('\nBudgets\n');
    for (const b of budgets) process.stdout.write(`  ${b.ok ? 'ok  ' : 'MISS'} ${b.name} (${b.detail})\n`);
  }
  if (args.has('--check') && budgets.some((b) => !b.ok)) {
    process.stderr.write(
      `Budgets missed: ${budgets
        .filter((b) => !b.ok)
        .map((b) => b.name)
        .join('; ')}\n`,
    );
    process.exitCode = 1;
  }
}

void runAll();
