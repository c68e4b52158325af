import { HostError } from '../core/errors';
import { compareSnapshots, snapshotOf, type Movement, type PlanSnapshot } from '../core/figures/movement';
import type { AnalyseOptions } from '../core/types';
import { chooseSheet, openWorkbook } from '../xlsx/workbook';

/** A file the user picked. */
export type PickedFile = Blob & { readonly name: string };

/** The file's bytes: Blob.arrayBuffer where the webview has it, else a FileReader (older webviews, jsdom). */
function bytesOf(file: PickedFile): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read.`));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Reads a previous return's .xlsx in the pane (the command's reader, inflating with fflate in the browser), analyses
 * it at its own as-at date, and compares the current return with it (SPEC, M2). The pane loads this module only when
 * the user picks a file, so its first bundle does not carry the .xlsx reader.
 */
export async function movementFromFile(
  file: PickedFile,
  current: PlanSnapshot,
  scaleLevels: readonly string[],
  options: AnalyseOptions,
): Promise<{ movement: Movement; sheet: string }> {
  const bytes = await bytesOf(file);
  const checked = chooseSheet(openWorkbook(bytes, file.name), options);
  if (!checked.analysis.table) {
    throw new HostError('SheetMissing', `No action-plan table was found in ${file.name}, so there is nothing to compare with.`);
  }
  return {
    movement: compareSnapshots(snapshotOf(checked.analysis, checked.snapshot), current, scaleLevels),
    sheet: checked.analysis.sheet,
  };
}
