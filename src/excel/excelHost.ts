import { columnIndex, columnLetter, parseAddress } from '../core/address';
import { formatLong, fromIso, isoFromDate, stampFromDate } from '../core/dates';
import { HostError } from '../core/errors';
import { describePlan, describeWritten, statusColumnWritten, type WriteFacts } from '../core/plans/describePlan';
import { isOurRule, planFormat, statusMovedFinding, type FormatPlan } from '../core/plans/formatPlan';
import { statusCoveredFindings } from '../core/plans/statusCovered';
import { headerChoices, likelyHeaderRow, type HeaderChoices } from '../core/read/headerChoices';
import {
  undoWords,
  type Analyser,
  type CellSelection,
  type OurMarks,
  type PlanHost,
  type RunParts,
  type RunResult,
  type UndoStory,
  type WorkbookSettings,
} from '../core/host';
import { movementSince, type RunMovement } from '../core/figures/keptMovement';
import { snapshotOf, type Movement, type PlanSnapshot } from '../core/figures/movement';
import { pageSetupOwner, planSummaryPrint, planTablePrint } from '../core/plans/printPlan';
import { parseSettings } from '../core/settings';
import { FINGERPRINT_COLUMNS, FINGERPRINT_ROWS, isOurSummarySheet } from '../core/plans/summaryMark';
import { CHASE_MARKER_NAME, CHASE_SHEET_NAME, freeSummaryName, SUMMARY_MARKER_NAME } from '../core/plans/sheetNames';
import type { AnalyseOptions, Analysis, CellValue, Finding, SheetSnapshot } from '../core/types';
import { isPayloadLimit } from './errors';
import { planRead, queueSheetRead, readRest, roughBytes, type QueuedRead } from './read';
import { isDate1904, queueDateSystemProbe, to1900Dates } from './dateSystem';
import { drawingSpans, queueDrawingGeometry, queueDrawingNames, type DrawingNames } from './drawings';
import { mergedAddress, withMergedTaken } from './merges';
import { pageSetupState, queuePageLayout, queuePageLayoutRead, type PageLayoutRead } from './pageLayout';
import { runExcel, supports, type WriteTracker } from './run';
import { CUSTOM_XML_API, listKept, queueKeep, queueKeptParts, queueNewestXml, readPrevious, type Kept } from './snapshots';
import {
  columnsToAdd,
  queueTableColumns,
  queueTableRanges,
  type SheetTable,
  queueTables,
  sheetTables,
  tableUnder,
  withoutTotals,
} from './tables';
import { queueFormat, queueRemoveOurRules, queueSummary, type SummaryTarget } from './write';

/** The key our settings live under in `workbook.settings`. */
export const SETTINGS_KEY = 'ActionPlanChecker.settings';
/**
 * The core's analysis, loaded when first needed: it (with chrono-node) is the largest part of the pane's code, and
 * the pane's first paint needs none of it (the pane analyses big sheets in a worker anyway).
 */
export const analyseLater: Analyser = (snapshot, options) =>
  import(/* webpackChunkName: "analyse" */ '../core/analyse.js').then((core) => core.analyseSheet(snapshot, options));

/** What builds the summary and chase sheets, loaded when a run first writes them: no part of the pane's first paint. */
type SummaryBuilders = typeof import('./summaryBuilders');
const summaryBuilders = (): Promise<SummaryBuilders> => import(/* webpackChunkName: "summary" */ './summaryBuilders.js');

/** Sheet changes within this long after our own writes are our own, not the user's. */
const OWN_CHANGE_MS = 2000;
let quietUntil = 0;

/**
 * Roles whose cells the core reads as text only (references and narrative cells): a number format there says
 * nothing to it, and reading one for every row would only add bytes. Every other role (status or rating, dates,
 * percentages, priority, and any role added later) is read with its number formats at every row.
 */
const TEXT_ONLY_ROLES: ReadonlySet<string> = new Set(['id', 'subject', 'lead', 'recommendation', 'progress']);

/**
 * The columns whose number formats the core reads past the first rows: every column the core interprets by
 * value (a date serial is told from a number by its format, a 100% from a 1 by its `0%`), from the user's
 * choices or the table found in the first rows, plus tick-mark columns. Null (read every column's) when the
 * first rows hold no table. Title rows are inside the first rows, read whole.
 */
export async function formatColumns(
  head: SheetSnapshot,
  settings: WorkbookSettings,
  today: string,
  analyse: Analyser = analyseLater,
): Promise<number[] | null> {
  let table;
  try {
    table = (await analyse(head, analyseOptions(settings, today))).table;
  } catch {
    return null;
  }
  if (!table) return null;
  const letters = new Set<string>(table.statusTicks);
  for (const [role, letter] of Object.entries(table.columns)) if (letter && !TEXT_ONLY_ROLES.has(role)) letters.add(letter);
  // A column chosen in Settings wins over the one found, so both are read: the analysis used the choice.
  for (const [role, letter] of Object.entries(settings.columns ?? {})) if (letter && !TEXT_ONLY_ROLES.has(role)) letters.add(letter);
  return [...letters].map(columnIndex).sort((a, b) => a - b);
}

