/**
 * The self-test's checks of what the strict fake cannot prove (issue 20, item 9): the add-in's own runs on a plan
 * sheet of their own (Ctrl+Z after a Summary, sorting a table with our status column, the ribbon waiting for the
 * pane's run lock), the number formats Excel returns for dates, the date system, and the page's CSP violations.
 * Steps that need a person go through a Tester; without one they are skipped and say so.
 */
import { analyseSheet } from '../core/analyse';
import { isDateFormat } from '../core/dates';
import { keptAsAt } from '../core/figures/snapshotXml';
import { planFormat } from '../core/plans/formatPlan';
import { CHASE_MARKER_NAME, CHASE_SHEET_NAME, SUMMARY_MARKER_NAME, SUMMARY_SHEET_NAME } from '../core/plans/sheetNames';
import type { CellValue } from '../core/types';
import { columnLetter } from '../core/address';
import { DAYS_1904 } from './dateSystem';
import { drawingSpans, queueDrawingGeometry, queueDrawingNames } from './drawings';
import { runPlan } from './excelHost';
import { RUN_LOCK, supports } from './run';

/** A check's result, as selfTest.ts reports it. */
export interface StepOutcome {
  readonly outcome: 'as assumed' | 'differs' | 'info' | 'skipped' | 'error';
  readonly detail: string;
}

/** The person running the self-test: shown what to do in Excel, answers Done (true) or Skip (false). */
export interface Tester {
  ask(words: string): Promise<boolean>;
}

const NEEDS_YOU: StepOutcome = {
  outcome: 'skipped',
  detail: 'needs you: tick "Include the steps that need you" and run again',
};

/** A small plan with one status of each kind, so a row that lost its item shows a wrong status. */
export const PLAN_SAMPLE: readonly (readonly string[])[] = [
  ['No', 'Subject', 'Lead', 'Timescales', 'Recommendation', 'Progress'],
  ['R1', 'Payroll', 'Head of Finance', 'Ongoing', 'Pay staff on time', 'Recommendation met: completely'],
  ['R2', 'Grants', 'Head of Finance', 'March 2002', 'Check grant claims', 'Recommendation met: partially'],
  ['R3', 'Budget', 'Head of Finance', 'Ongoing', 'Set the budget', 'Recommendation met: significantly'],
  ['R4', 'Audit', 'Head of Finance', 'Ongoing', 'Plan the audit', 'Partly done, no rating line yet.'],
];
const SAMPLE_RANGE = 'A1:F5';
const PLAN_SHEET = 'APC self-test plan';

/** The status column the core plans for the sample (range and values), or null when it plans none. */
export function sampleStatus(today: string): { range: string; values: readonly (readonly CellValue[])[] } | null {
  const snapshot = { name: 'Self-test plan', origin: 'A1', values: PLAN_SAMPLE.map((r) => [...r]) };
  const plan = planFormat(analyseSheet(snapshot, { today }), snapshot);
  return plan?.status ? { range: plan.status.range, values: plan.status.values } : null;
}

/** What the workbook holds that a run may add: sheets, custom XML parts, our summary marker. */
interface Marks {
  readonly sheets: ReadonlySet<string>;
  readonly parts: ReadonlySet<string>;
  readonly marker: boolean;
  readonly chaseMarker: boolean;
}

/** Queues the reads both `marks` and `removeAdded` need: sheet names, custom XML part ids, our two markers. */
function queueMarks(context: Excel.RequestContext) {
  return {
    sheets: context.workbook.worksheets.load('items/name'),
    parts: supports('1.5', false) ? context.workbook.customXmlParts.load('items/id') : null,
    marker: context.workbook.names.getItemOrNullObject(SUMMARY_MARKER_NAME),
    chaseMarker: context.workbook.names.getItemOrNullObject(CHASE_MARKER_NAME),
  };
}

