import { HostError } from '../core/errors';
import { declareUtf8, decodeHead, decodePart, doctypeRefusal, hasDoctype } from './encoding';
import { attr, decode, nextTag, readRoot } from './xml';
import { inflateEntry, makeEntry, readZip, writeZip, type ZipEntry } from './zip';

/**
 * An .xlsx (or .xlsm) package: parts read lazily, parts changed or added kept as text, and every other
 * part written back as the very bytes it was stored as.
 */
export class XlsxPackage {
  private readonly entries: Map<string, ZipEntry>;
  private readonly lower = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Applied to every part set: turns what we write Strict in a Strict workbook (conformance.ts). */
  conform: ((text: string) => string) | null = null;

  constructor(bytes: Uint8Array) {
    this.entries = readZip(bytes);
    for (const name of this.entries.keys()) this.lower.set(name.toLowerCase(), name);
  }

  /** The stored name of a part (part names compare ignoring case), or undefined. */
  find(name: string): string | undefined {
    if (this.removed.has(name)) return undefined;
    if (this.changed.has(name) || this.entries.has(name)) return name;
    const real = this.lower.get(name.toLowerCase());
    return real && !this.removed.has(real) ? real : undefined;
  }

  /** Every part name, in stored order, then added parts. */
  names(): string[] {
    const out = [...this.entries.keys()].filter((n) => !this.removed.has(n));
    for (const n of this.changed.keys()) if (!this.entries.has(n)) out.push(n);
    return out;
  }

  /** A part as text (UTF-8 or UTF-16, with or without a byte-order mark), or undefined when absent; a DOCTYPE is refused. */
  text(name: string): string | undefined {
    const real = this.find(name);
    if (real === undefined) return undefined;
    const changed = this.changed.get(real);
    if (changed !== undefined) return changed;
    const cached = this.texts.get(real);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(real);
    if (!entry) return undefined;
    const text = decodePart(inflateEntry(entry), real);
    if (hasDoctype(text)) throw doctypeRefusal(real);
    this.texts.set(real, text);
    return text;
  }

  /** Replaces or adds a part. */
  set(name: string, text: string): void {
    const real = this.find(name) ?? name;
    this.removed.delete(real);
    this.changed.set(real, this.conform ? this.conform(text) : text);
  }

  /** Removes a part. */
  remove(name: string): void {
    const real = this.find(name);
    if (real === undefined) return;
    this.changed.delete(real);
    if (this.entries.has(real)) this.removed.add(real);
  }

  /** True when the part was changed or added. */
  isChanged(name: string): boolean {
    return this.changed.has(name);
  }

  /**
   * The package as zip bytes: unchanged parts copied as stored (an XML part with a DOCTYPE refused, as when
   * it is read), changed ones deflated as UTF-8 with their declaration saying so.
   */
  toBytes(): Uint8Array {
    const encoder = new TextEncoder();
    return writeZip(
      this.names().map((name) => {
        const text = this.changed.get(name);
        const stored = this.entries.get(name);
        if (stored && (text === undefined || text === this.texts.get(name))) {
          this.refuseDoctype(stored);
          return stored;
        }
        return makeEntry(name, encoder.encode(declareUtf8(text ?? '')));
      }),
    );
  }

  /** Refuses a copied XML part whose prolog declares a DOCTYPE (a part already read was checked then). */
  private refuseDoctype(entry: ZipEntry): void {
    if (this.texts.has(entry.name) || !/\.(xml|rels|vml)$/i.test(entry.name)) return;
    let head: string;
    try {
      head = decodeHead(inflateEntry(entry));
    } catch {
      return; // a part that does not inflate is copied as stored, as before: it is not ours to judge
    }
    if (hasDoctype(head)) throw doctypeRefusal(entry.name);
  }
}

/** One relationship of a part. */
export interface Rel {
  readonly id: string;
  readonly type: string;
  /** The target resolved to a part name (no leading slash), or as written when external. */
  readonly target: string;
  readonly external: boolean;
}