/** Options for the core from the workbook's settings and the clock. */
export function analyseOptions(settings: WorkbookSettings, today: string): AnalyseOptions {
  return {
    today,
    ...(settings.asAt ? { asAt: settings.asAt } : {}),
    ...(settings.columns ? { columns: settings.columns } : {}),
    ...(settings.headerRow ? { headerRow: settings.headerRow } : {}),
    ...(settings.block ? { block: settings.block } : {}),
    ...(settings.ratingScale ? { ratingScale: settings.ratingScale } : {}),
    ...(settings.scale ? { scale: settings.scale } : {}),
    ...(settings.fiscalYear ? { fiscalYear: settings.fiscalYear } : {}),
  };
}

interface FirstRead {
  read: QueuedRead;
  formats: Excel.ConditionalFormatCollection | null;
  autoFilter: Excel.AutoFilter | null;
  workbookProtection: Excel.WorkbookProtection | null;
  marker: Excel.NamedItem | null;
  /** The chase sheet's marker, read as the summary's is. */
  chaseMarker: Excel.NamedItem | null;
  sheets: Excel.WorksheetCollection | null;
  tables: Excel.TableCollection;
  /** Merged areas of the sheet, where the host can say (ExcelApi 1.13). */
  merged: Excel.RangeAreas | null;
  /** The sheet's page layout, to tell whether the user has set it up (P1.2). */
  layout: PageLayoutRead | null;
  /** The workbook's custom XML parts (ids, namespaces), listed for runs that write the summary; null without ExcelApi 1.5. */
  keptParts: Excel.CustomXmlPartCollection | null;
  /** DATE(1904,1,1) as the workbook computes it: 0 on the 1904 date system, 1462 on the 1900 one (dateSystem.ts). */
  dateProbe: Excel.FunctionResult<number>;
  /** The sheet's pictures, shapes and charts, by name, for runs that format (F2: a drawing over the status column). */
  drawings: DrawingNames | null;
}

/** What the first sync reads beyond the sheet: a preview (the check on opening) reads no merged areas. */
interface FirstReadOptions {
  readonly sample: boolean;
  /** Reading merged areas was reported to clear the undo history on Windows (office-js #5918): only runs that write read them. */
  readonly merges: boolean;
}

function queueFirstRead(context: Excel.RequestContext, sheet: string | undefined, parts: RunParts, how: FirstReadOptions): FirstRead {
  const { sample } = how;
  const read = queueSheetRead(context, sheet, sample);
  const dateProbe = queueDateSystemProbe(context);
  const formats = parts.format ? read.sheet.getRange().conditionalFormats : null;
  formats?.load('items/type');
  const autoFilter = parts.format ? read.sheet.autoFilter : null;
  autoFilter?.load('enabled');
  const workbookProtection = parts.summary ? context.workbook.protection : null;
  workbookProtection?.load('protected');
  const marker = parts.summary ? context.workbook.names.getItemOrNullObject(SUMMARY_MARKER_NAME) : null;
  marker?.load('name,comment');
  const chaseMarker = parts.summary ? context.workbook.names.getItemOrNullObject(CHASE_MARKER_NAME) : null;
  chaseMarker?.load('name,comment');
  const sheets = parts.summary ? context.workbook.worksheets : null;
  sheets?.load('items/name');
  const merged = parts.format && how.merges && supports('1.13', false) ? read.sheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load('address');
  const layout = parts.format ? queuePageLayoutRead(read.sheet) : null;
  const keptParts = parts.summary ? queueKeptParts(context) : null;
  return {
    read,
    formats,
    autoFilter,
    workbookProtection,
    marker,
    chaseMarker,
    sheets,
    tables: queueTables(read.sheet),
    merged,
    layout,
    keptParts,
    dateProbe,
    // Only runs that write look for drawings (the merges flag marks them): the check on opening does not.
    drawings: parts.format && how.merges ? queueDrawingNames(read.sheet) : null,
  };
}

/**
 * Check, and where asked format and summarise, the active sheet (or `sheetName`) in at most three syncs
 * while the sheet fits one request (~4 MB): the sheet, its extent and first rows; the rest of it with the formulas of
 * existing rules and where our summary sheet is (only when needed); then every write. With `preview` (the pane's
 * check), it reads what a full run would need and says what that run would change, writing nothing.
 */
