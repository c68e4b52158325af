import { attr, attrs, elementEnd, escapeAttr, nextTag, readRoot, setAttr } from './xml';

/** Sections of styles.xml we append to, in schema order (CT_Stylesheet), with their item element. */
const SECTIONS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
  ['tableStyles', 'tableStyle'],
  ['colors', ''],
  ['extLst', ''],
] as const;
type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** The minimal styles part for a package that has none. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * The most cell formats we let a workbook reach. Excel repairs a workbook past about 65,490; we stop well
 * short, so a workbook near the limit is formatted with the formats it has and the run says so.
 */
export const MAX_CELL_FORMATS = 64_000;

/**
 * An item's XML in one canonical form, so formats equal in meaning compare equal however they were written
 * (Excel rewrites ours when it saves: attributes in its own order, `<x></x>` for `<x/>`, another prefix).
 */
export function canonicalItem(item: string): string {
  let out = '';
  let at = 0;
  for (let t = nextTag(item, 0); t; t = nextTag(item, t.end)) {
    const between = item.slice(at, t.start).trim();
    if (between) out += between;
    at = t.end;
    if (t.close) {
      out += `</${t.local}>`;
      continue;
    }
    const a = attrs(item, t);
    const names = Object.keys(a)
      .filter((k) => k !== 'xmlns' && !k.startsWith('xmlns:'))
      .sort();
    out += `<${t.local}${names.map((k) => ` ${k}="${a[k] ?? ''}"`).join('')}>`;
    if (t.empty) out += `</${t.local}>`;
  }
  return out;
}

/**
 * The workbook's styles, appended to and never changed: each new font, fill, border, cell format and
 * differential format goes at the end of its list, unless one equal in meaning is already there (so a
 * second run appends nothing, even after Excel has rewritten the styles part). No cell format is added
 * past MAX_CELL_FORMATS: `add` then answers -1 and `full` says so.
 */
export class StyleBook {
  private readonly items = new Map<Section, string[]>();
  private readonly added = new Map<Section, string[]>();
  private readonly keys = new Map<Section, Map<string, number>>();
  private readonly prefix: string;
  /** True once a cell format could not be added (the workbook is at MAX_CELL_FORMATS). */
  full = false;

  constructor(private readonly xml: string) {
    const root = readRoot(xml, 'the styles part');
    this.prefix = root.prefix;
    for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as const) {
      const child = root.children.find((c) => c.local === section);
      const list: string[] = [];
      if (child && !child.open.empty) {
        for (let t = nextTag(xml, child.open.end); t && t.start < child.end && !t.close;) {
          const end = elementEnd(xml, t);
          list.push(xml.slice(t.start, end));
          t = nextTag(xml, end);
        }
      }
      this.items.set(section, list);
      this.added.set(section, []);
    }
  }

  /** The XML of an item by index (the default one when out of range). */
  get(section: Section, index: number): string {
    const list = this.items.get(section) ?? [];
    return list[index] ?? list[0] ?? '';
  }

  /** The index of an item equal in meaning to this XML, appended when new; -1 for a cell format past the limit. */
  add(section: Section, item: string): number {
    const list = this.items.get(section) ?? [];
    const keys = this.keysOf(section, list);
    const key = canonicalItem(item);
    const found = keys.get(key);
    if (found !== undefined) return found;
    if (section === 'cellXfs' && list.length >= MAX_CELL_FORMATS) {
      this.full = true;
      return -1;
    }
    list.push(item);
    keys.set(key, list.length - 1);
    this.added.get(section)?.push(item);
    return list.length - 1;
  }

  /** Canonical form -> first index, for a section (built on first use). */
  private keysOf(section: Section, list: readonly string[]): Map<string, number> {
    let keys = this.keys.get(section);
    if (!keys) {
      keys = new Map();
      for (let i = 0; i < list.length; i++) {
        const key = canonicalItem(list[i] ?? '');
        if (!keys.has(key)) keys.set(key, i);
      }
      this.keys.set(section, keys);
    }
    return keys;
  }

  /** How many cell formats the workbook has (with those added). */
  get cellFormatCount(): number {
    return this.items.get('cellXfs')?.length ?? 0;
  }

  /**
   * The id of a custom number format ("d mmmm yyyy"): the workbook's own when it has one with this code,
   * else a new one after the highest id in use (custom ids start at 164), appended.
   */
  numFmt(code: string): number {
    const list = this.items.get('numFmts') ?? [];
    let highest = 163;
    for (const item of list) {
      const id = Number(itemAttr(item, 'numFmtId'));
      if (itemAttr(item, 'formatCode') === code && Number.isInteger(id)) return id;
      if (Number.isInteger(id)) highest = Math.max(highest, id);
    }
    const id = highest + 1;
    this.add('numFmts', `<${this.el('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** Element name with the part's namespace prefix. */
  el(local: string): string {
    return `${this.prefix}${local}`;
  }

  /** The styles part with the new items appended (the same text when nothing was added). */
  toXml(): string {
    let xml = this.xml;
    for (const section of ['dxfs', 'cellXfs', 'borders', 'fills', 'fonts', 'numFmts'] as const) {
      const added = this.added.get(section) ?? [];
      if (added.length === 0) continue;
      const total = this.items.get(section)?.length ?? added.length;
      xml = appendToSection(xml, section, added.join(''), total, this.prefix);
    }
    return xml;
  }
}

function appendToSection(xml: string, section: string, items: string, count: number, prefix: string): string {
  const root = readRoot(xml, 'the styles part');
  const child = root.children.find((c) => c.local === section);
  if (child) {
    const open = setAttr(xml.slice(child.open.start, child.open.end).replace(/\/>$/, '>'), 'count', String(count));
    const body = child.open.empty ? '' : xml.slice(child.open.end, xml.lastIndexOf('<', child.end - 1));
    return `${xml.slice(0, child.start)}${open}${body}${items}</${prefix}${section}>${xml.slice(child.end)}`;
  }
  const order = SECTIONS.map(([s]) => s as string);
  const mine = order.indexOf(section);
  const after = root.children.find((c) => order.indexOf(c.local) > mine);
  const at = after ? after.start : root.closeStart;
  return `${xml.slice(0, at)}<${prefix}${section} count="${count}">${items}</${prefix}${section}>${xml.slice(at)}`;
}

/** The children of an item element other than those named (for rebuilding a font or an xf). */
export function childrenExcept(item: string, drop: readonly string[]): string {
  const open = nextTag(item, 0);
  if (!open || open.empty) return '';
  const out: string[] = [];
  for (let t = nextTag(item, open.end); t && !t.close;) {
    const end = elementEnd(item, t);
    if (!drop.includes(t.local)) out.push(item.slice(t.start, end));
    t = nextTag(item, end);
  }
  return out.join('');
}

/** The opening tag of an item (its attributes), without the closing slash. */
export function openTag(item: string): string {
  const open = nextTag(item, 0);
  return open ? item.slice(open.start, open.end).replace(/\s*\/>$/, '>') : '<xf>';
}

/** An attribute of an item's opening tag. */
export function itemAttr(item: string, name: string): string | undefined {
  return attr(openTag(item), name);
}