/** The rels part that belongs to a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of the part it belongs to. */
export function resolveTarget(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The relationships of a part (empty when it has none). */
export function readRels(pkg: XlsxPackage, part: string): Rel[] {
  const xml = pkg.text(relsPath(part));
  if (xml === undefined) return [];
  const out: Rel[] = [];
  for (let t = nextTag(xml, 0, 'a relationships part'); t; t = nextTag(xml, t.end)) {
    if (t.close || t.local !== 'Relationship') continue;
    const tag = xml.slice(t.start, t.end);
    const external = attr(tag, 'TargetMode') === 'External';
    const target = attr(tag, 'Target') ?? '';
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: external ? target : resolveTarget(part, target),
      external,
    });
  }
  return out;
}

/** A sheet listed in the workbook part. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly rid: string;
  /** Its part, found through the workbook's relationships (any name, not only sheetN.xml). */
  readonly part: string | undefined;
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
  readonly hidden: boolean;
}

/** A defined name of the workbook. */
export interface DefinedName {
  readonly name: string;
  readonly refersTo: string;
  readonly localSheetId: string | undefined;
  readonly comment: string | undefined;
}

/** What the workbook part says. */
export interface WorkbookInfo {
  readonly part: string;
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: readonly DefinedName[];
  readonly structureLocked: boolean;
  readonly date1904: boolean;
  readonly rels: readonly Rel[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Reads the workbook part (found through the package's relationships) and its sheets. */
export function readWorkbook(pkg: XlsxPackage): WorkbookInfo {
  const main = readRels(pkg, '').find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const xml = pkg.text(main);
  if (xml === undefined) throw new HostError('FileUnreadable', 'This is not a readable .xlsx workbook (it has no workbook part).');
  const rels = readRels(pkg, main);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let structureLocked = false;
  let date1904 = false;
  const root = readRoot(xml, 'the workbook part');
  for (const child of root.children) {
    const open = xml.slice(child.open.start, child.open.end);
    if (child.local === 'workbookPr') date1904 = /^(1|true)$/.test(attr(open, 'date1904') ?? '');
    if (child.local === 'workbookProtection') structureLocked = /^(1|true)$/.test(attr(open, 'lockStructure') ?? '');
    if (child.local === 'sheets' || child.local === 'definedNames') {
      for (let t = nextTag(xml, child.open.end); t && t.start < child.end; t = nextTag(xml, t.end)) {
        if (t.close) continue;
        const tag = xml.slice(t.start, t.end);
        if (t.local === 'sheet') {
          const rid = attr(tag, 'id') ?? '';
          const rel = byId.get(rid);
          const type = rel?.type ?? '';
          sheets.push({
            name: attr(tag, 'name') ?? '',
            sheetId: attr(tag, 'sheetId') ?? '',
            rid,
            part: rel && !rel.external ? pkg.find(rel.target) : undefined,
            kind: /\/worksheet$/.test(type) ? 'worksheet' : /\/chartsheet$/.test(type) ? 'chartsheet' : 'other',
            hidden: (attr(tag, 'state') ?? 'visible') !== 'visible',
          });
        } else if (t.local === 'definedName' && !t.empty) {
          const close = xml.indexOf('<', t.end);
          definedNames.push({
            name: attr(tag, 'name') ?? '',
            refersTo: decode(xml.slice(t.end, close)),
            localSheetId: attr(tag, 'localSheetId'),
            comment: attr(tag, 'comment'),
          });
        }
      }
    }
  }
  return { part: main, sheets, definedNames, structureLocked, date1904, rels };
}

/** The sheet name in a reference such as 'Q1 ''24'!$A$1 or Summary!$A$1. */
export function sheetOfReference(ref: string): string {
  const bang = ref.lastIndexOf('!');
  const sheet = bang >= 0 ? ref.slice(0, bang) : '';
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}