export async function runPlan(
  settings: WorkbookSettings,
  parts: RunParts,
  sheetName?: string,
  options: { activateSummary?: boolean; now?: Date; analyse?: Analyser; preview?: boolean } = {},
): Promise<RunResult> {
  const now = options.now ?? new Date();
  const analyse: Analyser = options.analyse ?? analyseLater;
  const preview = options.preview ?? false;
  const readParts = preview ? { format: true, summary: true } : parts;
  return runExcel(
    async (context, tracker) => {
      const read = await readPlanSheet(context, tracker, {
        sheetName,
        parts: readParts,
        settings,
        today: isoFromDate(now),
        analyse,
        preview,
      });
      const analysis = await analyse(read.snapshot, analyseOptions(settings, isoFromDate(now)));
      // This return's snapshot: kept by summary runs, and the pane compares it with a previous version's file.
      const current = analysis.table ? snapshotOf(analysis, read.snapshot) : null;
      const run: PlanRun = {
        ...read,
        context,
        settings,
        parts,
        now,
        activate: options.activateSummary ?? false,
        analysis,
        header: headerOf(analysis, read.snapshot, settings),
        current,
      };
      const writes = (parts.format || parts.summary) && analysis.table !== null;
      return writes ? writePlan(run, tracker) : readOnlyResult(run, preview);
    },
    sheetName,
    undefined,
    parts.format || parts.summary ? 'write' : 'read',
  );
}

/** One run of runPlan after its reads and the analysis: what the steps that write share. */
interface PlanRun {
  readonly context: Excel.RequestContext;
  readonly settings: WorkbookSettings;
  readonly parts: RunParts;
  readonly now: Date;
  /** Whether to show the summary sheet when it is written. */
  readonly activate: boolean;
  readonly first: FirstRead;
  readonly meta: Meta;
  readonly snapshot: SheetSnapshot;
  readonly tables: SheetTable[];
  readonly kept: Kept;
  readonly analysis: Analysis;
  readonly header: HeaderChoices | null;
  /** This return's snapshot, when a table was found. */
  readonly current: PlanSnapshot | null;
}

/** The snapshot field of a run's result, when there is one. */
const ownSnapshot = (run: PlanRun): { planSnapshot?: PlanSnapshot } => (run.current ? { planSnapshot: run.current } : {});

/** The result of a run that writes nothing: with `preview`, what a full run would change and what of ours is there. */
function readOnlyResult(run: PlanRun, preview: boolean): RunResult {
  const { analysis, header, first, meta } = run;
  const base = { analysis, applied: [], notes: [], summarySheet: null, header, ...ownSnapshot(run) };
  if (!preview) return base;
  const format = decideFormat(first, meta, analysis, run.snapshot, run.tables, run.settings);
  const summary = analysis.table ? decideSummary(first, meta) : null;
  const marks: OurMarks = { formatted: ourRules(meta).length > 0, summary: summary?.ours?.name ?? null };
  return { ...base, preview: describePlan(factsOf(format, summary)), marks };
}

/** Queues the plan's format and print settings; a very large format is sent in a sync of its own. */
async function queueFormatStep(run: PlanRun, format: FormatDecision, notes: Finding[], extra: string[]): Promise<void> {
  const queued = queuePlanFormat(run.first, format, run.analysis, run.snapshot);
  notes.push(...queued.notes);
  if (queued.applied) extra.push(queued.applied);
  const printed = queueTablePrint(run.first, format.plan, run.analysis, run.snapshot);
  if (printed) extra.push(printed);
  // Our three columns on a very large plan, with the summary, would pass Excel's 5 MB request limit: send
  // them first (still inside the run, so still one merged undo group where the host merges).
  if (planWriteBytes(format.plan) > SPLIT_WRITE_BYTES) await quietSync(run.context);
}

/** What queueing the summary and chase sheets gave: our sheets, the movement to report, whether this return was kept. */
interface SummaryQueued {
  readonly ourSheets: Excel.Worksheet[];
  readonly movement: RunMovement | undefined;
  readonly keptReturn: boolean;
}

/** Queues the summary and chase sheets and keeps this return for the next run's movement. */
function queueSummaryStep(
  run: PlanRun,
  summary: SummaryDecision,
  moved: Awaited<ReturnType<typeof keptMovement>>,
  builders: SummaryBuilders,
  out: { readonly later: (() => void)[]; readonly extra: string[] },
): SummaryQueued {
  const { analysis, kept } = run;
  let movement: RunMovement = moved.movement;
  const since = movement.kind === 'since' ? movement.movement : undefined;
  const ourSheets = queueOurSummary(
    run.context,
    { first: run.first, meta: run.meta, decided: summary, builders },
    analysis,
    run.now,
    run.activate,
    since,
    out.later,
  );
  let keptReturn = false;
  if (moved.current && kept.available) {
    const day = fromIso(analysis.asAt);
    const when = day === null ? analysis.asAt : formatLong(day);
    keptReturn = queueKeep(run.context, kept, moved.current);
    if (keptReturn) out.extra.push(`Kept this return (as at ${when}) in the workbook for comparison with the next`);
    else if (movement.kind !== 'unavailable') movement = { kind: 'unavailable', reason: TOO_LARGE };
  }
  return { ourSheets, movement, keptReturn };
}

