import { readRels, relsPath, type XlsxPackage } from './package';
import { relsXml } from './summarySheet';
import { appendInside, attr, escapeAttr, escapeText, nextTag, readRoot, setAttr, splice, type Edit } from './xml';

export const REL_TYPES = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
} as const;
export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

/** The first free part name of a numbered family: xl/charts/chart{n}.xml. */
export function freePart(pkg: XlsxPackage, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (pkg.find(pattern(n)) === undefined) return pattern(n);
}

/** Relative target from one part's folder to another part (both under xl/ in practice). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** Content types: an override added for each new part, removed for each part taken away. */
export function updateContentTypes(pkg: XlsxPackage, add: readonly [string, string][], remove: readonly string[]): void {
  const name = '[Content_Types].xml';
  const xml = pkg.text(name) ?? '';
  const root = readRoot(xml, 'the content types part');
  const gone = new Set(remove.map((p) => `/${p}`.toLowerCase()));
  const edits: Edit[] = [];
  const present = new Set<string>();
  for (const c of root.children) {
    if (c.local !== 'Override') continue;
    const part = (attr(xml.slice(c.open.start, c.open.end), 'PartName') ?? '').toLowerCase();
    if (gone.has(part)) edits.push({ start: c.start, end: c.end, text: '' });
    else present.add(part);
  }
  const added = add
    .filter(([p]) => !present.has(`/${p}`.toLowerCase()))
    .map(([p, type]) => `<${root.prefix}Override PartName="/${escapeAttr(p)}" ContentType="${type}"/>`)
    .join('');
  if (added) edits.push(appendInside(xml, root.open, root.closeStart + 1, added));
  if (edits.length > 0) pkg.set(name, splice(xml, edits));
}

/** Adds a relationship to a part's rels (creating the rels part); returns its id. */
export function addRel(pkg: XlsxPackage, part: string, type: string, target: string): string {
  const path = relsPath(part);
  const xml = pkg.text(path);
  const ids = new Set(readRels(pkg, part).map((r) => r.id));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `Id="${id}" Type="${type}" Target="${escapeAttr(relativeTarget(part, target))}"`;
  if (xml === undefined) pkg.set(path, relsXml([{ id, type, target: relativeTarget(part, target) }]));
  else {
    const root = readRoot(xml, 'a relationships part');
    pkg.set(path, splice(xml, [appendInside(xml, root.open, root.closeStart + 1, `<${root.prefix}Relationship ${rel}/>`)]));
  }
  return id;
}

/** Every part reachable from a part through its relationships of the given types (its drawing, the drawing's charts), rels parts included. */
export function ownedParts(pkg: XlsxPackage, part: string, depth = 2): string[] {
  const out: string[] = [];
  if (pkg.find(relsPath(part)) !== undefined) out.push(relsPath(part));
  if (depth === 0) return out;
  for (const rel of readRels(pkg, part)) {
    if (rel.external || !/\/(drawing|chart|chartUserShapes)$/.test(rel.type)) continue;
    const real = pkg.find(rel.target);
    if (real === undefined) continue;
    out.push(real, ...ownedParts(pkg, real, depth - 1));
  }
  return out;
}

/** A sheet to add to the workbook part, at `index` in the final order of `<sheets>` (0: the first sheet). */
export interface NewSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly rid: string;
  readonly index: number;
}

/** Where each existing sheet (by its index) lands once `added` are inserted at their final indices. */
export function sheetIndexMap(existing: number, added: readonly { index: number }[]): (old: number) => number {
  const taken = new Set(added.map((a) => a.index));
  const map: number[] = [];
  for (let at = 0; map.length < existing; at++) if (!taken.has(at)) map.push(at);
  return (old) => map[old] ?? old + added.length;
}

/** The elements directly inside a child of the root, with their offsets. */
function elementsIn(
  xml: string,
  parent: { open: { end: number; empty: boolean }; end: number },
): { local: string; start: number; end: number; tagEnd: number }[] {
  const out: { local: string; start: number; end: number; tagEnd: number }[] = [];
  if (parent.open.empty) return out;
  for (let t = nextTag(xml, parent.open.end); t && t.start < parent.end && !t.close;) {
    const end = t.empty ? t.end : xml.indexOf('>', xml.indexOf('</', t.end)) + 1;
    out.push({ local: t.local, start: t.start, end, tagEnd: t.end });
    t = nextTag(xml, end);
  }
  return out;
}

