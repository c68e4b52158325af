import { analyseSheet } from '../core/analyse';
import { HostError } from '../core/errors';
import { planFormat, statusMovedFinding } from '../core/plans/formatPlan';
import { describeWritten, statusColumnWritten } from '../core/plans/describePlan';
import { FINGERPRINT_COLUMNS, FINGERPRINT_ROWS, isOurSummarySheet, looksLikeOurSheet, summaryFingerprint } from '../core/plans/summaryMark';
import { pageSetupOwner, planSummaryPrint, planTablePrint } from '../core/plans/printPlan';
import { buildChaseSheet } from '../core/plans/chaseSheet';
import {
  buildSummary,
  CHASE_MARKER_NAME,
  CHASE_SHEET_NAME,
  freeSummaryName,
  SUMMARY_MARKER_NAME,
  type SummaryModel,
} from '../core/plans/summaryModel';
import type { Movement } from '../core/figures/movement';
import type { AnalyseOptions, Analysis, Finding, SheetSnapshot } from '../core/types';
import { statusCoveredFindings } from '../core/plans/statusCovered';
import { isStrict, toStrict } from './conformance';
import { sheetDrawings } from './drawings';
import { handleSignature } from './signature';
import { readWorkbook, relsPath, sheetOfReference, XlsxPackage, type SheetEntry, type WorkbookInfo } from './package';
import { readCellFormats, readSharedStrings, readSheet, type SheetRead } from './read';
import { applyPrint, patchPrintNames, readPageSetup, type PrintNames } from './printSetup';
import { patchSheet } from './sheetPatch';
import { EMPTY_STYLES, MAX_CELL_FORMATS, StyleBook } from './styles';
import { chartXml, drawingXml, relsXml, sheetRef, summarySheetXml } from './summarySheet';
import {
  addRel,
  CONTENT_TYPES,
  freePart,
  ownedParts,
  patchWorkbookXml,
  REL_TYPES,
  relativeTarget,
  sheetIndexMap,
  updateContentTypes,
  type Marker,
  type NewSheet,
} from './workbookPatch';

/** An .xlsx package opened for checking and patching. */
export class XlsxWorkbook {
  readonly info: WorkbookInfo;
  private strings: string[] | undefined;
  private formats: string[] | undefined;

  constructor(readonly pkg: XlsxPackage) {
    this.info = readWorkbook(pkg);
    // What we add to a Strict workbook is written Strict too, never a Transitional part in a Strict package.
    if (isStrict(pkg.text(this.info.part) ?? '')) pkg.conform = toStrict;
  }

  /** The styles part's name (from the workbook's relationships). */
  get stylesPart(): string | undefined {
    const rel = this.info.rels.find((r) => /\/styles$/.test(r.type));
    return rel ? this.pkg.find(rel.target) : undefined;
  }

  /** Reads one worksheet into a snapshot (shared strings and number formats read once). */
  read(sheet: SheetEntry): SheetRead {
    if (sheet.kind !== 'worksheet' || !sheet.part)
      return { snapshot: { name: sheet.name, origin: 'A1', values: [] }, protected: false, cellCount: 0 };
    if (!this.strings) {
      const rel = this.info.rels.find((r) => /\/sharedStrings$/.test(r.type));
      this.strings = readSharedStrings(rel ? this.pkg.text(rel.target) : undefined);
    }
    this.formats ??= readCellFormats(this.stylesPart ? this.pkg.text(this.stylesPart) : undefined);
    const xml = this.pkg.text(sheet.part) ?? '';
    return readSheet(xml, sheet.name, { strings: this.strings, formats: this.formats, date1904: this.info.date1904 });
  }

  /** Our summary sheet: the one the marker name points at, and only when its fingerprint matches. */
  ourSummary(): SheetEntry | undefined {
    return this.ourSheet(SUMMARY_MARKER_NAME);
  }