/** Sends the queued writes: a very large chase sheet's later blocks a sync each, then the last sync with every write. */
async function sendWrites(
  run: PlanRun,
  format: FormatDecision | null,
  ourSheets: readonly Excel.Worksheet[],
  later: readonly (() => void)[],
) {
  for (const block of later) {
    // One sync per block of a very large chase sheet: how many depends on its size, not a fixed loop.
    await quietSync(run.context);
    block();
  }
  // Our change events are told from the user's by where they land (hosts without triggerSource).
  const written = queueWrittenAreas(run.first.read.sheet, format?.plan ?? null, ourSheets);
  // Hosts without triggerSource: the events of our writes may arrive during the sync or just after it.
  quietUntil = Number.POSITIVE_INFINITY;
  try {
    await run.context.sync();
  } finally {
    quietUntil = Date.now() + OWN_CHANGE_MS;
    ownAreas = written.areas();
  }
}

/** Formats and summarises the plan as asked, in as few syncs as the sizes allow, and says what was written. */
async function writePlan(run: PlanRun, tracker: WriteTracker): Promise<RunResult> {
  const { first, meta, parts, analysis } = run;
  refuseProtected(first, parts, run.snapshot.name);
  const moved = parts.summary && run.current ? await keptMovement(run.context, run.kept, analysis, run.current) : null;
  const builders = parts.summary ? await summaryBuilders() : null;

  tracker.markWriting();
  const notes: Finding[] = [];
  const extra: string[] = [];
  const format = parts.format ? decideFormat(first, meta, analysis, run.snapshot, run.tables, run.settings) : null;
  if (format) await queueFormatStep(run, format, notes, extra);
  const summary = parts.summary ? decideSummary(first, meta) : null;
  // The chase sheet of a very large plan passes Excel's 5 MB request limit: its later row blocks, a sync each.
  const later: (() => void)[] = [];
  const queued: SummaryQueued =
    summary && moved && builders
      ? queueSummaryStep(run, summary, moved, builders, { later, extra })
      : { ourSheets: [], movement: undefined, keptReturn: false };
  // Read with the writes, so the drawings are placed on the widths the user will see (F2).
  const drawn = format && first.drawings ? queueDrawingGeometry(first.read.sheet, first.drawings, first.read.used) : null;
  await sendWrites(run, format, queued.ourSheets, later);
  if (drawn && format) notes.push(...statusCoveredFindings(format.plan, drawingSpans(drawn)));
  // Adding a sheet clears the undo history on desktop Excel (office-js #6170): only the web keeps it.
  const addedOnDesktop = summary !== null && (summary.ours === null || summary.chase.ours === null) && officePlatform() !== 'OfficeOnline';
  const undo: UndoStory = tracker.oneUndoStep && !addedOnDesktop ? 'one-step' : 'history';
  const applied = [...describeWritten(factsOf(format, summary)), ...extra];
  const words = undoWords({ story: undo, mac: officePlatform() === 'Mac', cloud: inTheCloud(), keptReturn: queued.keptReturn });
  const summarySheet = summary?.name ?? null;
  const result = { analysis, applied, notes, summarySheet, header: run.header, undo, undoWords: words, ...ownSnapshot(run) };
  return queued.movement ? { ...result, movement: queued.movement } : result;
}

/** Above this many request bytes for our columns' values, the format is sent in a sync of its own. */
const SPLIT_WRITE_BYTES = 2_000_000;

/** The request bytes our columns' values take (UTF-8 and JSON quoting, roughly), to decide whether to split a write. */
function planWriteBytes(plan: FormatPlan): number {
  return [...(plan.status ? [plan.status] : []), ...plan.added].reduce((n, column) => n + roughBytes(column.values), 0);
}

/** A sync of our own writes: change events it raises on hosts without triggerSource are taken as ours. */
async function quietSync(context: Excel.RequestContext): Promise<void> {
  quietUntil = Number.POSITIVE_INFINITY;
  try {
    await context.sync();
  } finally {
    quietUntil = Date.now() + OWN_CHANGE_MS;
  }
}

/** What a run writes, for the words that describe it. */
function factsOf(format: FormatDecision | null, summary: SummaryDecision | null): WriteFacts {
  return {
    format: format?.plan ?? null,
    statusWritten: format?.statusWritten ?? false,
    ourRules: format?.ours.length ?? 0,
    summary: summary && { name: summary.name, ours: summary.ours !== null },
    ...(summary ? { chase: { name: summary.chase.name, ours: summary.chase.ours !== null } } : {}),
  };
}

/** The host's platform ("PC", "Mac", "OfficeOnline", ...), or null when it cannot say. */
function officePlatform(): string | null {
  try {
    return String(Office.context.diagnostics.platform);
  } catch {
    return null;
  }
}

/** Whether the workbook lives on OneDrive or SharePoint (an https URL), where File > Info > Version History exists. */
function inTheCloud(): boolean {
  try {
    return /^https:\/\//i.test(String(Office.context.document.url ?? ''));
  } catch {
    return false;
  }
}

