/**
 * The benchmark harness: `npm run bench` prints a table, `-- --json` one JSON object per line (a contract:
 * add fields freely, never rename), `-- --check` exits 1 when a budget is missed. Budgets are ratios against
 * a floor measured in the same run, or counts.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { analyseSheet } from '../../src/core/analyse';
import type { Analysis, CellValue, Finding, SheetSnapshot } from '../../src/core/types';
import { finding } from '../../src/core/findings';
import { main } from '../../src/cli/main';
import { runPlan } from '../../src/excel/excelHost';
import { FakeWorkbook, installFakeOffice, PAYLOAD_LIMIT } from '../fakes/excelFake';
import { narrativePlan, syntheticPlan } from '../fixtures/plans';
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

/**
 * The floor for core.analyse: work of the same kind it cannot avoid, one pass over every cell's text,
 * lower-cased, with one regular-expression test per cell.
 */
function textPass(values: readonly (readonly CellValue[])[]): number {
  let hits = 0;
  for (const row of values) {
    for (const v of row) {
      if (v === null || typeof v === 'object') continue;
      if (/recommendation met|\bstatutory\b/.test(String(v).toLowerCase())) hits++;
    }
  }
  return hits;
}

/**
 * The analysis reads every cell too, but also parses timescales and dates and tests many words a cell:
 * 10-30 times the one-pass floor here (the floor itself slows on a large heap, so the ratio falls at 100k).
 */
const ANALYSE_RATIO = 40;

async function coreAnalyse(): Promise<void> {
  const results = new Map<number, number>();
  for (const [rows, runs] of [
    [13, 200],
    [1000, 20],
    [10000, 7],
    [100000, 3],
  ] as const) {
    const snapshot: SheetSnapshot = { name: 'Plan', origin: 'A1', values: syntheticPlan(rows, { seed: rows }) };
    // The floor first, so it does not pay for the garbage the analysis leaves on the heap.
    const floorMs = await median(() => textPass(snapshot.values), runs * 3);
    const ms = await median(() => analyseSheet(snapshot, { today: TODAY }), runs);
    results.set(rows, ms);
    const ratio = round(ms / Math.max(floorMs, 0.01));
    emit({ bench: 'core.analyse', rows, ms, floorMs, ratio, floor: 'lower-case + one regex test per cell' });
    if (rows >= 1000)
      budgets.push({
        name: `core.analyse ratio at ${rows} rows <= ${ANALYSE_RATIO}`,
        ok: ratio <= ANALYSE_RATIO,
        detail: `ratio ${ratio}`,
      });
  }
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

const quiet = () => ({ out: () => undefined, err: () => undefined, stdin: new PassThrough() });

/** A plan of `rows` recommendations as an .xlsx file; `extras` adds comments, validations and hyperlinks. */
async function planFile(path: string, rows: number, extras = false, plan = syntheticPlan): Promise<Record<string, number>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  for (const row of plan(rows, { seed: 7 })) ws.addRow(row.map((v) => (v === null || typeof v === 'object' ? null : v)));
  const counts = { comments: 0, validations: 0, hyperlinks: 0 };
  if (extras) {
    const first = 6; // title rows, a blank row and the header come first
    for (let r = first; r < first + rows; r++) {
      const lead = ws.getCell(r, 3);
      lead.dataValidation = { type: 'list', allowBlank: true, formulae: ['"ACHR,ACPRS,DCC"'] };
      counts.validations++;
      if (r % 10 === 0) {
        ws.getCell(r, 1).note = `Checked by the audit team on row ${r}`;
        lead.value = { text: String(lead.value ?? ''), hyperlink: `mailto:lead${r}@example.org` };
        counts.comments++;
        counts.hyperlinks++;
      }
    }
  }
  await wb.xlsx.writeFile(path);
  return counts;
}

/** Runs `main` and throws unless it succeeded (exit 0 or 1) and, for apply, wrote its output. */
async function mustRun(argv: string[], output?: string): Promise<void> {
  if (output) rmSync(output, { force: true });
  const err: string[] = [];
  const code = await main(argv, { ...quiet(), err: (t) => void err.push(t) });
  if (code === 2 || (output && !existsSync(output)))
    throw new Error(`action-plan ${argv[0] ?? ''} failed (exit ${code}): ${err.join('').trim()}`);
}

/** A failed bench: a line saying so and a missed budget, so --check fails. */
function failed(bench: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  emit({ bench, failed: reason });
  budgets.push({ name: `${bench} runs`, ok: false, detail: reason });
}

async function cliApply(dir: string): Promise<void> {
  const rows = 10000;
  const input = join(dir, 'plan.xlsx');
  await planFile(input, rows);
  const out = join(dir, 'out.xlsx');
  try {
    const ms = await median(() => mustRun(['apply', input, '--out', out, '--today', TODAY], out), 3);
    const floorMs = await median(async () => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(input);
      await w.xlsx.writeFile(join(dir, 'floor.xlsx'));
    }, 3);
    const line = { bench: 'cli.apply', rows, ms, floorMs, ratio: round(ms / floorMs), floor: 'exceljs read + write' };
    emit(line);
    budgets.push({ name: 'cli.apply ratio at 10000 rows <= 1.5', ok: line.ratio <= 1.5, detail: `ratio ${line.ratio}` });
  } catch (error) {
    failed('cli.apply', error);
  }
}

