/**
 * The self-test for real Excel (development builds only): runs the adapter's contract checks against the
 * open workbook on a scratch sheet it creates and removes, and says for each whether Excel behaves as the
 * strict fake (tests/fakes) and the adapter assume. A person with Excel on the web, Windows or Mac runs it
 * in a minute and sends back the plain-text report.
 */
import { analyseSheet } from '../core/analyse';
import { planFormat, type FormatPlan } from '../core/plans/formatPlan';
import { levelSwatch, STATUTORY_ROW } from '../core/plans/palette';
import { NARROW_MARGINS, pageSetupOwner, type PrintPlan } from '../core/plans/printPlan';
import type { Analysis, CellValue, SheetSnapshot } from '../core/types';
import { pageSetupState, queuePageLayout, queuePageLayoutRead } from './pageLayout';
import { activeCell } from './excelHost';
import {
  cspReport,
  dateFormats,
  dateSystem,
  drawingPlacement,
  ribbonWaits,
  runLockApi,
  sortedTable,
  undoAfterSummary,
  type Tester,
} from './selfTestRuns';

/** "as assumed": Excel did what the fake and the adapter assume; "differs": it did not (send the report). */
export type CheckOutcome = 'as assumed' | 'differs' | 'info' | 'skipped' | 'error';

export interface CheckResult {
  readonly id: string;
  readonly name: string;
  readonly outcome: CheckOutcome;
  readonly detail: string;
}

/** Every check the self-test runs, in order (the page lists them before it starts). */
export const SELF_TEST_CHECKS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'host', name: 'Host and requirement sets' },
  { id: 'scratch', name: 'Scratch sheet created' },
  { id: 'undo.add', name: 'Add a sheet inside a merged undo group' },
  { id: 'undo.position', name: 'Move a sheet inside a merged undo group' },
  { id: 'undo.delete', name: 'Delete a sheet inside a merged undo group' },
  { id: 'undo.cellEdit', name: 'delayForCellEdit with mergeUndoGroup' },
  { id: 'typed.1.10', name: 'Typed input "1.10"' },
  { id: 'typed.007', name: 'Typed input "007"' },
  { id: 'typed.3/4', name: 'Typed input "3/4"' },
  { id: 'typed.TRUE', name: 'Typed input "TRUE"' },
  { id: 'typed.date', name: 'Typed input "31 March 2002"' },
  { id: 'typed.quote', name: 'Typed input with a leading apostrophe' },
  { id: 'tables.add', name: 'A table on the sheet, found by range.getTables' },
  { id: 'tables.sheetFilter', name: 'A sheet filter over a table' },
  { id: 'tables.expand', name: 'A write in the column right of a table' },
  { id: 'cf.accepted', name: 'Every conditional-format rule of the plan accepted' },
  { id: 'cf.evaluated', name: 'The rules colour what the core reads' },
  { id: 'chart.points', name: 'Chart bars coloured one by one, with value labels' },
  { id: 'events', name: 'Change events for our own writes, with triggerSource' },
  { id: 'print.layout', name: 'Our page layout accepted and read back as ours' },
  { id: 'events.format', name: 'No change event for a format-only write' },
  { id: 'selection', name: 'The active cell read after selecting one' },
  { id: 'errors', name: 'Error codes Excel gives' },
  { id: 'dates.system', name: 'DATE(1904,1,1) names the date system' },
  { id: 'dates.format', name: 'Number formats Excel returns for dates' },
  { id: 'tables.sort', name: 'Sorting a table with our status column' },
  { id: 'drawings.place', name: 'A shape drawn on cells reads back on those cells' },
  { id: 'csp', name: 'No Content-Security-Policy violations' },
  { id: 'lock.api', name: 'The run lock (Web Locks) in this runtime' },
  { id: 'undo.ctrlZ', name: 'Ctrl+Z after a Summary (needs you)' },
  { id: 'lock.ribbon', name: "The ribbon waits for the pane's run (needs you)" },
  { id: 'cleanup', name: 'Scratch sheet removed' },
];

type Outcome = { outcome: CheckOutcome; detail: string };
type Probe = () => Promise<Outcome>;