/** The header row's cells with samples: the table's header row, else the row the user chose or the likeliest one. */
function headerOf(analysis: Analysis, snapshot: SheetSnapshot, settings: WorkbookSettings): HeaderChoices | null {
  const row = analysis.table ? analysis.table.headerRow : likelyHeaderRow(snapshot, settings.headerRow);
  return row === null ? null : headerChoices(snapshot, row);
}

const TOO_LARGE = 'This plan is too large to keep a copy of its return in the workbook, so movement since the last return is not shown.';

/** The movement of a summary run against the previous kept return, and this return's snapshot to keep; where the host keeps none, says so. */
async function keptMovement(
  context: Excel.RequestContext,
  kept: Kept,
  analysis: Analysis,
  current: PlanSnapshot,
): Promise<{ movement: RunMovement; current: PlanSnapshot | null }> {
  if (!kept.available) {
    return {
      movement: {
        kind: 'unavailable',
        reason: `This version of Excel cannot keep earlier returns in the workbook (custom XML parts, ExcelApi ${CUSTOM_XML_API}), so movement since the last return is not shown.`,
      },
      current: null,
    };
  }
  const previous = await readPrevious(context, kept, current.asAt);
  if (previous && !previous.snapshot) {
    const day = fromIso(previous.asAt);
    return {
      movement: {
        kind: 'unavailable',
        reason: `The kept return as at ${day === null ? previous.asAt : formatLong(day)} could not be read, so movement since it is not shown.`,
      },
      current,
    };
  }
  return { movement: movementSince(previous?.snapshot ?? null, current, analysis), current };
}

/** The sheet a marker points at, its charts and its top (for the fingerprint), queued; null without a marker. */
function queueMarked(marker: Excel.NamedItem | null) {
  const range = marker && !marker.isNullObject ? marker.getRangeOrNullObject() : null;
  const sheet = range ? range.worksheet : null;
  range?.load('address');
  sheet?.load('name');
  const charts = sheet ? sheet.charts : null;
  charts?.load('items/name');
  // The top of the sheet the marker points at, to check its fingerprint: only our own sheets are rewritten.
  const top = sheet ? sheet.getRangeByIndexes(0, 0, FINGERPRINT_ROWS, FINGERPRINT_COLUMNS) : null;
  top?.load('values');
  return { range, sheet, charts, top };
}
type Marked = ReturnType<typeof queueMarked>;

/** Whether the meta read queued anything (our rules' formulas, our sheets' markers, the tables' ranges) that needs a sync. */
function metaQueued(meta: Meta): boolean {
  return meta.customs.length > 0 || meta.markerRange !== null || meta.chase.range !== null || meta.tableRanges.length > 0;
}

/** What the writes need to know, queued with the rest of the read: our rules, our summary and chase sheets, the tables' ranges. */
function queueMeta(first: FirstRead) {
  const customs = (first.formats?.items ?? []).filter((cf) => cf.type === Excel.ConditionalFormatType.custom);
  for (const cf of customs) cf.custom.rule.load('formula');
  const summary = queueMarked(first.marker);
  return {
    customs,
    markerRange: summary.range,
    markerSheet: summary.sheet,
    markerCharts: summary.charts,
    markerTop: summary.top,
    chase: queueMarked(first.chaseMarker),
    tableRanges: queueTableRanges(first.tables),
  };
}
type Meta = ReturnType<typeof queueMeta>;

/** What a run reads: which sheet, for which parts, with which settings; a preview reads less (no merges, no rows past a head without a table). */
interface ReadRequest {
  readonly sheetName: string | undefined;
  readonly parts: RunParts;
  readonly settings: WorkbookSettings;
  readonly today: string;
  readonly analyse: Analyser;
  readonly preview: boolean;
}

/**
 * Sync 1: the sheet, its extent and first rows, and what writing will need to know. Sync 2 and on, only when
 * needed: the rest of the values (in blocks near the payload limit for a large sheet) with the meta.
 */
async function readPlanSheet(
  context: Excel.RequestContext,
  tracker: WriteTracker,
  request: ReadRequest,
): Promise<{ first: FirstRead; meta: Meta; snapshot: SheetSnapshot; tables: SheetTable[]; kept: Kept }> {
  const { sheetName, parts, settings, today, analyse, preview } = request;
  let first = queueFirstRead(context, sheetName, parts, { sample: true, merges: !preview });
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadLimit(error)) throw error;
    first = queueFirstRead(context, sheetName, parts, { sample: false, merges: !preview });
    await context.sync();
  }
  tracker.started();
  let meta = queueMeta(first);
  const kept = listKept(first.keptParts);
  const readPlan = planRead(first.read);
  let snapshot: SheetSnapshot;
  if (readPlan.kind === 'done') {
    snapshot = readPlan.snapshot;
    // A plan read whole is small: its kept returns ride on the meta read.
    const prefetched = queueNewestXml(kept);
    if (metaQueued(meta) || prefetched > 0) await context.sync();
  } else {
    // Number formats only where the core reads them.
    const formatColumnsRead = readPlan.have ? await formatColumns(readPlan.have, settings, today, analyse) : null;
    // The check on opening stops at the first rows when they hold no table: the pane opened on a budget
    // sheet of 100,000 rows must not read it all to say "no table here".
    const head = preview && formatColumnsRead === null ? readPlan.have : null;
    if (head) {
      snapshot = head;
      if (metaQueued(meta)) await context.sync();
    } else {
      snapshot = await readRest(context, first.read, {
        ...readPlan,
        formatColumns: formatColumnsRead,
        requeue: () => (meta = queueMeta(first)),
      });
    }
  }
  // A table's totals row is not a recommendation: the core never sees it.
  const tables = sheetTables(meta.tableRanges);
  // Old Mac workbooks count days from 1904: their date serials are moved to the 1900 system the core reads.
  const dated = isDate1904(first.dateProbe) ? to1900Dates(snapshot) : snapshot;
  return { first, meta, snapshot: withoutTotals(dated, tables), tables, kept };
}

