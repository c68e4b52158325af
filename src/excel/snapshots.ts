import { datesToKeep, previousAsAt } from '../core/figures/keptMovement';
import type { PlanSnapshot } from '../core/figures/movement';
import { keptAsAt, MAX_SNAPSHOT_XML, readSnapshotXml, snapshotXml } from '../core/figures/snapshotXml';
import { supports } from './run';

/**
 * Kept snapshots in the workbook (SPEC, M2.6): one custom XML part per kept return (ExcelApi 1.5), in a namespace of
 * ours ending with its as-at date, never a sheet. Every part's id and namespace is listed with the first read (a few
 * bytes each), so the kept returns are known without reading them; only the one a run compares with is read. For a
 * plan read whole in the first request, the newest two are read with the meta read the run already makes (one of
 * them is the previous return unless an older return is re-run); otherwise the one needed is read in one more sync,
 * since a large plan's snapshot (about 200 bytes a row) would not fit beside a block of rows.
 */

/** The requirement set of `Workbook.customXmlParts`. */
export const CUSTOM_XML_API = '1.5';
/** Kept returns read with the meta read of a plan read whole. */
export const PREFETCHED = 2;

/** Lists every custom XML part's id and namespace; null where the host has no custom XML parts. */
export function queueKeptParts(context: Excel.RequestContext): Excel.CustomXmlPartCollection | null {
  if (!supports(CUSTOM_XML_API, false)) return null;
  const parts = context.workbook.customXmlParts;
  parts.load('items/id,items/namespaceUri');
  return parts;
}

export interface KeptPart {
  readonly part: Excel.CustomXmlPart;
  readonly asAt: string;
}

/** What the workbook keeps: our parts, oldest first, and the XML already asked for. */
export interface Kept {
  readonly available: boolean;
  readonly parts: readonly KeptPart[];
  readonly xml: Map<Excel.CustomXmlPart, OfficeExtension.ClientResult<string>>;
}

/** Our parts among those listed (a namespace of ours naming a date); every other part is someone else's and left alone. */
export function listKept(parts: Excel.CustomXmlPartCollection | null): Kept {
  if (!parts) return { available: false, parts: [], xml: new Map() };
  // Word on the web has left `items` undefined for an empty collection (office-js #6673): read that as empty.
  const items = (parts.items as Excel.CustomXmlPart[] | undefined) ?? [];
  const ours = items.flatMap((part) => {
    const asAt = keptAsAt(part.namespaceUri);
    return asAt === null ? [] : [{ part, asAt }];
  });
  return { available: true, parts: ours.sort((a, b) => (a.asAt < b.asAt ? -1 : a.asAt > b.asAt ? 1 : 0)), xml: new Map() };
}

/** Queues the XML of the newest `count` kept returns; how many were queued. */
export function queueNewestXml(kept: Kept, count = PREFETCHED): number {
  const newest = kept.parts.slice(-count);
  for (const { part } of newest) kept.xml.set(part, part.getXml());
  return newest.length;
}

/** The kept return dated before `asAt` that a run compares with, read (one sync when it was not read already); null when none. */
export async function readPrevious(
  context: Excel.RequestContext,
  kept: Kept,
  asAt: string,
): Promise<{ asAt: string; snapshot: PlanSnapshot | null } | null> {
  const date = previousAsAt(
    kept.parts.map((p) => p.asAt),
    asAt,
  );
  const found = kept.parts.filter((p) => p.asAt === date).at(-1);
  if (date === null || !found) return null;
  let xml = kept.xml.get(found.part);
  if (!xml) {
    xml = found.part.getXml();
    await context.sync();
  }
  // A ClientResult is filled by the sync that ran it (prefetched, or just above): it has no load().
  // eslint-disable-next-line office-addins/load-object-before-read
  return { asAt: date, snapshot: readSnapshotXml(xml.value) };
}

/**
 * Queues the write of this return's snapshot: its date's part rewritten in place (a re-run), or a new part; then
 * the parts of ours past the newest SNAPSHOTS_KEPT dates, and duplicates, deleted. False (nothing queued) when the
 * snapshot is too large to send beside the run's other writes.
 */
export function queueKeep(context: Excel.RequestContext, kept: Kept, snapshot: PlanSnapshot): boolean {
  const xml = snapshotXml(snapshot);
  if (xml.length > MAX_SNAPSHOT_XML) return false;
  const same = kept.parts.filter((p) => p.asAt === snapshot.asAt);
  const [first, ...duplicates] = same;
  if (first) first.part.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  const keep = new Set(
    datesToKeep(
      kept.parts.map((p) => p.asAt),
      snapshot.asAt,
    ),
  );
  for (const p of kept.parts) if (duplicates.includes(p) || !keep.has(p.asAt)) p.part.delete();
  return true;
}