/** The code and message of whatever Excel threw. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; name?: unknown; message?: unknown };
    const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
    return `${code}: ${typeof e.message === 'string' ? e.message : String(error)}`;
  }
  return String(error);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : describeError(error);
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

const VERSIONS = ['1.9', '1.12', '1.14', '1.17', '1.19', '1.20'];

async function hostCheck(): Promise<Outcome> {
  const diag = (Office.context as unknown as { diagnostics?: { platform?: string; version?: string; host?: string } }).diagnostics;
  const sets = VERSIONS.map((v) => `${v} ${supports(v) ? 'yes' : 'no'}`).join(', ');
  const where = diag ? `${diag.host ?? 'Excel'} ${diag.platform ?? '?'} ${diag.version ?? '?'}` : 'no diagnostics';
  return { outcome: 'info', detail: `${where}; ExcelApi ${sets}; language ${Office.context.displayLanguage ?? '?'}` };
}

/** Runs one merged-undo-group batch and reports whether Excel accepted it, against what we assume. */
async function mergedRun(
  batch: (context: Excel.RequestContext) => Promise<void>,
  assumed: 'ok' | 'UndoNotSupported' | 'either',
): Promise<Outcome> {
  if (!supports('1.20')) return { outcome: 'skipped', detail: 'needs ExcelApi 1.20 (mergeUndoGroup)' };
  let seen = 'ok';
  try {
    await Excel.run({ mergeUndoGroup: true }, batch);
  } catch (error) {
    seen = errorCode(error);
  }
  const outcome: CheckOutcome = assumed === 'either' ? 'info' : seen === assumed ? 'as assumed' : 'differs';
  return { outcome, detail: `${seen} (assumed: ${assumed === 'either' ? 'UndoNotSupported on Windows and Mac, ok on the web' : assumed})` };
}

/** A sheet name not in use, starting with `base`. */
async function freeName(base: string): Promise<string> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : `${base} ${i}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  });
}

async function deleteSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!sheet.isNullObject) sheet.delete();
    await context.sync();
  });
}

function undoProbes(): Record<string, Probe> {
  let name = '';
  return {
    'undo.add': async () => {
      name = await freeName('APC undo probe');
      return mergedRun(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }, 'ok');
    },
    'undo.position': () =>
      mergedRun(async (context) => {
        context.workbook.worksheets.getItem(name).position = 0;
        await context.sync();
      }, 'either'),
    'undo.delete': async () => {
      const result = await mergedRun(async (context) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      }, 'UndoNotSupported');
      await deleteSheet(name).catch(() => undefined);
      return result;
    },
    'undo.cellEdit': async () => {
      if (!supports('1.20')) return { outcome: 'skipped', detail: 'needs ExcelApi 1.20 (mergeUndoGroup)' };
      try {
        await Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async (context) => {
          context.workbook.worksheets.getItem(SCRATCH.name).getRange('H1').values = [['undo probe']];
          await context.sync();
        });
        return { outcome: 'info', detail: 'ok (office-js #6711 reports this failing on the web)' };
      } catch (error) {
        return { outcome: 'info', detail: `${describeError(error)} (office-js #6711)` };
      }
    },
  };
}

/** The scratch sheet every later check writes on. */
const SCRATCH = { name: '' };

interface TypedCase {
  readonly id: string;
  readonly text: string;
  /** What the fake assumes a General cell makes of it (en-US typing rules), as a type and a test on the value. */
  readonly general: { readonly type: string; readonly ok: (v: unknown) => boolean; readonly words: string };
  /** What a "@" (text) cell may hold afterwards; the text itself unless said. */
  readonly asText?: readonly string[];
}

const TYPED: readonly TypedCase[] = [
  { id: 'typed.1.10', text: '1.10', general: { type: 'Double', ok: (v) => v === 1.1, words: 'the number 1.1' } },
  { id: 'typed.007', text: '007', general: { type: 'Double', ok: (v) => v === 7, words: 'the number 7' } },
  {
    id: 'typed.3/4',
    text: '3/4',
    general: { type: 'Double', ok: (v) => typeof v === 'number', words: 'a date serial (4 March or 3 April by locale)' },
  },
  { id: 'typed.TRUE', text: 'TRUE', general: { type: 'Boolean', ok: (v) => v === true, words: 'the boolean TRUE' } },
  { id: 'typed.date', text: '31 March 2002', general: { type: 'Double', ok: (v) => v === 37346, words: 'the date serial 37346' } },
  {
    id: 'typed.quote',
    text: "'007",
    general: { type: 'String', ok: (v) => v === '007', words: 'the text "007", apostrophe hidden' },
    // Not documented for a text-formatted cell: either is fine, the report says which.
    asText: ["'007", '007'],
  },
];