async function marks(): Promise<Marks> {
  return Excel.run(async (context) => {
    const { sheets, parts, marker, chaseMarker } = queueMarks(context);
    await context.sync();
    return {
      sheets: new Set(sheets.items.map((s) => s.name)),
      parts: new Set((parts?.items ?? []).map((p) => p.id)),
      marker: !marker.isNullObject,
      chaseMarker: !chaseMarker.isNullObject,
    };
  });
}

/** Removes what was added since `before`: sheets, custom XML parts, our marker; the user's own are untouched. */
async function removeAdded(before: Marks): Promise<void> {
  await Excel.run(async (context) => {
    const { sheets, parts, marker, chaseMarker } = queueMarks(context);
    await context.sync();
    if (!before.marker && !marker.isNullObject) marker.delete();
    if (!before.chaseMarker && !chaseMarker.isNullObject) chaseMarker.delete();
    for (const part of parts?.items ?? []) if (!before.parts.has(part.id)) part.delete();
    // Only sheets the self-test or its runs add: a sheet the user added meanwhile stays.
    const ours = (name: string) => [PLAN_SHEET, SUMMARY_SHEET_NAME, CHASE_SHEET_NAME].some((start) => name.startsWith(start));
    for (const sheet of sheets.items) if (!before.sheets.has(sheet.name) && ours(sheet.name)) sheet.delete();
    await context.sync();
  });
}

/** Runs `step` on a new sheet holding the sample (active, optionally as an Excel Table), then removes all it added. */
async function withPlanSheet<T>(asTable: boolean, step: (name: string) => Promise<T>): Promise<T> {
  const before = await marks();
  let name = PLAN_SHEET;
  for (let i = 2; before.sheets.has(name); i++) name = `${PLAN_SHEET} ${i}`;
  try {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add(name);
      sheet.getRange(SAMPLE_RANGE).values = PLAN_SAMPLE.map((r) => [...r]);
      if (asTable) sheet.tables.add(SAMPLE_RANGE, true);
      sheet.activate();
      await context.sync();
    });
    return await step(name);
  } finally {
    await removeAdded(before);
  }
}

async function readRange(sheet: string, address: string): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load('values');
    await context.sync();
    return range.values;
  });
}

async function ourParts(): Promise<Set<string>> {
  if (!supports('1.5', false)) return new Set();
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.load('items/id,items/namespaceUri');
    await context.sync();
    return new Set(parts.items.filter((p) => keptAsAt(p.namespaceUri) !== null).map((p) => p.id));
  });
}

function macHost(): boolean {
  try {
    return String(Office.context.diagnostics.platform) === 'Mac';
  } catch {
    return false;
  }
}

/** The edit between the two Summary runs: R4 (row 5) gets a rating, so the re-run writes a different status there. */
export const RERUN_EDIT = { cell: 'F5', progress: 'Recommendation met: completely' };

async function writeCell(sheet: string, cell: string, value: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
    await context.sync();
  });
}

/** Our summary marker's comment (the fingerprint of our summary's top), or null when there is no marker. */
async function markerComment(): Promise<string | null> {
  return Excel.run(async (context) => {
    const marker = context.workbook.names.getItemOrNullObject(SUMMARY_MARKER_NAME);
    marker.load('comment');
    await context.sync();
    return marker.isNullObject ? null : marker.comment;
  });
}