/**
 * Edits that insert sheets into `<sheets>` at their final indices, and renumber what points at sheets by index:
 * every defined name's localSheetId (print titles, print areas, the user's sheet-level names) and the workbook
 * views' activeTab and firstSheet, so the same sheet stays active and every name stays on its sheet.
 */
function insertSheetEdits(xml: string, root: ReturnType<typeof readRoot>, added: readonly NewSheet[]): Edit[] {
  const p = root.prefix;
  const sheets = root.children.find((c) => c.local === 'sheets');
  if (!sheets || added.length === 0) return [];
  const r = /\s([\w.-]+):id\s*=/.exec(xml.slice(sheets.start, sheets.end))?.[1] ?? 'r';
  const tag = (s: NewSheet) => `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${s.sheetId}" ${r}:id="${s.rid}"/>`;
  const existing = elementsIn(xml, sheets).filter((e) => e.local === 'sheet');
  const map = sheetIndexMap(existing.length, added);
  const edits: Edit[] = [];
  // Each new sheet goes before the existing sheet that will follow it, else at the end.
  for (const s of [...added].sort((a, b) => a.index - b.index)) {
    const before = existing.find((_, old) => map(old) > s.index);
    const at = before ? before.start : xml.lastIndexOf('<', sheets.end - 1);
    edits.push({ start: at, end: at, text: tag(s) });
  }
  const renumber = (el: { start: number; tagEnd: number }) => {
    const open = xml.slice(el.start, el.tagEnd);
    const value = attr(open, 'localSheetId');
    if (value === undefined || !/^\d+$/.test(value)) return;
    const next = String(map(Number(value)));
    if (next !== value) edits.push({ start: el.start, end: el.tagEnd, text: setAttr(open, 'localSheetId', next) });
  };
  const names = root.children.find((c) => c.local === 'definedNames');
  if (names) for (const el of elementsIn(xml, names)) if (el.local === 'definedName') renumber(el);
  const views = root.children.find((c) => c.local === 'bookViews');
  if (views)
    for (const el of elementsIn(xml, views)) {
      if (el.local !== 'workbookView') continue;
      // One edit per tag: activeTab (0 when absent) follows its sheet; firstSheet, where set, too.
      let open = xml.slice(el.start, el.tagEnd);
      open = setAttr(open, 'activeTab', String(map(Number(attr(open, 'activeTab') ?? 0))));
      const first = attr(open, 'firstSheet');
      if (first !== undefined && /^\d+$/.test(first)) open = setAttr(open, 'firstSheet', String(map(Number(first))));
      edits.push({ start: el.start, end: el.tagEnd, text: open });
    }
  return edits;
}

/** A marker name: hidden, pointing at one of our sheets' A1, its fingerprint as the comment. */
export interface Marker {
  readonly name: string;
  readonly refersTo: string;
  readonly comment: string;
}

/**
 * The workbook part with our new sheets inserted at their places in `<sheets>` (indices renumbered, see
 * insertSheetEdits), our marker names replaced, and nothing else changed.
 */
export function patchWorkbookXml(xml: string, change: { sheets?: readonly NewSheet[]; markers: readonly Marker[] }): string {
  const root = readRoot(xml, 'the workbook part');
  const p = root.prefix;
  const edits: Edit[] = insertSheetEdits(xml, root, change.sheets ?? []);
  const ours = new Set(change.markers.map((m) => m.name));
  const markers = change.markers
    .map(
      (m) => `<${p}definedName name="${m.name}" comment="${escapeAttr(m.comment)}" hidden="1">${escapeText(m.refersTo)}</${p}definedName>`,
    )
    .join('');
  const names = root.children.find((c) => c.local === 'definedNames');
  if (names) {
    for (const el of elementsIn(xml, names))
      if (el.local === 'definedName' && ours.has(attr(xml.slice(el.start, el.tagEnd), 'name') ?? '')) {
        // A marker is never sheet-local, so the renumbering never edits the same tag.
        const i = edits.findIndex((e) => e.start === el.start);
        if (i >= 0) edits.splice(i, 1);
        edits.push({ start: el.start, end: el.end, text: '' });
      }
    // A self-closing <definedNames/> is expanded in place: a name outside it is dropped by Excel.
    edits.push(appendInside(xml, names.open, names.end, markers));
  } else {
    const order = ['sheets', 'functionGroups', 'externalReferences'];
    const before = [...root.children].reverse().find((c) => order.includes(c.local));
    const at = before ? before.end : root.closeStart;
    edits.push({ start: at, end: at, text: `<${p}definedNames>${markers}</${p}definedNames>` });
  }
  return splice(xml, edits);
}