/** Stops before any write when the sheet (for formats) or the workbook (for the summary sheet) is protected. */
function refuseProtected(first: FirstRead, parts: RunParts, sheet: string): void {
  if (first.read.sheet.protection.protected && parts.format) {
    throw new HostError(
      'SheetProtected',
      `The sheet "${sheet}" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet) to format it, or use Check only.`,
    );
  }
  if (first.workbookProtection?.protected && parts.summary) {
    throw new HostError(
      'SheetProtected',
      'The workbook structure is protected, so the summary sheet cannot be added and nothing was changed. Unprotect the workbook (Review > Protect Workbook), or use Check only.',
    );
  }
}

/** Our conditional formats on the sheet (their formulas carry our marker). */
function ourRules(meta: Meta): Meta['customs'] {
  return meta.customs.filter((format) => isOurRule(format.custom.rule.formula));
}

interface FormatDecision {
  plan: FormatPlan;
  userTable: SheetTable | null;
  ours: Meta['customs'];
  statusWritten: boolean;
}

/** The format plan for the sheet as it stands (merged cells and the user's table taken into account), or null without a table. */
function decideFormat(
  first: FirstRead,
  meta: Meta,
  analysis: Analysis,
  snapshot: SheetSnapshot,
  tables: readonly SheetTable[],
  settings: WorkbookSettings,
): FormatDecision | null {
  const table = analysis.table;
  if (!table) return null;
  const userTable = tableUnder(table, tables);
  // Our columns go right beside a user's table, where queuePlanFormat makes them columns of it.
  const planned = withMergedTaken(snapshot, mergedAddress(first.merged));
  const plan = planFormat(analysis, planned, { statusColumn: settings.statusColumn !== false });
  if (!plan) return null;
  return { plan, userTable, ours: ourRules(meta), statusWritten: statusColumnWritten(plan, snapshot) };
}

/**
 * Queues our rules (replacing our old ones), formats and our columns; returns the notes (a moved status column)
 * and, where our new columns joined the user's table, words saying so. On a user's table our new columns are
 * added as table columns first (before any write lands beside the table), so a sort or filter moves them with
 * their rows; the table's style keeps drawing its header and borders.
 */
function queuePlanFormat(
  first: FirstRead,
  decided: FormatDecision,
  analysis: Analysis,
  snapshot: SheetSnapshot,
): { notes: Finding[]; applied: string | null } {
  const { plan, userTable } = decided;
  const table = analysis.table;
  if (!table) return { notes: [], applied: null };
  queueRemoveOurRules(decided.ours.map((format) => ({ format, formula: format.custom.rule.formula })));
  const adding = userTable ? columnsToAdd(plan, userTable, snapshot) : [];
  const excelTable = userTable && adding.length > 0 ? first.tables.items.find((t) => t.name === userTable.name) : undefined;
  if (excelTable) queueTableColumns(excelTable, adding);
  // A table has its own filter, and a sheet filter may not overlap it: never apply one there.
  queueFormat(first.read.sheet, plan, {
    applyAutoFilter: !(first.autoFilter?.enabled ?? false) && userTable === null,
    tableStyle: userTable !== null,
  });
  const moved = statusMovedFinding(plan, table);
  const applied =
    excelTable && userTable
      ? `Made ${adding.length === 1 ? 'our column' : `our ${adding.length} columns`} part of the table "${userTable.name}", so they sort and filter with its rows`
      : null;
  return { notes: moved ? [moved] : [], applied };
}

/** Queues the table sheet's page setup where the user has none of their own (P1.2, read in the first sync); says what was done. */
function queueTablePrint(first: FirstRead, plan: FormatPlan, analysis: Analysis, snapshot: SheetSnapshot): string | null {
  const print = planTablePrint(analysis, snapshot, plan);
  if (!print) return null;
  const owner = first.layout ? pageSetupOwner(pageSetupState(first.layout)) : 'user';
  queuePageLayout(first.read.sheet, print, owner !== 'user');
  return owner === 'user'
    ? `Kept the page setup of "${snapshot.name}" as you set it`
    : `Set "${snapshot.name}" to print on A4 landscape, 1 page wide, with the header on every page and page numbers`;
}

