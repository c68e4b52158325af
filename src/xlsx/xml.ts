import { HostError } from '../core/errors';

/**
 * A small XML tag scanner for the parts of an .xlsx package: exact start and end offsets of every tag,
 * so the patcher can splice at element boundaries and copy everything else as it was. Comments,
 * CDATA and processing instructions are skipped; a DOCTYPE (entity expansion) is refused.
 */

/** One tag: `<name ...>`, `<name .../>` or `</name>`, with its offsets in the text. */
export interface Tag {
  /** Local name, without a namespace prefix. */
  readonly local: string;
  /** The name as written, prefix included. */
  readonly name: string;
  readonly start: number;
  /** Offset just after the closing `>`. */
  readonly end: number;
  readonly close: boolean;
  readonly empty: boolean;
}

const malformed = (part: string) =>
  new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${part} is not well-formed XML).`);

/** The next tag at or after `from`, or null at the end. */
export function nextTag(xml: string, from: number, part = 'a part'): Tag | null {
  let lt = xml.indexOf('<', from);
  while (lt >= 0) {
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) lt = skipTo(xml, lt, '-->', part);
      else if (xml.startsWith('<![CDATA[', lt)) lt = skipTo(xml, lt, ']]>', part);
      else
        throw new HostError(
          'FileUnreadable',
          `This is not a readable .xlsx workbook (${part} declares a DOCTYPE, which .xlsx parts never do).`,
        );
      continue;
    }
    if (c === 63 /* ? */) {
      lt = skipTo(xml, lt, '?>', part);
      continue;
    }
    const close = c === 47; /* / */
    const gt = tagEnd(xml, lt);
    if (gt < 0) throw malformed(part);
    const nameStart = lt + (close ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < gt) {
      const k = xml.charCodeAt(nameEnd);
      if (k === 32 || k === 9 || k === 10 || k === 13 || k === 47 || k === 62) break;
      nameEnd++;
    }
    const name = xml.slice(nameStart, nameEnd);
    const colon = name.indexOf(':');
    return {
      name,
      local: colon >= 0 ? name.slice(colon + 1) : name,
      start: lt,
      end: gt + 1,
      close,
      empty: !close && xml.charCodeAt(gt - 1) === 47,
    };
  }
  return null;
}

function skipTo(xml: string, from: number, marker: string, part: string): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw malformed(part);
  return xml.indexOf('<', at + marker.length);
}

/** The `>` that ends the tag starting at `lt`, skipping `>` inside quoted attribute values (work linear in the tag's length). */
function tagEnd(xml: string, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) q = c;
    else if (c === 62) return i;
  }
  return -1;
}

/** The offset after the element that opens with `tag` (its matching close tag, or the tag itself when empty). */
export function elementEnd(xml: string, tag: Tag, part?: string): number {
  if (tag.empty) return tag.end;
  let depth = 1;
  let t = nextTag(xml, tag.end, part);
  while (t) {
    if (t.close) depth--;
    else if (!t.empty) depth++;
    if (depth === 0) return t.end;
    t = nextTag(xml, t.end, part);
  }
  throw malformed(part ?? 'a part');
}

/** One child element of the root, by offsets. */
export interface Child {
  readonly local: string;
  readonly start: number;
  readonly end: number;
  /** The opening tag. */
  readonly open: Tag;
}

/** The root element and its direct children (offsets into `xml`). */
export interface Root {
  readonly open: Tag;
  /** Namespace prefix of the root with its colon ("x:"), or "". */
  readonly prefix: string;
  /** Offset of the root's closing tag. */
  readonly closeStart: number;
  readonly children: readonly Child[];
}

/** Finds the root and its children; `deep` lists, for children with these names, nothing more (they are skipped whole). */
export function readRoot(xml: string, part: string): Root {
  let open = nextTag(xml, 0, part);
  while (open && open.close) open = nextTag(xml, open.end, part);
  if (!open) throw malformed(part);
  const children: Child[] = [];
  if (open.empty) return { open, prefix: prefixOf(open), closeStart: open.end, children };
  let t = nextTag(xml, open.end, part);
  while (t && !t.close) {
    const end = t.local === 'sheetData' && !t.empty ? closeOf(xml, t, part) : elementEnd(xml, t, part);
    children.push({ local: t.local, start: t.start, end, open: t });
    t = nextTag(xml, end, part);
  }
  if (!t) throw malformed(part);
  return { open, prefix: prefixOf(open), closeStart: t.start, children };
}

/** The end of an element that never nests in itself (sheetData), found by its close tag in one search, not tag by tag. */
function closeOf(xml: string, tag: Tag, part: string): number {
  const close = xml.indexOf(`</${tag.name}`, tag.end);
  const gt = close < 0 ? -1 : xml.indexOf('>', close);
  // A comment or CDATA section (both start "<!") before the close tag could hide a false one: then go tag by tag.
  const bang = xml.indexOf('<!', tag.end);
  if (gt < 0 || (bang >= 0 && bang < close)) return elementEnd(xml, tag, part);
  return gt + 1;
}

function prefixOf(tag: Tag): string {
  return tag.name.length > tag.local.length ? tag.name.slice(0, tag.name.length - tag.local.length) : '';
}

const ATTR = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag, decoded, keyed by name as written. */
export function attrs(xml: string, tag: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  const text = xml.slice(tag.start + tag.name.length + 1, tag.end);
  for (const m of text.matchAll(ATTR)) out[m[1] ?? ''] = decode(m[2] ?? m[3] ?? '');
  return out;
}

const ATTR_BY_NAME = new Map<string, RegExp>();

/** One attribute by local name (ignoring a prefix), decoded, or undefined. */
export function attr(tagText: string, name: string): string | undefined {
  let re = ATTR_BY_NAME.get(name);
  if (!re) ATTR_BY_NAME.set(name, (re = new RegExp(`[\\s:]${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tagText);
  return m ? decode(m[1] ?? m[2] ?? '') : undefined;
}