/** The kind of value Excel returned, as Range.valueTypes would name it (numbers and dates are Double). */
function kind(v: unknown): string {
  return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : v === '' ? 'Empty' : 'String';
}

/** Writes every typed case into column A (General) and column B ("@" set first), then reads both back. */
async function typedInput(): Promise<Record<string, Outcome>> {
  const rows = TYPED.length;
  const seen = await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
    const general = sheet.getRange(`A1:A${rows}`);
    const text = sheet.getRange(`B1:B${rows}`);
    text.numberFormat = TYPED.map(() => ['@']);
    general.values = TYPED.map((t) => [t.text]);
    text.values = TYPED.map((t) => [t.text]);
    general.load('values');
    text.load('values');
    await context.sync();
    return { general: general.values, text: text.values };
  });
  const out: Record<string, Outcome> = {};
  TYPED.forEach((t, i) => {
    const g: unknown = seen.general[i]?.[0];
    const s: unknown = seen.text[i]?.[0];
    const asAssumed = t.general.ok(g) && kind(g) === t.general.type && (t.asText ?? [t.text]).includes(String(s));
    out[t.id] = {
      outcome: asAssumed ? 'as assumed' : 'differs',
      detail: `General: ${JSON.stringify(g)} (${kind(g)}); "@": ${JSON.stringify(s)} (${kind(s)}). Assumed: ${t.general.words}; "@" keeps ${JSON.stringify(t.text)}`,
    };
  });
  return out;
}

/** A table at D1:E3, then a sheet filter over it, then a write in F2 beside it. */
function tableProbes(): Record<string, Probe> {
  return {
    'tables.add': () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
        sheet.getRange('D1:E3').values = [
          ['Ref', 'Note'],
          ['R1', 'a'],
          ['R2', 'b'],
        ];
        sheet.tables.add('D1:E3', true);
        const found = sheet.getRange('A1:F10').getTables(false).load('items/name');
        await context.sync();
        return {
          outcome: found.items.length === 1 ? 'as assumed' : 'differs',
          detail: `getTables found ${found.items.length} (assumed 1)`,
        };
      }),
    'tables.sheetFilter': async () => {
      try {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getItem(SCRATCH.name).autoFilter.apply('C1:E3');
          await context.sync();
        });
        return { outcome: 'differs', detail: 'accepted (assumed: refused, a sheet filter may not overlap a table)' };
      } catch (error) {
        return { outcome: 'as assumed', detail: `refused: ${describeError(error)}` };
      }
    },
    'tables.expand': () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
        sheet.getRange('F2').values = [['beside']];
        await context.sync();
        const range = sheet.tables.getItemAt(0).getRange().load('address');
        await context.sync();
        const grew = !/!D1:E3$/.test(range.address);
        return {
          outcome: 'info',
          detail: `table is now ${range.address} (${grew ? 'it grew' : 'unchanged'}; the fake assumes it may grow)`,
        };
      }),
  };
}

/** A small plan in the reference layout, at A20 of the scratch sheet: last phrase counts, markers, unrated. */
export const CF_SAMPLE: readonly (readonly CellValue[])[] = [
  ['No', 'Subject', 'Lead', 'Timescales', 'Recommendation', 'Progress'],
  [
    'R1',
    'Payroll\nStatutory',
    'Head of Finance',
    'Ongoing',
    'Do it',
    'Done.\nRecommendation met: partially\nRecommendation met: completely',
  ],
  ['R2', 'Statutory accounts', 'Head of Finance', 'Ongoing', 'Do it', 'Recommendation met :significantly'],
  ['R3', 'Grants\nNon-statutory', 'Head of Finance', 'Ongoing', 'Do it', 'Recommendation met: not met'],
  ['R4', 'Payroll (Statutory)', 'Head of Finance', 'Ongoing', 'Do it', 'Partially done, no rating line.'],
  ['R5', 'Budget\nNonstatutory', 'Head of Finance', 'Ongoing', 'Do it', 'RECOMMENDATION MET: Moderately.'],
];
const CF_ORIGIN = { column: 'A', row: 20 };