/** The floor for check: the file read, unzipped (fflate) and every part decoded as text. */
function unzipAndDecode(path: string): number {
  const parts = unzipSync(readFileSync(path));
  const decoder = new TextDecoder();
  let chars = 0;
  for (const bytes of Object.values(parts)) chars += decoder.decode(bytes).length;
  return chars;
}

/**
 * `check --json` on a 10,000-row plan whose progress narratives, timescales and ratings vary the way real
 * ones do (narrativePlan: dates in the text, no two progress cells alike), against the floor of unzipping
 * and decoding the same file, both in this process and in the same run. Each timed run reads its own copy
 * of the plan, dated a day apart: what a timescale means depends on the plan's date, so no run finds the
 * readings of the one before it in the core's caches, as a real `check` never does.
 */
async function cliCheck(dir: string): Promise<void> {
  const rows = 10000;
  const runs = 5;
  const inputs: string[] = [];
  for (let i = 0; i <= runs; i++) {
    const input = join(dir, `narrative-${i}.xlsx`);
    const plan = (n: number, o: { seed?: number } = {}) => narrativePlan(n, { ...o, asAt: `${20 + i} September 2002` });
    await planFile(input, rows, false, plan);
    inputs.push(input);
  }
  try {
    let next = 0;
    const ms = await median(() => mustRun(['check', inputs[next++ % inputs.length] ?? '', '--json', '--today', TODAY]), runs);
    const input = inputs[0] ?? '';
    const floorMs = await median(() => unzipAndDecode(input), runs);
    const exceljsReadMs = await median(() => new ExcelJS.Workbook().xlsx.readFile(input), 3);
    const ratio = round(ms / floorMs);
    emit({
      bench: 'cli.check',
      rows,
      plan: 'narrativePlan (varied dated narratives), a fresh copy each run',
      ms,
      floorMs,
      ratio,
      exceljsReadMs,
      floor: 'fflate unzip + TextDecoder of every part',
    });
    budgets.push({ name: 'cli.check --json ratio at 10000 rows <= 2', ok: ratio <= 2, detail: `ratio ${ratio}` });
  } catch (error) {
    failed('cli.check', error);
  }
}

const CLI = join(__dirname, '..', '..', 'src', 'cli', 'action-plan.js');

/** Runs node in a child process; its wall time (ms) and peak resident memory (MB, from the child's own resourceUsage). */
function child(dir: string, args: string[]): { ms: number; maxRssMB: number; status: number | null; stderr: string } {
  const preload = join(dir, 'rusage.js');
  const report = join(dir, 'rusage.txt');
  writeFileSync(
    preload,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.APC_RUSAGE, String(process.resourceUsage().maxRSS)));\n",
  );
  rmSync(report, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { env: { ...process.env, APC_RUSAGE: report }, encoding: 'utf8' });
  const ms = round(performance.now() - start);
  const maxRssMB = existsSync(report) ? round(Number(readFileSync(report, 'utf8')) / 1024) : NaN;
  return { ms, maxRssMB, status: r.status, stderr: r.stderr };
}

/** The median run of three by time. */
function medianChild(dir: string, args: string[]): ReturnType<typeof child> {
  const runs = [0, 1, 2].map(() => child(dir, args)).sort((a, b) => a.ms - b.ms);
  return runs[1] ?? runs[0]!;
}

async function cliApplyRich(dir: string): Promise<void> {
  const rows = 10000;
  const input = join(dir, 'rich.xlsx');
  const out = join(dir, 'rich.out.xlsx');
  const counts = await planFile(input, rows, true);
  rmSync(out, { force: true });
  const run = medianChild(dir, [CLI, 'apply', input, '--out', out, '--today', TODAY]);
  if ((run.status !== 0 && run.status !== 1) || !existsSync(out)) {
    failed('cli.apply.rich', new Error(`exit ${String(run.status)}: ${run.stderr.trim()}`));
    return;
  }
  const script = `const E = require('exceljs'); (async () => { const w = new E.Workbook(); await w.xlsx.readFile(${JSON.stringify(input)}); await w.xlsx.writeFile(${JSON.stringify(join(dir, 'rich.floor.xlsx'))}); })();`;
  const floor = medianChild(dir, ['-e', script]);
  const ratio = round(run.ms / floor.ms);
  const memoryRatio = round(run.maxRssMB / floor.maxRssMB);
  emit({
    bench: 'cli.apply.rich',
    rows,
    ...counts,
    ms: run.ms,
    maxRssMB: run.maxRssMB,
    floorMs: floor.ms,
    floorMaxRssMB: floor.maxRssMB,
    ratio,
    memoryRatio,
    floor: 'exceljs read + write, child process',
  });
  budgets.push({ name: 'cli.apply.rich time ratio <= 1.5', ok: ratio <= 1.5, detail: `ratio ${ratio}` });
  budgets.push({
    name: 'cli.apply.rich peak memory ratio <= 1.5',
    ok: memoryRatio <= 1.5,
    detail: `${run.maxRssMB} MB against ${floor.maxRssMB} MB`,
  });
}