interface SummaryDecision {
  name: string;
  /** Our summary sheet when it is there (fingerprint matched): rewritten in place. */
  ours: Excel.Worksheet | null;
  /** The chase sheet: its name, and ours when it is there. */
  chase: { name: string; ours: Excel.Worksheet | null; charts: Excel.ChartCollection | null };
}

/** The sheet a marker points at when it is ours (its fingerprint matches its top), and the sheet found either way. */
function ourMarked(marked: Marked, marker: Excel.NamedItem | null): { found: Excel.Worksheet | null; ours: Excel.Worksheet | null } {
  const { range, sheet, charts, top } = marked;
  const found = range && !range.isNullObject && sheet && charts && top ? sheet : null;
  // Ours means ours: the marker's fingerprint must match the sheet's top, else it is a user's sheet (a received
  // workbook, or last quarter's summary renamed to keep it) and is left alone; a new sheet of ours is written.
  const ours = found && top && marker && isOurSummarySheet(found.name, top.values as CellValue[][], marker.comment) ? found : null;
  return { found, ours };
}

/** Where the summary and the chase sheet go: ours rewritten in place when they exist, else new sheets under free names. */
function decideSummary(first: FirstRead, meta: Meta): SummaryDecision {
  const summary = ourMarked(
    { range: meta.markerRange, sheet: meta.markerSheet, charts: meta.markerCharts, top: meta.markerTop },
    first.marker,
  );
  const chase = ourMarked(meta.chase, first.chaseMarker);
  const ourNames = [summary.ours?.name, chase.ours?.name];
  const taken = (first.sheets?.items ?? []).map((s) => s.name).filter((n) => !ourNames.includes(n));
  for (const found of [summary, chase]) if (found.found && !found.ours) taken.push(found.found.name);
  const name = summary.ours?.name ?? freeSummaryName(taken);
  const chaseName = chase.ours?.name ?? freeSummaryName([...taken, name], CHASE_SHEET_NAME);
  return { name, ours: summary.ours, chase: { name: chaseName, ours: chase.ours, charts: meta.chase.charts } };
}

/** Queues the summary sheet and the chase sheet where `decided` says; returns both (their ids are loaded by the write's sync). */
function queueOurSummary(
  context: Excel.RequestContext,
  run: { first: FirstRead; meta: Meta; decided: SummaryDecision; builders: SummaryBuilders },
  analysis: Analysis,
  now: Date,
  activate: boolean,
  movement: Movement | undefined,
  later: (() => void)[],
): Excel.Worksheet[] {
  const { first, meta, decided, builders } = run;
  const { buildSummary, buildChaseSheet } = builders;
  const { ours, name, chase } = decided;
  // A marker left dangling (the user deleted our sheet) is replaced with the new sheet's.
  if (!ours && first.marker && !first.marker.isNullObject) first.marker.delete();
  if (!chase.ours && first.chaseMarker && !first.chaseMarker.isNullObject) first.chaseMarker.delete();
  const target: SummaryTarget =
    ours && meta.markerCharts
      ? { kind: 'ours', sheet: ours, charts: meta.markerCharts, mark: first.marker?.comment ?? null }
      : { kind: 'new', name };
  const date1904 = isDate1904(first.dateProbe);
  const model = buildSummary(analysis, stampFromDate(now), name, movement, chase.name);
  const sheet = queueSummary(context, target, model, SUMMARY_MARKER_NAME, date1904);
  // Our sheets always print our way (P1.4).
  queuePageLayout(sheet, planSummaryPrint(model, analysis.asAt), true);
  const chaseTarget: SummaryTarget =
    chase.ours && chase.charts
      ? { kind: 'ours', sheet: chase.ours, charts: chase.charts, mark: first.chaseMarker?.comment ?? null }
      : { kind: 'new', name: chase.name };
  const chaseModel = buildChaseSheet(analysis, stampFromDate(now), chase.name);
  const chaseSheet = queueSummary(context, chaseTarget, chaseModel, CHASE_MARKER_NAME, date1904, later);
  queuePageLayout(chaseSheet, planSummaryPrint(chaseModel, analysis.asAt), true);
  if (activate) sheet.activate();
  return [sheet, chaseSheet];
}

/** Reads the add-in's settings from the workbook; defaults when there are none or they are unreadable. */
export function loadSettings(): Promise<WorkbookSettings> {
  return runExcel(
    async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load('value');
      await context.sync();
      return item.isNullObject ? {} : parseSettings(item.value);
    },
    undefined,
    undefined,
    'read',
  );
}

/** Stores the add-in's settings in the workbook, so they travel with it. */
export function saveSettings(settings: WorkbookSettings): Promise<void> {
  return runExcel(async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
    await context.sync();
  });
}

