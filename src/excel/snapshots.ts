import { keepSnapshots, type PlanSnapshot } from '../core/movement';
import { readSnapshotsXml, SNAPSHOT_NAMESPACE, snapshotsXml } from '../core/snapshotXml';
import { supports } from './run';

/**
 * Kept snapshots in the workbook (SPEC, M2.6): one custom XML part of our namespace (ExcelApi 1.5), never a
 * sheet. The parts are listed with the first read and their XML fetched with the meta read that follows, so
 * keeping snapshots adds no round trip of its own where the run already makes that read (a re-run does: our
 * rules and summary marker are there to be read); the part is written with the run's other writes.
 */

/** The requirement set of `Workbook.customXmlParts`. */
export const CUSTOM_XML_API = '1.5';

/** Lists the parts of our namespace (their ids only); null where the host has no custom XML parts. */
export function queueKeptParts(context: Excel.RequestContext): Excel.CustomXmlPartScopedCollection | null {
  if (!supports(CUSTOM_XML_API, false)) return null;
  const parts = context.workbook.customXmlParts.getByNamespace(SNAPSHOT_NAMESPACE);
  parts.load('items/id');
  return parts;
}

export interface QueuedKept {
  readonly available: boolean;
  readonly xml: readonly { readonly part: Excel.CustomXmlPart; readonly xml: OfficeExtension.ClientResult<string> }[];
}

/** Queues the XML of each listed part, after the sync that listed them. */
export function queueKeptXml(parts: Excel.CustomXmlPartScopedCollection | null): QueuedKept {
  // Word on the web leaves `items` undefined for an empty namespace (office-js #6673): read it as empty.
  const items = parts ? ((parts.items as Excel.CustomXmlPart[] | undefined) ?? []) : [];
  return { available: parts !== null, xml: items.map((part) => ({ part, xml: part.getXml() })) };
}

/** What the workbook keeps: our parts (to rewrite) and the snapshots they hold, oldest first, at most SNAPSHOTS_KEPT. */
export interface Kept {
  readonly available: boolean;
  readonly ours: readonly Excel.CustomXmlPart[];
  readonly snapshots: readonly PlanSnapshot[];
}

/** Reads the parts' XML after its sync. A part of another format or root is left out, and later left alone. */
export function readKept(queued: QueuedKept): Kept {
  const ours: Excel.CustomXmlPart[] = [];
  let snapshots: PlanSnapshot[] = [];
  for (const { part, xml } of queued.xml) {
    const read = readSnapshotsXml(xml.value);
    if (!read.ours) continue;
    ours.push(part);
    for (const s of read.snapshots) snapshots = keepSnapshots(snapshots, s);
  }
  return { available: queued.available, ours, snapshots };
}

/** Queues the write of the snapshots to keep: our first part rewritten in place, any other of ours deleted, or a new part. */
export function queueKeep(context: Excel.RequestContext, kept: Kept, snapshots: readonly PlanSnapshot[]): void {
  const xml = snapshotsXml(snapshots);
  const [first, ...extra] = kept.ours;
  if (first) first.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  for (const part of extra) part.delete();
}
