import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { analyseSheet } from '../core/analyse';
import { HostError } from '../core/errors';
import { planFormat, statusMovedFinding } from '../core/formatPlan';
import { buildSummary, freeSummaryName } from '../core/summaryModel';
import type { Movement } from '../core/movement';
import type { AnalyseOptions, Analysis, Finding, SheetSnapshot } from '../core/types';
import { partsThatWouldBeLost } from './package';
import { readSnapshot } from './read';
import { applyFormat, findOurSummary, removeOurName, removeOurRules, writeSummary } from './write';

/** A workbook read from disk, with what a rewrite through exceljs would lose. */
export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly lost: readonly string[];
}

/** Reads an .xlsx file; an unreadable file is a FileUnreadable HostError with a plain reason. */
export async function loadWorkbook(path: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw new HostError(
      'FileUnreadable',
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
      { cause: error },
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new HostError('FileUnreadable', `${basename(path)} is not a readable .xlsx workbook (${(error as Error).message}).`, {
      cause: error,
    });
  }
  return { workbook, lost: await partsThatWouldBeLost(bytes) };
}

/**
 * Reads an .xlsx already in memory (the command reads and identifies the file itself). An unreadable
 * package is a FileUnreadable HostError in plain words: the library's own message never reaches the user.
 */
export async function loadWorkbookBytes(bytes: Uint8Array, name: string): Promise<LoadedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new HostError('FileUnreadable', `${name} is not a readable .xlsx workbook: a part inside it is damaged or missing.`, {
      cause: error,
    });
  }
  return { workbook, lost: await partsThatWouldBeLost(bytes) };
}

/** The workbook as .xlsx bytes, for the command to write carefully. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One analysed worksheet. */
export interface CheckedSheet {
  readonly worksheet: ExcelJS.Worksheet;
  readonly snapshot: SheetSnapshot;
  readonly analysis: Analysis;
}

/**
 * The sheet to work on: the one named, or the first worksheet on which a table is found (our own
 * summary sheet is never a candidate). Without a table anywhere, the first sheet's analysis (TABLE_NOT_FOUND).
 */
export function chooseSheet(workbook: ExcelJS.Workbook, options: AnalyseOptions, sheet?: string): CheckedSheet {
  const ours = findOurSummary(workbook);
  if (sheet !== undefined) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) {
      const names = workbook.worksheets.map((w) => `"${w.name}"`).join(', ');
      throw new HostError('SheetMissing', `There is no sheet "${sheet}" in this workbook (it has ${names || 'no worksheets'}).`);
    }
    const snapshot = readSnapshot(ws);
    return { worksheet: ws, snapshot, analysis: analyseSheet(snapshot, options) };
  }
  let first: CheckedSheet | null = null;
  for (const ws of workbook.worksheets) {
    if (ws === ours) continue;
    const snapshot = readSnapshot(ws);
    const checked = { worksheet: ws, snapshot, analysis: analyseSheet(snapshot, options) };
    if (checked.analysis.table) return checked;
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

/** Formats, flags and summarises a checked sheet inside the workbook (in memory); `movement` adds the "Since ..." block. */
export function applyToWorkbook(
  workbook: ExcelJS.Workbook,
  checked: CheckedSheet,
  options: { statusColumn: boolean; generatedAt: string; movement?: Movement },
): ApplyResult {
  const { worksheet, snapshot, analysis } = checked;
  if (!analysis.table) return { applied: [], notes: [], summarySheet: null };
  const applied: string[] = [];
  const notes: Finding[] = [];
  const plan = planFormat(analysis, snapshot, { statusColumn: options.statusColumn });
  if (plan) {
    const removed = removeOurRules(worksheet);
    applyFormat(worksheet, plan);
    applied.push(
      `Formatted ${plan.tableRange} on "${worksheet.name}" with ${plan.rules.length} rules${removed > 0 ? ` (replacing ${removed} of ours)` : ''}`,
    );
    if (plan.status) applied.push(`Status column ${plan.status.column} ("${plan.status.header}")`);
    const moved = statusMovedFinding(plan, analysis.table);
    if (moved) notes.push(moved);
  }
  const ours = findOurSummary(workbook);
  const name = ours?.name ?? freeSummaryName(workbook.worksheets.map((w) => w.name));
  const position = ours ? workbook.worksheets.indexOf(ours) : undefined;
  if (ours) workbook.removeWorksheet(ours.id);
  removeOurName(workbook);
  writeSummary(workbook, name, buildSummary(analysis, options.generatedAt, name, options.movement), position);
  applied.push(`Summary sheet "${name}"${ours ? ' (replaced ours)' : ''}`);
  return { applied, notes, summarySheet: name };
}

/** Writes the workbook to a temporary file beside `out`, then renames it: a failure never leaves a half-written workbook. */
export async function writeAtomically(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(dirname(out), { recursive: true });
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, out);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new HostError('WriteInterrupted', `Could not write ${out}: ${(error as Error).message}. The input file was not changed.`, {
      cause: error,
    });
  }
}