  /** One of our sheets (summary, chase sheet): the one its marker name points at, and only when its fingerprint matches. */
  ourSheet(markerName: string): SheetEntry | undefined {
    const marker = this.info.definedNames.find((n) => n.name === markerName && n.localSheetId === undefined);
    if (!marker) return undefined;
    const name = sheetOfReference(marker.refersTo);
    const sheet = this.info.sheets.find((s) => s.name === name && s.kind === 'worksheet');
    if (!sheet) return undefined;
    const top = this.read(sheet).snapshot.values.slice(0, FINGERPRINT_ROWS);
    return isOurSummarySheet(sheet.name, top, marker.comment) ? sheet : undefined;
  }
}

/** A workbook opened for checking and patching. */
export interface LoadedWorkbook {
  readonly workbook: XlsxWorkbook;
}

/** Opens .xlsx bytes; anything unreadable is a FileUnreadable (or PayloadTooLarge) HostError with a plain reason. */
export function openWorkbook(bytes: Uint8Array, label = 'This file'): XlsxWorkbook {
  try {
    return new XlsxWorkbook(new XlsxPackage(bytes));
  } catch (error) {
    if (error instanceof HostError)
      throw new HostError(error.code, error.message.replace(/^This/, error.code === 'FileUnreadable' ? label : 'This'), { cause: error });
    throw new HostError('FileUnreadable', `${label} is not a readable .xlsx workbook (${(error as Error).message}).`, { cause: error });
  }
}

/** Opens .xlsx bytes the command has already read and identified (src/cli/files.ts). */
export function loadWorkbookBytes(bytes: Uint8Array, name: string): Promise<LoadedWorkbook> {
  return Promise.resolve({ workbook: openWorkbook(bytes, name) });
}

/** One analysed worksheet. */
export interface CheckedSheet {
  readonly sheet: SheetEntry;
  readonly read: SheetRead;
  readonly snapshot: SheetSnapshot;
  readonly analysis: Analysis;
}

function check(workbook: XlsxWorkbook, sheet: SheetEntry, options: AnalyseOptions): CheckedSheet {
  const read = workbook.read(sheet);
  return { sheet, read, snapshot: read.snapshot, analysis: analyseSheet(read.snapshot, options) };
}

/**
 * The sheet to work on: the one named, or the first worksheet on which a table is found (our own
 * sheets are never candidates, nor a sheet laid out as ours under another name). Without a table anywhere, the first sheet's analysis (TABLE_NOT_FOUND).
 */
export function chooseSheet(workbook: XlsxWorkbook, options: AnalyseOptions, name?: string): CheckedSheet {
  const worksheets = workbook.info.sheets.filter((s) => s.kind === 'worksheet' && s.part !== undefined);
  if (name !== undefined) {
    const sheet = workbook.info.sheets.find((s) => s.name === name);
    if (!sheet) {
      const names = worksheets.map((w) => `"${w.name}"`).join(', ');
      throw new HostError('SheetMissing', `There is no sheet "${name}" in this workbook (it has ${names || 'no worksheets'}).`);
    }
    if (sheet.kind !== 'worksheet') throw new HostError('ChartSheet', `"${name}" is a chart sheet, not a worksheet; nothing was written.`);
    return check(workbook, sheet, options);
  }
  const ours = [workbook.ourSummary(), workbook.ourSheet(CHASE_MARKER_NAME)];
  let first: CheckedSheet | null = null;
  for (const sheet of worksheets) {
    if (ours.includes(sheet)) continue;
    const checked = check(workbook, sheet, options);
    // A summary of ours kept under another name (last quarter's) sits before the plan: never take it for one.
    if (checked.analysis.table && !looksLikeOurSheet(checked.snapshot.values.slice(0, FINGERPRINT_ROWS))) return checked;
    first ??= checked;
  }
  if (!first) throw new HostError('SheetMissing', 'This workbook has no worksheets.');
  return first;
}

/** What `apply` did. */
export interface ApplyResult {
  readonly applied: readonly string[];
  readonly notes: readonly Finding[];
  readonly summarySheet: string | null;
}

