import { readPlanSnapshot, type PlanSnapshot, type SnapshotItem } from './movement';

/**
 * Kept snapshots as custom XML parts (SPEC, M2.6): one part per kept return, in a namespace of ours that ends with
 * the return's as-at date, so a host can list the kept returns (ids and namespaces) without reading them, and read
 * only the one a run compares with. Pure string work, so any adapter can read and write the parts.
 */

/** Our namespaces start with this; the rest is the return's as-at date (`urn:action-plan-checker:snapshot:2002-03-31`). */
export const SNAPSHOT_NAMESPACE = 'urn:action-plan-checker:snapshot:';
/** The root element's `format`: a part of another format (a later version's) is read as damaged, never misread. */
export const SNAPSHOT_XML_FORMAT = '1';
/** The largest part we write (characters): a request carries at most 5 MB with everything else a run writes. */
export const MAX_SNAPSHOT_XML = 2_500_000;

/** The namespace of the part that keeps the return as at `asAt`. */
export const snapshotNamespace = (asAt: string) => `${SNAPSHOT_NAMESPACE}${asAt}`;

/** The as-at date a namespace of ours names, or null for any other namespace. */
export function keptAsAt(namespaceUri: string): string | null {
  if (!namespaceUri.startsWith(SNAPSHOT_NAMESPACE)) return null;
  const asAt = namespaceUri.slice(SNAPSHOT_NAMESPACE.length);
  return /^\d{4}-\d{2}-\d{2}$/.test(asAt) ? asAt : null;
}

/** JSON with every character outside printable ASCII as a \u escape: the part is plain ASCII, so no character can be illegal in XML. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The fields of an item in the order a row of the part holds them: positional, about half the size of keyed JSON. */
const FIELDS = [
  'id',
  'row',
  'key',
  'textKey',
  'words',
  'level',
  'complete',
  'excluded',
  'due',
  'timescaleHash',
  'overdue',
  'progressHash',
] as const satisfies readonly (keyof SnapshotItem)[];

/** The part's XML for one snapshot: its items as rows of escaped JSON under a root in the return's own namespace. */
export function snapshotXml(snapshot: PlanSnapshot): string {
  const body = {
    version: snapshot.version,
    asAt: snapshot.asAt,
    scale: snapshot.scale,
    fields: FIELDS,
    rows: snapshot.items.map((item) => FIELDS.map((f) => item[f])),
  };
  return `<snapshot xmlns="${snapshotNamespace(snapshot.asAt)}" format="${SNAPSHOT_XML_FORMAT}">${escapeText(asciiJson(body))}</snapshot>`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data back to text: the five predefined entities, character references and CDATA sections. */
function decodeText(raw: string): string {
  return raw.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi,
    (whole, cdata: string | undefined, ref: string | undefined) => {
      if (cdata !== undefined) return cdata;
      if (ref === undefined) return whole;
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[ref.toLowerCase()] ?? whole;
    },
  );
}

/** The value of attribute `name` in a start tag's text, decoded; null when absent. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeText(m[2] ?? m[3] ?? '') : null;
}

/** Rows back to items: null when the body is not the positional form this version writes. */
function itemsOf(body: Record<string, unknown>): unknown[] | null {
  const fields = body.fields;
  if (!Array.isArray(fields) || fields.length !== FIELDS.length || fields.some((f, i) => f !== FIELDS[i])) return null;
  if (!Array.isArray(body.rows)) return null;
  return body.rows.map((row) => (Array.isArray(row) ? Object.fromEntries(FIELDS.map((f, i) => [f, row[i]])) : null));
}

/**
 * Reads a part's XML (as the host gives it back: any prefix, declaration, comments, quotes or entity style). The
 * snapshot, or null when the part is not one of ours this version wrote: another root, namespace or format, damaged
 * JSON, a value that is not a version-1 snapshot (readPlanSnapshot gives null), or a date other than its namespace's.
 */
export function readSnapshotXml(xml: string): PlanSnapshot | null {
  const text = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(text);
  if (!root || root[2] !== 'snapshot') return null;
  const prefix = root[1] ?? '';
  const tag = root[0];
  const namespace = attribute(tag, prefix === '' ? 'xmlns' : `xmlns:${prefix.slice(0, -1)}`);
  const asAt = namespace === null ? null : keptAsAt(namespace);
  if (asAt === null || attribute(tag, 'format') !== SNAPSHOT_XML_FORMAT) return null;
  const end = text.lastIndexOf(`</${prefix}snapshot`);
  if (end < root.index + tag.length) return null;
  let body: unknown;
  try {
    body = JSON.parse(decodeText(text.slice(root.index + tag.length, end)));
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const items = itemsOf(body as Record<string, unknown>);
  const snapshot = items === null ? null : readPlanSnapshot({ ...body, items });
  return snapshot?.asAt === asAt ? snapshot : null;
}
