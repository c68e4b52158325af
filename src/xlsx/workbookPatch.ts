import { readRels, relsPath, type XlsxPackage } from './package';
import { relsXml } from './summarySheet';
import { appendInside, attr, escapeAttr, escapeText, nextTag, readRoot, splice, type Edit } from './xml';

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

/** The workbook part with a sheet appended to `<sheets>`, our marker name replaced, and nothing else changed. */
export function patchWorkbookXml(
  xml: string,
  change: { sheet?: { name: string; sheetId: number; rid: string }; marker: { name: string; refersTo: string; comment: string } },
): string {
  const root = readRoot(xml, 'the workbook part');
  const p = root.prefix;
  const edits: Edit[] = [];
  const sheets = root.children.find((c) => c.local === 'sheets');
  if (change.sheet && sheets) {
    const r = /\s([\w.-]+):id\s*=/.exec(xml.slice(sheets.start, sheets.end))?.[1] ?? 'r';
    const tag = `<${p}sheet name="${escapeAttr(change.sheet.name)}" sheetId="${change.sheet.sheetId}" ${r}:id="${change.sheet.rid}"/>`;
    edits.push(appendInside(xml, sheets.open, sheets.end, tag));
  }
  const marker = `<${p}definedName name="${change.marker.name}" comment="${escapeAttr(change.marker.comment)}" hidden="1">${escapeText(change.marker.refersTo)}</${p}definedName>`;
  const names = root.children.find((c) => c.local === 'definedNames');
  if (names) {
    for (let t = names.open.empty ? null : nextTag(xml, names.open.end); t && t.start < names.end && !t.close;) {
      const end = t.empty ? t.end : xml.indexOf('>', xml.indexOf('</', t.end)) + 1;
      if (t.local === 'definedName' && attr(xml.slice(t.start, t.end), 'name') === change.marker.name)
        edits.push({ start: t.start, end, text: '' });
      t = nextTag(xml, end);
    }
    // A self-closing <definedNames/> is expanded in place: a name outside it is dropped by Excel.
    edits.push(appendInside(xml, names.open, names.end, marker));
  } else {
    const order = ['sheets', 'functionGroups', 'externalReferences'];
    const before = [...root.children].reverse().find((c) => order.includes(c.local));
    const at = before ? before.end : root.closeStart;
    edits.push({ start: at, end: at, text: `<${p}definedNames>${marker}</${p}definedNames>` });
  }
  return splice(xml, edits);
}
