jest.setTimeout(120_000);

import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { HostError } from '../../src/core/errors';
import { isOurRule } from '../../src/core/plans/formatPlan';
import { WORKSHEET_ORDER } from '../../src/xlsx/sheetPatch';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { attr, elementEnd, nextTag, readRoot } from '../../src/xlsx/xml';
import { pack } from './lossless/build';
import { build, CASES, type LosslessCase } from './lossless/cases';

const OPTIONS = { today: '2026-11-26' };
const STAMP = '26 November 2026 at 10:00';
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

/** Applies once to package bytes, in memory; returns the output bytes and what was analysed. */
function apply(bytes: Uint8Array, sheet?: string): { out: Uint8Array; sheetPart: string; stylesPart: string; workbookPart: string } {
  const wb = openWorkbook(bytes);
  const checked = chooseSheet(wb, OPTIONS, sheet);
  applyToWorkbook(wb, checked, { statusColumn: true, generatedAt: STAMP });
  // A package without a styles part gets one (xl/styles.xml).
  return {
    out: wb.pkg.toBytes(),
    sheetPart: checked.sheet.part ?? '',
    stylesPart: wb.stylesPart ?? 'xl/styles.xml',
    workbookPart: wb.info.part,
  };
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** Root children as exact text, by local name. */
function children(xml: string): { local: string; text: string }[] {
  return readRoot(xml, 'test').children.map((c) => ({ local: c.local, text: xml.slice(c.start, c.end) }));
}

/** Items of a styles section, as exact text. */
function items(xml: string, section: string): string[] {
  const root = readRoot(xml, 'styles');
  const child = root.children.find((c) => c.local === section);
  const out: string[] = [];
  if (!child || child.open.empty) return out;
  for (let t = nextTag(xml, child.open.end); t && !t.close && t.start < child.end;) {
    const end = elementEnd(xml, t);
    out.push(xml.slice(t.start, end));
    t = nextTag(xml, end);
  }
  return out;
}

/** Every cell of a sheet: reference -> type and content (value, formula, inline text), the style left out. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:x:)?c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:x:)?c>)/g)) {
    const tag = ` ${m[1] ?? ''}`;
    out.set(attr(tag, 'r') ?? '?', `${attr(tag, 't') ?? 'n'}|${attr(tag, 'cm') ?? ''}|${m[2] ?? ''}`);
  }
  return out;
}

const ALLOWED_NEW =
  /^xl\/(styles\.xml|worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|drawings\/drawing\d+\.xml|drawings\/_rels\/drawing\d+\.xml\.rels|charts\/chart\d+\.xml)$/;

function checkCase(c: LosslessCase): void {
  const input = pack(build(c));
  const first = apply(input, c.sheet);
  const before = unzipSync(input);
  const after = unzipSync(first.out);
  const relsOf = (p: string) => p.replace(/([^/]+)$/, '_rels/$1.rels');
  const allowed = new Set([first.sheetPart, first.stylesPart, first.workbookPart, relsOf(first.workbookPart), '[Content_Types].xml']);

  // Every part not ours to change: there, byte for byte.
  for (const [name, bytes] of Object.entries(before)) {
    expect(after[name]).toBeDefined();
    if (!allowed.has(name)) expect({ name, same: Buffer.from(after[name] ?? []).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
  }
  for (const name of Object.keys(after)) if (!(name in before)) expect(name).toMatch(ALLOWED_NEW);
  for (const [name, bytes] of Object.entries(after))
    if (/\.(xml|rels)$/.test(name) && !Buffer.from(bytes).equals(Buffer.from(before[name] ?? []))) wellFormed(text(bytes));

  // The analysed sheet: every element of the user's kept as it was, in schema order.
  const sheetIn = text(before[first.sheetPart]);
  const sheetOut = text(after[first.sheetPart]);
  const outKids = children(sheetOut);
  const hasPane = /<(?:x:)?pane\b/.test(sheetIn);
  for (const kid of children(sheetIn)) {
    if (['sheetData', 'cols', 'dimension'].includes(kid.local) || (kid.local === 'sheetViews' && !hasPane)) continue;
    if (kid.local === 'conditionalFormatting' && [...kid.text.matchAll(/<formula>([^<]*)/g)].every((m) => isOurRule(m[1]))) continue;
    expect(outKids.map((k) => k.text)).toContain(kid.text);
  }
  const ranks = outKids.map((k) => WORKSHEET_ORDER.indexOf(k.local)).filter((i) => i >= 0);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

  // Every value and formula unchanged; new cells only in the status column or empty.
  const cellsIn = cells(sheetIn);
  const cellsOut = cells(sheetOut);
  for (const [ref, content] of cellsIn) expect({ ref, content: cellsOut.get(ref) }).toEqual({ ref, content });
  const ourColumn = (header: string) =>
    new RegExp(`<(?:x:)?c r="([A-Z]+)\\d+"[^>]*t="inlineStr"><(?:x:)?is><(?:x:)?t>${header}</`).exec(sheetOut)?.[1] ?? null;
  const status = ourColumn('Check \\(auto\\)');
  // Our three columns: the status, the days overdue beside it and the data checks (found by their headers).
  const ours = new Set(
    [status, ourColumn('Days overdue at [^<]* \\(auto\\)'), ourColumn('Data check \\(auto\\)')].filter((x) => x !== null),
  );
  for (const [ref, content] of cellsOut)
    if (!cellsIn.has(ref)) expect({ ref, ok: ours.has(ref.replace(/\d+$/, '')) || content === 'n||' }).toEqual({ ref, ok: true });
  if (c.status !== undefined) expect(status).toBe(c.status);

  // Styles appended, none changed.
  const stylesIn = before[first.stylesPart] ? text(before[first.stylesPart]) : '<styleSheet/>';
  const stylesOut = text(after[first.stylesPart]);
  for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'])
    expect(items(stylesOut, section).slice(0, items(stylesIn, section).length)).toEqual(items(stylesIn, section));

  // The workbook part: the user's sheets and names as they were; our summary sheet added.
  const wbIn = text(before[first.workbookPart]);
  const wbOut = text(after[first.workbookPart]);
  const wbKids = children(wbOut).map((k) => k.text);
  for (const kid of children(wbIn)) if (!['sheets', 'definedNames', 'bookViews'].includes(kid.local)) expect(wbKids).toContain(kid.text);
  // Our sheets go first (M1): every index that names a sheet follows its sheet, so each still names the same one.
  const names = (xml: string) => [...xml.matchAll(/<(?:x:)?sheet\s[^>]*\/>/g)].map((m) => attr(` ${m[0]}`, 'name') ?? '');
  const moved = (k: string | undefined) => String(names(wbOut).indexOf(names(wbIn)[Number(k ?? 0)] ?? ''));
  for (const m of wbIn.matchAll(/<(?:x:)?sheet\s[^>]*\/>/g)) expect(wbOut).toContain(m[0]);
  for (const m of wbIn.matchAll(/<definedName\s[\s\S]*?<\/definedName>/g)) {
    if (m[0].includes('ActionPlanChecker')) continue;
    const local = /localSheetId="(\d+)"/.exec(m[0])?.[1];
    expect(wbOut).toContain(local === undefined ? m[0] : m[0].replace(/localSheetId="\d+"/, `localSheetId="${moved(local)}"`));
  }
  const views = (xml: string) => [...xml.matchAll(/<(?:x:)?workbookView\b[^>]*>/g)].map((m) => m[0]);
  views(wbIn).forEach((view, i) => {
    const out = views(wbOut)[i] ?? '';
    expect(out.replace(/\s(activeTab|firstSheet)="\d+"/g, '')).toBe(view.replace(/\s(activeTab|firstSheet)="\d+"/g, ''));
    expect(attr(` ${out}`, 'activeTab')).toBe(moved(attr(` ${view}`, 'activeTab')));
  });
  expect(wbOut).toContain(`<sheet name="${(c.summary ?? 'Action plan summary').replace(/"/g, '&quot;')}"`);
  const macro = /macroEnabled/.test(text(before['[Content_Types].xml']));
  expect(/macroEnabled\.main\+xml/.test(text(after['[Content_Types].xml']))).toBe(macro);

  // Apply twice: the second output equals the first, part by part.
  const second = unzipSync(apply(first.out, c.sheet).out);
  expect(Object.keys(second).sort()).toEqual(Object.keys(after).sort());
  for (const [name, bytes] of Object.entries(after))
    expect({ name, same: Buffer.from(second[name] ?? []).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
}

describe('lossless corpus: apply patches the package and keeps everything of the user', () => {
  test('the corpus holds at least 40 workbooks', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.refused) {
      const input = pack(build(c));
      let error: unknown;
      try {
        apply(input, c.sheet);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).code).toBe(c.refused);
      expect((error as HostError).message).toMatch(/Nothing was written\.$/);
      return;
    }
    checkCase(c);
  });
});