/** Refuses a protected sheet or a workbook whose structure is locked, before anything changes. */
function refuseProtected(workbook: XlsxWorkbook, checked: CheckedSheet): void {
  if (checked.read.protected)
    throw new HostError(
      'SheetProtected',
      `"${checked.sheet.name}" is protected; unprotect it (Review > Unprotect Sheet) and run again. Nothing was written.`,
    );
  if (workbook.info.structureLocked)
    throw new HostError(
      'SheetProtected',
      'The workbook structure is protected, so no summary sheet can be added; unprotect it (Review > Protect Workbook) and run again. Nothing was written.',
    );
}

/** The styles of the package, creating the styles part when a package has none. */
function styleBook(workbook: XlsxWorkbook): { book: StyleBook; part: string } {
  const part = workbook.stylesPart;
  if (part) return { book: new StyleBook(workbook.pkg.text(part) ?? EMPTY_STYLES), part };
  const created = 'xl/styles.xml';
  addRel(workbook.pkg, workbook.info.part, REL_TYPES.styles, created);
  updateContentTypes(workbook.pkg, [[created, CONTENT_TYPES.styles]], []);
  return { book: new StyleBook(EMPTY_STYLES), part: created };
}

/**
 * Formats, flags and summarises a checked sheet inside the package (in memory): the analysed sheet's
 * XML, the styles (appended), the workbook part, its rels and content types, and our summary sheet's
 * own parts change; every other part stays as it was stored. `movement` adds the "Since ..." block.
 */
export function applyToWorkbook(
  workbook: XlsxWorkbook,
  checked: CheckedSheet,
  options: { statusColumn: boolean; generatedAt: string; movement?: Movement; removeSignature?: boolean },
): ApplyResult {
  const { sheet, snapshot, analysis } = checked;
  if (!analysis.table || !sheet.part) return { applied: [], notes: [], summarySheet: null };
  refuseProtected(workbook, checked);
  const unsigned = handleSignature(workbook.pkg, options.removeSignature === true);
  const { book, part: stylesPart } = styleBook(workbook);
  const notes: Finding[] = [];
  const plan = planFormat(analysis, snapshot, { statusColumn: options.statusColumn });
  const printNames: PrintNames[] = [];
  const extra: string[] = [];
  let ourRules = 0;
  const before = workbook.pkg.text(sheet.part) ?? '';
  if (plan) {
    const patched = patchSheet(before, plan, book);
    // The page setup is ours to set only where the user has none of their own (P1.2); row heights always.
    const print = planTablePrint(analysis, snapshot, plan);
    const localSheetId = workbook.info.sheets.indexOf(sheet);
    const ownNames = workbook.info.definedNames.filter((n) => n.localSheetId === String(localSheetId));
    const owner = pageSetupOwner(readPageSetup(before, ownNames));
    workbook.pkg.set(sheet.part, print ? applyPrint(patched.xml, print, owner !== 'user') : patched.xml);
    ourRules = patched.replaced;
    const moved = statusMovedFinding(plan, analysis.table);
    if (moved) notes.push(moved);
    notes.push(...statusCoveredFindings(plan, sheetDrawings(workbook.pkg, sheet.part)));
    if (print && owner !== 'user') {
      printNames.push({ localSheetId, plan: print });
      extra.push(`Set "${sheet.name}" to print on A4 landscape, 1 page wide, with the header on every page and page numbers`);
    } else if (print) extra.push(`Kept the page setup of "${sheet.name}" as you set it`);
  }
  const planUnchanged = !plan || workbook.pkg.text(sheet.part) === before;
  const name = writeOurSheets(workbook, analysis, book, { generatedAt: options.generatedAt, movement: options.movement, planUnchanged });
  // Our sheets print without print titles or areas: only the plan's names, at the plan's index after our inserts.
  const renamed = printNames.map((n) => ({ ...n, localSheetId: name.indexOf(n.localSheetId) }));
  workbook.pkg.set(workbook.info.part, patchPrintNames(workbook.pkg.text(workbook.info.part) ?? '', renamed));
  // The same plain words as the pane's (describeWritten), no rule counts.
  const applied = describeWritten({
    format: plan,
    statusWritten: plan ? statusColumnWritten(plan, snapshot) : false,
    ourRules,
    summary: { name: name.name, ours: name.replaced },
    chase: { name: name.chase, ours: name.chaseReplaced },
    summaryFirst: name.first,
  });
  if (plan && !plan.status && options.statusColumn) applied.splice(1, 0, 'No status column: no column right of the table is empty');
  applied.push(...extra);
  if (unsigned) applied.push(unsigned);
  if (book.full)
    applied.push(
      `Some formatting was left out: the workbook already has ${book.cellFormatCount.toLocaleString('en-GB')} cell formats and no more are added past ${MAX_CELL_FORMATS.toLocaleString('en-GB')} (Excel repairs a workbook with about 65,000); cells without one keep their own format`,
    );
  workbook.pkg.set(stylesPart, book.toXml());
  return { applied, notes, summarySheet: name.name };
}