const SET_BY_NAME = new Map<string, RegExp>();

/** The tag text with one attribute set (added before the end, or replaced where it is). */
export function setAttr(tagText: string, name: string, value: string): string {
  let re = SET_BY_NAME.get(name);
  if (!re) SET_BY_NAME.set(name, (re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`)));
  const safe = /^[\w .:-]*$/.test(value) ? value : escapeAttr(value);
  const m = re.exec(tagText);
  if (m) return `${tagText.slice(0, m.index)}${m[1] ?? ''}"${safe}"${tagText.slice(m.index + m[0].length)}`;
  const close = tagText.endsWith('/>') ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close)} ${name}="${safe}"${tagText.slice(close)}`;
}

/** The tag text without one attribute. */
export function dropAttr(tagText: string, name: string): string {
  return tagText.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with entities and character references resolved. */
export function decode(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
    named ? (NAMED[named] ?? '') : String.fromCodePoint(dec ? Number(dec) : parseInt(hex ?? '0', 16)),
  );
}

/** Text as Excel stores it, read back: `_xHHHH_` escapes resolved (`_x005F_` escapes the underscore). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text for an XML text node: markup characters, and characters XML 1.0 cannot hold, escaped the OOXML way. */
export function escapeText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

/** Text for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * The edit that puts `text` at the end of an element's content, whatever form it arrived in: `<x>...</x>`
 * gets it before its close tag, a self-closing `<x/>` is expanded in place to `<x>text</x>` (its prefix and
 * attributes kept). `end` is the element's end offset (for the root, its close tag's start works too).
 */
export function appendInside(xml: string, open: Tag, end: number, text: string): Edit {
  if (open.empty) {
    const tag = xml.slice(open.start, open.end).replace(/\s*\/>$/, '>');
    return { start: open.start, end: open.end, text: `${tag}${text}</${open.name}>` };
  }
  const at = xml.lastIndexOf('</', end - 1);
  return { start: at, end: at, text };
}

/** One replacement of `xml.slice(start, end)` by `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits (any order) to a text. */
export function splice(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    parts.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}