/** The core's analysis and plan for the sample, placed at A20. */
export function cfSamplePlan(today: string): { snapshot: SheetSnapshot; analysis: Analysis; plan: FormatPlan | null } {
  const snapshot: SheetSnapshot = {
    name: SCRATCH.name || 'Self-test',
    origin: `${CF_ORIGIN.column}${CF_ORIGIN.row}`,
    values: CF_SAMPLE.map((r) => [...r]),
  };
  const analysis = analyseSheet(snapshot, { today });
  return { snapshot, analysis, plan: planFormat(analysis, snapshot) };
}

function sampleAddress(): string {
  const last = CF_ORIGIN.row + CF_SAMPLE.length - 1;
  return `A${CF_ORIGIN.row}:F${last}`;
}

/** Writes the sample as text and adds each rule in its own sync, so a rejected rule is named. */
async function cfAccepted(plan: FormatPlan): Promise<Outcome> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
    const block = sheet.getRange(sampleAddress());
    block.numberFormat = CF_SAMPLE.map((r) => r.map(() => '@'));
    block.values = CF_SAMPLE.map((r) => r.map((v) => (v === null ? '' : typeof v === 'object' ? v.error : v)));
    if (plan.status) {
      sheet.getRange(plan.status.range).numberFormat = plan.status.values.map(() => ['@']);
      sheet.getRange(plan.status.range).values = plan.status.values.map(([v]) => [v]);
    }
    await context.sync();
  });
  const rejected: string[] = [];
  for (const [priority, rule] of plan.rules.entries()) {
    try {
      await Excel.run(async (context) => {
        const cf = context.workbook.worksheets
          .getItem(SCRATCH.name)
          .getRange(rule.range)
          .conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = rule.fill;
        cf.custom.format.font.color = rule.fontColor;
        cf.priority = priority;
        // One rule per run on purpose: a rejected formula fails its own sync, so the report can name it.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      });
    } catch (error) {
      rejected.push(`${rule.purpose} (${rule.formula.length} characters): ${describeError(error)}`);
    }
  }
  const accepted = plan.rules.length - rejected.length;
  return {
    outcome: rejected.length === 0 ? 'as assumed' : 'differs',
    detail: `${accepted} of ${plan.rules.length} accepted${rejected.length > 0 ? `; rejected: ${rejected.join('; ')}` : ''}`,
  };
}

/** Expected fills: the rating cell in the level's colour, another cell of the row (A, else B) in the statutory colour where the core says statutory. */
function expectedFills(analysis: Analysis, plan: FormatPlan): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const ratingColumn = plan.rules.find((r) => r.purpose.startsWith('Rating: '))?.range.replace(/\d+:.*$/, '') ?? 'F';
  for (const rec of analysis.recommendations) {
    const index = analysis.scale.findIndex((l) => l.key === rec.rating);
    // The rating cell shows the level's colour over the statutory tint; another cell of the row shows the tint.
    const tinted = ratingColumn === 'A' ? 'B' : 'A';
    out.set(`${ratingColumn}${rec.row}`, index < 0 ? null : levelSwatch(analysis.scale, index).fill);
    out.set(`${tinted}${rec.row}`, rec.statutory === true ? STATUTORY_ROW.fill : null);
  }
  return out;
}