/** One of our sheets written into the package: its part (replaced, or new and waiting for its place in `<sheets>`). */
function writeOurSheet(
  workbook: XlsxWorkbook,
  ours: SheetEntry | undefined,
  model: SummaryModel,
  book: StyleBook,
  asAt: string,
): { newSheet?: Omit<NewSheet, 'index'>; added: [string, string][]; removed: string[] } {
  const { pkg, info } = workbook;
  const removed: string[] = [];
  let part: string;
  let newSheet: Omit<NewSheet, 'index'> | undefined;
  if (ours?.part) {
    part = ours.part;
    for (const p of ownedParts(pkg, part)) {
      pkg.remove(p);
      removed.push(p);
    }
  } else {
    part = freePart(pkg, (n) => `xl/worksheets/sheet${n}.xml`);
    const rid = addRel(pkg, info.part, REL_TYPES.worksheet, part);
    newSheet = { name: model.sheetName, sheetId: 0, rid };
  }
  const added: [string, string][] = [[part, CONTENT_TYPES.worksheet]];
  let drawingRid: string | null = null;
  if (model.chart) {
    const drawing = freePart(pkg, (n) => `xl/drawings/drawing${n}.xml`);
    const chart = freePart(pkg, (n) => `xl/charts/chart${n}.xml`);
    pkg.set(chart, chartXml(model));
    pkg.set(drawing, drawingXml(model, 'rId1'));
    pkg.set(relsPath(drawing), relsXml([{ id: 'rId1', type: REL_TYPES.chart, target: relativeTarget(drawing, chart) }]));
    drawingRid = 'rId1';
    pkg.set(relsPath(part), relsXml([{ id: 'rId1', type: REL_TYPES.drawing, target: relativeTarget(part, drawing) }]));
    added.push([drawing, CONTENT_TYPES.drawing], [chart, CONTENT_TYPES.chart]);
  }
  pkg.set(part, applyPrint(summarySheetXml(model, book, drawingRid, info.date1904), planSummaryPrint(model, asAt), true));
  return { ...(newSheet ? { newSheet } : {}), added, removed };
}

const cellKey = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));

/**
 * One of our sheets for this run. When the plan sheet came out as it was and our old sheet says everything the new
 * one would but for its "Generated" date, the old date is kept: a run that changes nothing writes the very same
 * bytes, whenever it runs.
 */
function stableModel(
  workbook: XlsxWorkbook,
  ours: SheetEntry | undefined,
  build: (stamp: string) => SummaryModel,
  run: { generatedAt: string; planUnchanged: boolean },
): SummaryModel {
  const model = build(run.generatedAt);
  if (!ours || !run.planUnchanged) return model;
  const old = workbook.read(ours).snapshot.values;
  const stamp = old.slice(0, FINGERPRINT_ROWS).find((row) => row[0] === 'Generated')?.[1];
  if (typeof stamp !== 'string' || stamp === run.generatedAt) return model;
  const again = build(stamp);
  const rows = Math.max(old.length, again.rows.length);
  for (let r = 0; r < rows; r++) {
    const a = old[r] ?? [];
    const b = again.rows[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) if (cellKey(a[c]) !== cellKey(b[c]?.value)) return model;
  }
  return again;
}

