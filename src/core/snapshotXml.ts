import { readPlanSnapshot, type PlanSnapshot } from './movement';

/**
 * Kept snapshots as the text of one custom XML part (SPEC, M2.6): the add-in stores a workbook's last returns in
 * a part of its own namespace, never on a sheet. Pure string work, so any adapter can read and write the part.
 */

/** The namespace of our part: `getByNamespace` finds it, and any part in another namespace is never ours. */
export const SNAPSHOT_NAMESPACE = 'urn:action-plan-checker:snapshots';
/** The root element's `format`: a part of another format (a later version's) is not ours to rewrite. */
export const SNAPSHOT_XML_FORMAT = '1';

/** JSON with every character outside printable ASCII as a \u escape: the part is plain ASCII, so no character can be illegal in XML. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The part's XML for the snapshots to keep (oldest first): one `snapshot` element of escaped JSON each. */
export function snapshotsXml(snapshots: readonly PlanSnapshot[]): string {
  const items = snapshots.map((s) => `<snapshot asAt="${escapeText(s.asAt).replace(/"/g, '&quot;')}">${escapeText(asciiJson(s))}</snapshot>`);
  return `<snapshots xmlns="${SNAPSHOT_NAMESPACE}" format="${SNAPSHOT_XML_FORMAT}">${items.join('')}</snapshots>`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data back to text: the five predefined entities, character references and CDATA sections. */
function decodeText(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, cdata: string | undefined, ref: string | undefined) => {
    if (cdata !== undefined) return cdata;
    if (ref === undefined) return whole;
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The value of attribute `name` in a start tag's text, decoded; null when absent. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeText(m[2] ?? m[3] ?? '') : null;
}

/** What a part's XML holds: whether it is ours (our root, namespace and format), and the snapshots in it that read back. */
export interface KeptPart {
  readonly ours: boolean;
  readonly snapshots: PlanSnapshot[];
}

/**
 * Reads a part's XML (as the host gives it back: any prefix, declaration, comments, quotes or entity
 * style). A part that is not ours gives `ours: false` and no snapshots; an element that is not a version-1
 * snapshot (damaged JSON, a foreign value) is skipped (readPlanSnapshot gives null).
 */
export function readSnapshotsXml(xml: string): KeptPart {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(body);
  if (!root) return { ours: false, snapshots: [] };
  const prefix = root[1] ?? '';
  const tag = root[0];
  const namespace = attribute(tag, prefix === '' ? 'xmlns' : `xmlns:${prefix.slice(0, -1)}`);
  if (root[2] !== 'snapshots' || namespace !== SNAPSHOT_NAMESPACE || attribute(tag, 'format') !== SNAPSHOT_XML_FORMAT) {
    return { ours: false, snapshots: [] };
  }
  const p = prefix.replace(/[.]/g, '\\.');
  const element = new RegExp(`<${p}snapshot(?:\\s[^>]*)?>([\\s\\S]*?)</${p}snapshot\\s*>`, 'g');
  const snapshots: PlanSnapshot[] = [];
  for (const m of body.slice(root.index + tag.length).matchAll(element)) {
    let value: unknown;
    try {
      value = JSON.parse(decodeText(m[1] ?? ''));
    } catch {
      continue;
    }
    const snapshot = readPlanSnapshot(value);
    if (snapshot) snapshots.push(snapshot);
  }
  return { ours: true, snapshots };
}