/** Activates a sheet and selects a cell on it. */
export function selectCell(sheet: string, cell: string): Promise<void> {
  return runExcel(
    async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
      // Selecting changes no cell: nothing to undo, so no undo group.
    },
    sheet,
    undefined,
    'read',
  );
}

/**
 * The active cell, for "use the selected row as header". `Workbook.getActiveCell` (ExcelApi 1.7) fails when a
 * chart sheet is active or nothing is selected: that is "no selection", not an error.
 */
export function activeCell(): Promise<CellSelection | null> {
  return runExcel(
    async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load('address');
      try {
        await context.sync();
      } catch {
        return null;
      }
      // "Sheet 1'!C7" or "Appendix 1!C7": the sheet is everything before the last "!".
      const bang = cell.address.lastIndexOf('!');
      const sheet = cell.address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
      const address = cell.address.slice(bang + 1).replace(/\$/g, '');
      const at = parseAddress(address.split(':')[0] ?? address);
      if (!at) return null;
      return { sheet, address, row: at.row, column: columnLetter(at.column) };
    },
    undefined,
    undefined,
    'read',
  );
}

/** Where our last write changed values: the status column on the plan's sheet, and the whole summary sheet. */
interface OwnArea {
  sheetId: string;
  /** Null for the whole sheet. */
  range: string | null;
}
let ownAreas: OwnArea[] = [];

/** Queues the ids of the sheets a write changes; after its sync, `areas()` says where our change events will land. */
function queueWrittenAreas(planSheet: Excel.Worksheet, plan: FormatPlan | null, ours: readonly Excel.Worksheet[]) {
  const status = plan?.status ?? null;
  if (status) planSheet.load('id');
  for (const sheet of ours) sheet.load('id');
  return {
    areas: (): OwnArea[] => {
      try {
        return [
          ...(status
            ? [status, ...(plan?.added ?? [])].map((c) => ({
                sheetId: planSheet.id,
                range: `${c.headerCell}:${c.range.split(':')[1] ?? c.headerCell}`,
              }))
            : []),
          ...ours.map((sheet) => ({ sheetId: sheet.id, range: null })),
        ];
      } catch {
        // The write's sync failed before the ids came back: fall back to the quiet window alone.
        return [];
      }
    },
  };
}

/** True when an A1 range ("G7", "G5:G18") lies inside another. */
function within(inner: string, outer: string): boolean {
  const corners = (a: string) => {
    const [from = '', to = from] = a.replace(/\$/g, '').split(':');
    const tl = parseAddress(from);
    const br = parseAddress(to);
    return tl && br ? { c0: tl.column, r0: tl.row, c1: br.column, r1: br.row } : null;
  };
  const i = corners(inner);
  const o = corners(outer);
  return i !== null && o !== null && i.c0 >= o.c0 && i.c1 <= o.c1 && i.r0 >= o.r0 && i.r1 <= o.r1;
}

/**
 * Whether a change event is someone else's. Excel raises onChanged for our own writes too; from ExcelApi 1.14
 * `triggerSource` says exactly which are ours ("ThisLocalAddin"). Older hosts leave it out: there, a change within
 * a short quiet window after our writes is taken as ours only where it lands in what we wrote (the status
 * column, our summary sheet); a user's edit anywhere else in that window is still seen.
 */
export function isOthersChange(
  event: { triggerSource?: string; worksheetId?: string; address?: string } | undefined,
  now = Date.now(),
): boolean {
  const source = event?.triggerSource;
  if (source !== undefined) return source !== 'ThisLocalAddin';
  if (now >= quietUntil) return true;
  // Without a place to compare (or no record of our areas), the window alone decides, as before.
  if (!event?.worksheetId || !event.address || ownAreas.length === 0) return false;
  const { worksheetId, address } = event;
  return !ownAreas.some((a) => a.sheetId === worksheetId && (a.range === null || within(address, a.range)));
}

/** Listens for the user's changes to any sheet (ours are ignored); resolves to a function that stops listening. */
export async function onWorkbookChange(callback: () => void): Promise<() => void> {
  const handler = await runExcel(
    async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        if (isOthersChange(event)) callback();
      });
      await context.sync();
      return result;
    },
    undefined,
    undefined,
    'read',
  );
  return () => {
    void runExcel(
      async (context) => {
        handler.remove();
        await context.sync();
      },
      undefined,
      handler.context,
    ).catch(() => undefined);
  };
}

/** The Excel implementation of the pane's host; `analyse` lets the pane run the analysis in a worker. */
export function createExcelHost(analyse?: Analyser): PlanHost {
  const options = analyse ? { analyse } : {};
  return {
    check: (settings, sheet) => runPlan(settings, { format: false, summary: false }, sheet, { ...options, preview: true }),
    run: (settings, parts, sheet) => runPlan(settings, parts, sheet, options),
    select: selectCell,
    selection: activeCell,
    loadSettings,
    saveSettings,
    onChange: onWorkbookChange,
  };
}