/** Reads the colours Excel shows (conditional formats included, ExcelApi 1.19) and compares them with the core. */
async function cfEvaluated(analysis: Analysis, plan: FormatPlan): Promise<Outcome> {
  const expected = expectedFills(analysis, plan);
  if (!supports('1.19')) {
    const list = [...expected].map(([cell, fill]) => `${cell} ${fill ?? 'no rule colour'}`).join(', ');
    return {
      outcome: 'skipped',
      detail: `needs ExcelApi 1.19 (getDisplayedCellProperties); check by eye on the scratch sheet before it goes: ${list}`,
    };
  }
  const shown = await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
    const cells = [...expected.keys()].map((cell) => ({
      cell,
      props: sheet.getRange(cell).getDisplayedCellProperties({ format: { fill: { color: true } } }),
    }));
    await context.sync();
    return cells.map(({ cell, props }) => ({ cell, fill: props.value[0]?.[0]?.format?.fill?.color ?? null }));
  });
  const wrong = shown.filter(({ cell, fill }) => {
    const want = expected.get(cell) ?? null;
    return want === null
      ? analysis.scale.some((_, i) => levelSwatch(analysis.scale, i).fill === fill) || fill === STATUTORY_ROW.fill
      : fill?.toUpperCase() !== want.toUpperCase();
  });
  return {
    outcome: wrong.length === 0 ? 'as assumed' : 'differs',
    detail:
      wrong.length === 0
        ? `${shown.length} cells show the core's colours`
        : wrong.map((w) => `${w.cell} shows ${w.fill ?? 'none'}, core expects ${expected.get(w.cell) ?? 'no rule colour'}`).join('; '),
  };
}

/** Writes a cell with a change handler registered and reports the event Excel raises for our own write. */
/**
 * The summary chart's calls (write.ts queueChart): each point filled, value labels on, in one batch; and the
 * error Excel gives for a point past the series' last, which the fake answers with ItemNotFound.
 */
async function chartPoints(): Promise<Outcome> {
  const source = (context: Excel.RequestContext) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
    return { sheet, range: sheet.getRange('H1:I3') };
  };
  await Excel.run(async (context) => {
    const { sheet, range } = source(context);
    range.values = [
      ['Level', 'Count'],
      ['A', 1],
      ['B', 2],
    ];
    const chart = sheet.charts.add(Excel.ChartType.barClustered, range, Excel.ChartSeriesBy.columns);
    chart.setPosition('K1', 'P15');
    const series = chart.series.getItemAt(0);
    series.points.getItemAt(0).format.fill.setSolidColor('#C6EFCE');
    series.points.getItemAt(1).format.fill.setSolidColor('#FFEB9C');
    series.hasDataLabels = true;
    series.dataLabels.showValue = true;
    await context.sync();
  });
  let past = 'accepted';
  try {
    await Excel.run(async (context) => {
      const { sheet, range } = source(context);
      const chart = sheet.charts.add(Excel.ChartType.barClustered, range, Excel.ChartSeriesBy.columns);
      chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor('#C6EFCE');
      await context.sync();
    });
  } catch (error) {
    past = errorCode(error);
  }
  return {
    outcome: past === 'ItemNotFound' ? 'as assumed' : 'differs',
    detail: `point colours and value labels accepted; a point past the last: ${past} (assumed ItemNotFound)`,
  };
}

/**
 * The scratch sheet's change events while `write` is applied and for up to `waitMs` after it (stopping at the
 * first event when `untilFirst`), with a handler added before and removed after.
 */
async function changeEventsAround(
  write: (sheet: Excel.Worksheet) => void,
  waitMs: number,
  untilFirst: boolean,
): Promise<Excel.WorksheetChangedEventArgs[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name).load('id');
    await context.sync();
    const events: Excel.WorksheetChangedEventArgs[] = [];
    const handler = context.workbook.worksheets.onChanged.add(async (e) => {
      if (e.worksheetId === sheet.id) events.push(e);
    });
    await context.sync();
    write(sheet);
    await context.sync();
    for (let waited = 0; waited < waitMs && !(untilFirst && events.length > 0); waited += 100) await new Promise((r) => setTimeout(r, 100));
    handler.remove();
    await context.sync();
    return events;
  });
}

async function ownChangeEvent(): Promise<Outcome> {
  const events = await changeEventsAround((sheet) => (sheet.getRange('H2').values = [['event probe']]), 3000, true);
  const e = events[0];
  if (!e)
    return {
      outcome: 'differs',
      detail: 'no change event within 3 s of our write (assumed: one, triggerSource "ThisLocalAddin" on ExcelApi 1.14)',
    };
  const trigger = (e as { triggerSource?: string }).triggerSource ?? '(none)';
  const assumed = supports('1.14') ? trigger === 'ThisLocalAddin' : true;
  return {
    outcome: assumed ? 'as assumed' : 'differs',
    detail: `${events.length} event(s): address ${e.address}, changeType ${e.changeType}, source ${e.source}, triggerSource ${trigger}`,
  };
}