const same = (a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Ctrl+Z after a Summary re-run: the sample is summarised, a rating changed, and summarised again (our sheet
 * rewritten in place). Where the re-run was one undo step (ExcelApi 1.20, no sheet added) one Ctrl+Z puts the first
 * run's statuses back; otherwise the re-run's stay. On the web a changed headline changes the marker's fingerprint,
 * and setting NamedItem.comment has no undo there, so that re-run runs ungrouped (several steps), as the pane says;
 * with the fingerprint unchanged the comment is left alone and the run stays one step. The kept return, a custom XML
 * part, stays either way (undo does not reach parts, office-js #6415).
 */
export async function undoAfterSummary(tester: Tester | undefined, today: string): Promise<StepOutcome> {
  const status = sampleStatus(today);
  if (!tester) return NEEDS_YOU;
  if (!status) return { outcome: 'error', detail: 'the core plans no status column for the sample' };
  return withPlanSheet(false, async (name) => {
    const partsBefore = await ourParts();
    const summary = { format: true, summary: true };
    await runPlan({}, summary, name, { now: new Date() });
    const first = await readRange(name, status.range);
    const mark = await markerComment();
    await writeCell(name, RERUN_EDIT.cell, RERUN_EDIT.progress);
    const rerun = await runPlan({}, summary, name, { now: new Date() });
    const remarked = (await markerComment()) !== mark;
    const second = await readRange(name, status.range);
    if (same(first, second)) return { outcome: 'error', detail: 'the re-run wrote the same statuses, so an undo cannot be seen' };
    const kept = [...(await ourParts())].filter((id) => !partsBefore.has(id));
    const keys = macHost() ? '⌘Z' : 'Ctrl+Z';
    const done = await tester.ask(
      `Click any cell of the sheet "${name}" in Excel, press ${keys} once, then press Done here. (The self-test ran Summary on it twice.)`,
    );
    if (!done) return { outcome: 'skipped', detail: 'skipped by the tester' };
    const after = await readRange(name, status.range);
    const seen = same(after, first) ? 'reverted' : same(after, second) ? 'still written' : 'changed otherwise';
    const partsAfter = await ourParts();
    const keptStill = kept.every((id) => partsAfter.has(id));
    const oneStep = rerun.undo === 'one-step';
    const asAssumed = seen === (oneStep ? 'reverted' : 'still written') && keptStill;
    return {
      outcome: asAssumed ? 'as assumed' : 'differs',
      detail:
        `re-run's status cells ${seen} (assumed ${oneStep ? 'reverted: the re-run was one undo step' : 'still written: several undo steps'}); ` +
        `kept return ${kept.length === 0 ? 'not written' : keptStill ? 'still there' : 'gone'} (assumed still there, office-js #6415); ` +
        `the re-run ${remarked ? 'set' : 'left'} the marker's comment (its headline ${remarked ? 'changed' : 'did not change'}); the pane said: ${rerun.undoWords ?? '(nothing)'}`,
    };
  });
}

/** Whether a sheet's table collection has add (ExcelApi 1.1); the strict fake leaves it out, so there the check is skipped. */
async function canAddTables(): Promise<boolean> {
  return Excel.run(async (context) => {
    const tables = context.workbook.worksheets.getActiveWorksheet().tables as Partial<Excel.TableCollection>;
    return Promise.resolve(typeof tables.add === 'function');
  });
}

/** The refs whose row after a sort differs from that ref's row before it: our cells did not move with their item. */
export function rowsNotFollowing(before: readonly (readonly unknown[])[], after: readonly (readonly unknown[])[]): string[] {
  const byRef = new Map(before.slice(1).map((row) => [String(row[0]), JSON.stringify(row)]));
  return after
    .slice(1)
    .filter((row) => byRef.get(String(row[0])) !== JSON.stringify(row))
    .map((row) => String(row[0]));
}

/** Formats the sample as an Excel Table, sorts the table by its first column (Z to A), and checks every row kept its status. */
export async function sortedTable(today: string): Promise<StepOutcome> {
  if (!sampleStatus(today)) return { outcome: 'error', detail: 'the core plans no status column for the sample' };
  if (!(await canAddTables())) return { outcome: 'skipped', detail: 'this host cannot add a table (TableCollection.add)' };
  return withPlanSheet(true, async (name) => {
    await runPlan({}, { format: true, summary: false }, name, { now: new Date() });
    const wide = `A1:L${PLAN_SAMPLE.length}`;
    const before = await readRange(name, wide);
    const sortable = await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem(name).tables.getItemAt(0) as Excel.Table & { sort?: Excel.TableSort };
      if (typeof table.sort?.apply !== 'function') return false;
      table.sort.apply([{ key: 0, ascending: false }]);
      await context.sync();
      return true;
    });
    if (!sortable) return { outcome: 'skipped', detail: 'this host has no Table.sort (ExcelApi 1.2)' };
    const after = await readRange(name, wide);
    const lost = rowsNotFollowing(before, after);
    const order = after
      .slice(1)
      .map((r) => String(r[0]))
      .join(', ');
    return lost.length === 0
      ? { outcome: 'as assumed', detail: `sorted to ${order}; every row kept its status and our columns` }
      : { outcome: 'differs', detail: `sorted to ${order}; rows whose status or our columns did not follow: ${lost.join(', ')}` };
  });
}