async function cli(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'apc-bench-'));
  try {
    if (want('cli')) await cliApply(dir);
    await cliCheck(dir);
    if (want('cli')) await cliApplyRich(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    await page.getByRole('button', { name: 'Write status, formats and summary' }).waitFor();
    const took = performance.now() - start;
    await page.close();
    return took;
  }, 5);
  await browser.close();
  server.close();
  emit({ bench: 'pane.firstRender', ms });
}

/** 10,000 findings over six rules, each about its own cell: what a very large, very messy plan gives the pane. */
function tenThousandFindings(): Finding[] {
  const rules = ['RATING_MISSING', 'OVERDUE', 'TIMESCALE_MISSING', 'DUE_SOON', 'FIELD_MISSING', 'ID_DUPLICATE'] as const;
  return Array.from({ length: 10000 }, (_, i) => {
    const rule = rules[i % rules.length] ?? 'RATING_MISSING';
    const row = 6 + Math.floor(i / rules.length);
    return finding(rule, { cell: `${'ABCDEF'[i % 6] ?? 'A'}${row}`, row, id: `R${row - 5}` }, `R${row - 5} needs a look (${rule}).`);
  });
}

/**
 * The findings list with 10,000 findings, rendered by React (production build) into jsdom: the first render,
 * then opening the biggest group. The floor is React rendering 10,000 plain divs into the same document, so
 * the ratio says how much of "one element per finding" the windowed list avoids. jsdom has no layout, so this
 * measures React and DOM work, not paint; the browser tests check what is drawn.
 */
async function paneFindings10k(): Promise<void> {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const key of [
    'window',
    'document',
    'navigator',
    'HTMLElement',
    'Node',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ])
    if (!(key in g) || key === 'window' || key === 'document') g[key] = (dom.window as unknown as Record<string, unknown>)[key];
  process.env.NODE_ENV = 'production';
  const React = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { flushSync } = await import('react-dom');
  const { FluentProvider, webLightTheme } = await import('@fluentui/react-components');
  const { FindingsList } = await import('../../src/taskpane/components/FindingsList.js');
  const findings = tenThousandFindings();
  const analysis = analyseSheet({ name: 'Plan', origin: 'A1', values: syntheticPlan(13) }, { today: TODAY });
  const big: Analysis = { ...analysis, findings };
  const h = React.createElement;
  /** Renders `element` into a fresh container, runs `then`, and returns the milliseconds both took. */
  const timed = (element: React.ReactElement, then: (container: HTMLElement) => void = () => undefined): number => {
    const container = dom.window.document.createElement('div');
    dom.window.document.body.append(container);
    const root = createRoot(container);
    const start = performance.now();
    flushSync(() => root.render(element));
    then(container);
    const ms = performance.now() - start;
    root.unmount();
    container.remove();
    return ms;
  };
  let drawn = 0;
  const list = h(FluentProvider, { theme: webLightTheme }, h(FindingsList, { analysis: big, notes: [], onSelect: () => undefined }));
  const openFirstGroup = (container: HTMLElement) => {
    const header = container.querySelector<HTMLButtonElement>('button[aria-expanded="false"]');
    flushSync(() => header?.click());
    drawn = container.querySelectorAll('[role="listitem"]').length;
  };
  const plain = h(
    'div',
    null,
    findings.map((f, i) => h('div', { key: i }, `${f.id ?? ''}, cell ${f.cell ?? ''}: ${f.message}`)),
  );
  const floorMs = await median(() => timed(plain), 5);
  const ms = await median(() => timed(list, openFirstGroup), 5);
  const ratio = round(ms / Math.max(floorMs, 0.01));
  emit({
    bench: 'pane.findings10k',
    findings: findings.length,
    ms,
    floorMs,
    ratio,
    drawnRows: drawn,
    floor: 'React rendering 10,000 plain divs (jsdom)',
  });
  budgets.push({
    name: 'pane.findings10k ratio (render + open the biggest group) <= 0.5',
    ok: ratio <= 0.5,
    detail: `ratio ${ratio}, ${ms} ms`,
  });
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const want = (name: string) => only === undefined || only.split(',').includes(name);

async function runAll(): Promise<void> {
  if (want('core')) await coreAnalyse();
  if (want('excel')) await excelRunAll();
  if (want('cli') || want('check')) await cli();
  if (want('bundle')) bundle();
  if (want('pane')) await paneFirstRender();
  if (want('pane') || want('findings')) await paneFindings10k();
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