/**
 * Format-only writes raise no onChanged (they raise onFormatChanged): the pane tells our own change events from
 * the user's, on hosts without triggerSource, by where our value writes land (the status column, our summary).
 */
async function formatChangeEvent(): Promise<Outcome> {
  const events = await changeEventsAround(
    (sheet) => {
      const range = sheet.getRange('J2:K3');
      range.format.fill.color = '#FFF4CE';
      range.format.wrapText = true;
    },
    1500,
    false,
  );
  const e = events[0];
  return e
    ? { outcome: 'differs', detail: `${events.length} event(s) for a format change: address ${e.address}, changeType ${e.changeType}` }
    : { outcome: 'as assumed', detail: 'no onChanged within 1.5 s of a fill and wrap change' };
}

/** Selecting a cell and reading the active cell back, as "Use the selected row as header" does (ExcelApi 1.7). */
async function selectionProbe(): Promise<Outcome> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
    sheet.activate();
    sheet.getRange('C7').select();
    await context.sync();
  });
  const cell = await activeCell();
  const assumed = cell !== null && cell.sheet === SCRATCH.name && cell.address === 'C7' && cell.row === 7 && cell.column === 'C';
  return {
    outcome: assumed ? 'as assumed' : 'differs',
    detail: cell ? `${cell.sheet}!${cell.address} (row ${cell.row})` : 'no active cell',
  };
}

/** Provokes errors the adapter maps to messages, and lists the codes Excel gives. */
async function errorCodes(): Promise<Outcome> {
  const cases: [string, (context: Excel.RequestContext) => void][] = [
    ['missing sheet', (context) => context.workbook.worksheets.getItem('APC no such sheet').load('name')],
    ['values of the wrong shape', (context) => (context.workbook.worksheets.getItem(SCRATCH.name).getRange('J1:K2').values = [[1]])],
    ['a sheet name already taken', (context) => context.workbook.worksheets.add(SCRATCH.name)],
    [
      'a broken rule formula',
      (context) => {
        const cf = context.workbook.worksheets
          .getItem(SCRATCH.name)
          .getRange('J5')
          .conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=AND(1,';
      },
    ],
    ['a name over 31 characters', (context) => context.workbook.worksheets.add('x'.repeat(40))],
  ];
  const seen: string[] = [];
  for (const [what, provoke] of cases) {
    try {
      await Excel.run(async (context) => {
        provoke(context);
        // One case per run on purpose: each error is caught and named on its own.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      });
      seen.push(`${what}: no error`);
    } catch (error) {
      seen.push(`${what}: ${errorCode(error)}`);
    }
  }
  return { outcome: 'info', detail: seen.join('; ') };
}

/** Sets our page layout on the scratch sheet as a run does, reads it back, and asks the core whose it is (P1.2). */
async function printLayout(): Promise<Outcome> {
  const plan: PrintPlan = {
    sheet: SCRATCH.name,
    paper: 'A4',
    orientation: 'landscape',
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    titleRows: { first: 1, last: 1 },
    printArea: 'A1:C3',
    rows: { first: 1, last: 3 },
    margins: NARROW_MARGINS,
    footer: { left: 'As at 31 March 2002', pageNumbers: true },
    rowHeights: [],
  };
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SCRATCH.name);
    queuePageLayout(sheet, plan, true);
    await context.sync();
    const read = queuePageLayoutRead(sheet);
    await context.sync();
    const state = pageSetupState(read);
    const owner = pageSetupOwner(state);
    const zoom = JSON.stringify(read.layout.zoom);
    return {
      outcome: owner === 'ours' ? 'as assumed' : 'differs',
      detail: `read back as ${owner} (assumed ours); zoom ${zoom}, footers ${JSON.stringify(state.footers)}, paper ${read.layout.paperSize}`,
    };
  });
}