/** The date system's probe: DATE(1904,1,1) is 1462 on the 1900 system and 0 on the 1904 one (dateSystem.ts relies on it). */
export async function dateSystem(): Promise<StepOutcome> {
  const value = await Excel.run(async (context) => {
    const probe = context.workbook.functions.date(1904, 1, 1).load('value');
    await context.sync();
    return probe.value as unknown;
  });
  const known = value === DAYS_1904 ? '1900 date system' : value === 0 ? '1904 date system' : null;
  return known
    ? { outcome: 'as assumed', detail: `DATE(1904,1,1) = ${String(value)}: the ${known}` }
    : { outcome: 'differs', detail: `DATE(1904,1,1) = ${JSON.stringify(value)} (assumed 1462 or 0)` };
}

/**
 * The number formats Excel returns for date cells: a serial given "m/d/yyyy" (Excel's system short date) and a typed
 * date, read as numberFormat and, on ExcelApi 1.7, numberFormatLocal; and whether the core's isDateFormat accepts each.
 */
export async function dateFormats(sheet: string): Promise<StepOutcome> {
  const local = supports('1.7', false);
  const read = await Excel.run(async (context) => {
    const target = context.workbook.worksheets.getItem(sheet);
    target.getRange('L1').numberFormat = [['m/d/yyyy']];
    const range = target.getRange('L1:L2');
    range.values = [[37346], ['31 March 2002']];
    range.load('values,numberFormat');
    const localised = local ? target.getRange('L1:L2').load('numberFormatLocal') : null;
    await context.sync();
    return { values: range.values, formats: range.numberFormat, locals: localised ? localised.numberFormatLocal : null };
  });
  const cells = ['short date', 'typed date'].map((what, i) => {
    const format = String(read.formats[i]?.[0] ?? '');
    const localised = read.locals ? String(read.locals[i]?.[0] ?? '') : null;
    const ok = isDateFormat(format) && (localised === null || isDateFormat(localised));
    const words = `${what}: value ${JSON.stringify(read.values[i]?.[0])}, numberFormat "${format}"${localised === null ? '' : `, numberFormatLocal "${localised}"`}`;
    return { ok, words: `${words} (${ok ? 'read as a date' : 'NOT read as a date'})` };
  });
  return {
    outcome: cells.every((c) => c.ok) ? 'as assumed' : 'differs',
    detail: `${cells.map((c) => c.words).join('; ')}${local ? '' : '; no numberFormatLocal before ExcelApi 1.7'}`,
  };
}

/** The page's CSP violations since it loaded (a securitypolicyviolation listener the page installs). */
export function cspReport(violations: (() => readonly string[]) | undefined): StepOutcome {
  if (!violations) return { outcome: 'skipped', detail: 'the page installed no listener' };
  const seen = violations();
  return seen.length === 0
    ? { outcome: 'as assumed', detail: 'no Content-Security-Policy violation since the page loaded' }
    : { outcome: 'differs', detail: `${seen.length} violation(s): ${seen.join('; ')}` };
}

type Locks = { request: (name: string, options: { ifAvailable: boolean }, fn: (lock: unknown) => Promise<boolean>) => Promise<boolean> };