/** Our marker for a sheet we wrote: it points at the sheet's A1, with the fingerprint of the sheet's top. */
function markerOf(name: string, model: SummaryModel): Marker {
  const top = model.rows.slice(0, FINGERPRINT_ROWS).map((row) => row.slice(0, FINGERPRINT_COLUMNS).map((c) => c.value));
  return { name, refersTo: sheetRef(model.sheetName, 'A1'), comment: summaryFingerprint(model.sheetName, top) };
}

/**
 * Where our new sheets go in `<sheets>` (final indices): the summary first in the workbook, the chase sheet right
 * after it, so printing the whole workbook starts with the committee's pages. A sheet of ours already there keeps
 * its place (the user may have moved it), and a new one goes beside it.
 */
function placesOf(sheets: readonly SheetEntry[], pack: readonly (SheetEntry | undefined)[]): number[] {
  const places: number[] = [];
  let inserted = 0;
  pack.forEach((ours, i) => {
    if (ours) {
      places.push(sheets.indexOf(ours) + inserted);
      return;
    }
    const previous = places[i - 1];
    const nextOurs = pack.slice(i + 1).find((s) => s !== undefined);
    places.push(previous !== undefined ? previous + 1 : nextOurs ? sheets.indexOf(nextOurs) + inserted : 0);
    inserted++;
  });
  return places;
}

/**
 * Writes our sheets (SPEC M1): the summary (the committee's pages, with its chart) and the chase sheet (the full
 * chase list and the preparer's checks), and their markers with their fingerprints. Ours are replaced in place;
 * new ones are inserted at the front of the workbook (placesOf), every sheet index in the workbook part renumbered.
 */
function writeOurSheets(
  workbook: XlsxWorkbook,
  analysis: Analysis,
  book: StyleBook,
  run: { generatedAt: string; movement: Movement | undefined; planUnchanged: boolean },
): { name: string; replaced: boolean; chase: string; chaseReplaced: boolean; first: boolean; indexOf: (old: number) => number } {
  const { pkg, info } = workbook;
  const ours = [workbook.ourSummary(), workbook.ourSheet(CHASE_MARKER_NAME)] as const;
  const taken = info.sheets.map((s) => s.name);
  const name = ours[0]?.name ?? freeSummaryName(taken);
  const chase = ours[1]?.name ?? freeSummaryName([...taken, name], CHASE_SHEET_NAME);
  const keep = (i: 0 | 1, build: (stamp: string) => SummaryModel) => stableModel(workbook, ours[i], build, run);
  const models = [
    keep(0, (stamp) => buildSummary(analysis, stamp, name, run.movement, chase)),
    keep(1, (stamp) => buildChaseSheet(analysis, stamp, chase)),
  ] as const;
  const written = models.map((model, i) => writeOurSheet(workbook, ours[i], model, book, analysis.asAt));
  const places = placesOf(info.sheets, ours);
  let sheetId = Math.max(0, ...info.sheets.map((s) => Number(s.sheetId) || 0));
  const added: NewSheet[] = [];
  written.forEach((w, i) => {
    if (w.newSheet) added.push({ ...w.newSheet, sheetId: ++sheetId, index: places[i] ?? 0 });
  });
  const markers = [markerOf(SUMMARY_MARKER_NAME, models[0]), markerOf(CHASE_MARKER_NAME, models[1])];
  pkg.set(info.part, patchWorkbookXml(pkg.text(info.part) ?? '', { sheets: added, markers }));
  const adds = written.flatMap((w) => w.added);
  updateContentTypes(
    pkg,
    adds,
    written.flatMap((w) => w.removed).filter((p) => !adds.some(([a]) => a === p)),
  );
  return {
    name,
    replaced: ours[0] !== undefined,
    chase,
    chaseReplaced: ours[1] !== undefined,
    first: places[0] === 0,
    indexOf: sheetIndexMap(info.sheets.length, added),
  };
}

/** The package as bytes, ready to write. */
export function workbookBytes(workbook: XlsxWorkbook): Uint8Array {
  return workbook.pkg.toBytes();
}