async function createScratch(): Promise<Outcome> {
  SCRATCH.name = await freeName('APC self-test');
  await Excel.run(async (context) => {
    context.workbook.worksheets.add(SCRATCH.name);
    await context.sync();
  });
  return { outcome: 'as assumed', detail: `"${SCRATCH.name}"` };
}

async function guarded(id: string, probe: Probe): Promise<CheckResult> {
  const name = SELF_TEST_CHECKS.find((c) => c.id === id)?.name ?? id;
  try {
    return { id, name, ...(await probe()) };
  } catch (error) {
    return { id, name, outcome: 'error', detail: describeError(error) };
  }
}

/** What the page gives the checks it alone can serve: a person for the steps that need one, the CSP violations it saw. */
export interface SelfTestPage {
  readonly tester?: Tester;
  readonly cspViolations?: () => readonly string[];
}

/** Runs every check in order, reporting each as it finishes; removes the scratch sheet whatever happens. */
export async function runSelfTest(
  report: (r: CheckResult) => void = () => undefined,
  today = new Date().toISOString().slice(0, 10),
  page: SelfTestPage = {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const add = (r: CheckResult) => {
    results.push(r);
    report(r);
  };
  add(await guarded('host', hostCheck));
  const scratch = await guarded('scratch', createScratch);
  add(scratch);
  const skipAll = scratch.outcome === 'error';
  const later = async (id: string, probe: Probe) =>
    add(
      skipAll
        ? { id, name: SELF_TEST_CHECKS.find((c) => c.id === id)?.name ?? id, outcome: 'skipped', detail: 'no scratch sheet' }
        : await guarded(id, probe),
    );

  for (const [id, probe] of Object.entries(undoProbes())) await later(id, probe);
  let typed: Record<string, Outcome> | Error = new Error('not run');
  try {
    typed = skipAll ? typed : await typedInput();
  } catch (error) {
    typed = error instanceof Error ? error : new Error(describeError(error));
  }
  for (const t of TYPED)
    await later(t.id, async () =>
      typed instanceof Error ? Promise.reject(typed) : (typed[t.id] ?? { outcome: 'error', detail: 'not read' }),
    );
  for (const [id, probe] of Object.entries(tableProbes())) await later(id, probe);
  const { analysis, plan } = cfSamplePlan(today);
  await later('cf.accepted', () =>
    plan ? cfAccepted(plan) : Promise.resolve({ outcome: 'error', detail: 'the core found no table in the sample' }),
  );
  await later('cf.evaluated', () => (plan ? cfEvaluated(analysis, plan) : Promise.resolve({ outcome: 'skipped', detail: 'no plan' })));
  await later('chart.points', chartPoints);
  await later('events', ownChangeEvent);
  await later('print.layout', printLayout);
  await later('events.format', formatChangeEvent);
  await later('selection', selectionProbe);
  await later('errors', errorCodes);
  await later('dates.system', dateSystem);
  await later('dates.format', () => dateFormats(SCRATCH.name));
  await later('tables.sort', () => sortedTable(today));
  await later('drawings.place', () => drawingPlacement(SCRATCH.name));
  add(await guarded('csp', async () => cspReport(page.cspViolations)));
  add(await guarded('lock.api', runLockApi));
  await later('undo.ctrlZ', () => undoAfterSummary(page.tester, today));
  await later('lock.ribbon', () => ribbonWaits(page.tester));
  add(
    await guarded('cleanup', async () => {
      if (skipAll) return { outcome: 'skipped', detail: 'no scratch sheet' };
      await deleteSheet(SCRATCH.name);
      return { outcome: 'as assumed', detail: `"${SCRATCH.name}" deleted` };
    }),
  );
  return results;
}

/** The plain-text report a person copies and sends back. */
export function formatReport(results: readonly CheckResult[], when: Date = new Date()): string {
  const count = (o: CheckOutcome) => results.filter((r) => r.outcome === o).length;
  const lines = [
    'Action Plan Checker self-test',
    `Run at ${when.toISOString()}`,
    ...results.map((r) => `[${r.outcome}] ${r.id} - ${r.name}: ${r.detail}`),
    `Summary: ${count('as assumed')} as assumed, ${count('differs')} differ, ${count('error')} errors, ${count('skipped')} skipped, ${count('info')} for information`,
  ];
  return lines.join('\n');
}