function locks(): Locks | null {
  const found = (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
  return found && typeof found.request === 'function' ? found : null;
}

/** Whether this runtime has Web Locks and RUN_LOCK can be taken (run.ts orders the pane's and the ribbon's runs with it). */
export async function runLockApi(): Promise<StepOutcome> {
  const api = locks();
  if (!api) return { outcome: 'differs', detail: 'navigator.locks is missing: only the in-page queue orders runs (assumed present)' };
  const granted = await api.request(RUN_LOCK, { ifAvailable: true }, async (lock) => lock !== null);
  return granted
    ? { outcome: 'as assumed', detail: `navigator.locks present; "${RUN_LOCK}" granted` }
    : { outcome: 'differs', detail: `navigator.locks present, but "${RUN_LOCK}" is held by another run` };
}

const HOLD_MS = 20_000;
const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sheetCount(): Promise<number> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    return sheets.items.length;
  });
}

/**
 * Whether the ribbon's Summary waits for the pane's run: the page holds RUN_LOCK while the tester clicks
 * Home > Summary, watches that no summary sheet appears while it holds the lock, then that one appears after.
 */
export async function ribbonWaits(tester: Tester | undefined): Promise<StepOutcome> {
  const api = locks();
  if (!tester) return NEEDS_YOU;
  if (!api) return { outcome: 'skipped', detail: 'navigator.locks is missing here' };
  return withPlanSheet(false, async (name) => {
    const start = await sheetCount();
    let early = false;
    const answered = await api.request(RUN_LOCK, { ifAvailable: false }, async () => {
      const done = await tester.ask(
        `The self-test now holds the run lock. Click Home > Summary on the ribbon (the sheet "${name}" is active), then press Done here.`,
      );
      if (done) {
        await sleep(HOLD_MS / 4);
        early = (await sheetCount()) > start;
      }
      return done;
    });
    if (!answered) return { outcome: 'skipped', detail: 'skipped by the tester' };
    if (early) return { outcome: 'differs', detail: 'the summary sheet appeared while the pane held the lock: the ribbon did not wait' };
    for (let waited = 0; waited < HOLD_MS; waited += POLL_MS) {
      if ((await sheetCount()) > start)
        return { outcome: 'as assumed', detail: 'the ribbon waited for the lock, then added the summary sheet' };
      await sleep(POLL_MS);
    }
    return { outcome: 'differs', detail: `no summary sheet within ${HOLD_MS / 1000} s of releasing the lock (was Summary clicked?)` };
  });
}

/**
 * A drawing placed on known cells is read back on those cells (drawings.ts): a rectangle drawn inside N3:O5, by the
 * cells' own left and top (Range.left/top, ExcelApi 1.3), must span N3:O5 when its box is turned into cells with
 * the column widths and row heights, as a run does for STATUS_COLUMN_COVERED.
 */
export async function drawingPlacement(sheet: string): Promise<StepOutcome> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    // A navigation property (a collection), not a scalar: nothing to load before using it.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const shapes = supports('1.9', false) ? ws.shapes : null;
    // The strict fake has no way to add a shape: there the check is skipped.
    if (!shapes || typeof (shapes as Partial<Excel.ShapeCollection>).addGeometricShape !== 'function')
      return { outcome: 'skipped', detail: 'this host cannot add a shape (ExcelApi 1.9)' };
    const from = ws.getRange('N3').load('left,top');
    const to = ws.getRange('O5').load('left,top,width,height');
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const shape = shapes.addGeometricShape(Excel.GeometricShapeType.rectangle);
    shape.name = 'APC self-test shape';
    shape.left = from.left + 2;
    shape.top = from.top + 2;
    shape.width = to.left + to.width - from.left - 4;
    shape.height = to.top + to.height - from.top - 4;
    const names = queueDrawingNames(ws);
    await context.sync();
    const geometry = queueDrawingGeometry(ws, names, used);
    await context.sync();
    const span = (geometry ? drawingSpans(geometry) : []).find((d) => d.name === shape.name);
    shape.delete();
    await context.sync();
    const cells = span ? `${columnLetter(span.from.column)}${span.from.row}:${columnLetter(span.to.column)}${span.to.row}` : 'not found';
    return { outcome: cells === 'N3:O5' ? 'as assumed' : 'differs', detail: `the shape drawn inside N3:O5 reads back over ${cells}` };
  });
}
