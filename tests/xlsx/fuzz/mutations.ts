/**
 * Mutations of real workbooks into forms that are odd but valid (or ambiguous, and then to be refused):
 * encodings, namespace prefixes, element forms, row and cell order, zip flavours, conformance and style
 * counts. Each works on the unzipped parts (UTF-8 text in, any encoding out) and says what apply must do.
 */
import { zipEntries, type ZipOptions } from './zips';

export type Parts = Record<string, Uint8Array>;

export interface Mutation {
  family: 'encoding' | 'prefix' | 'form' | 'order' | 'zip' | 'conformance' | 'styles';
  name: string;
  mutate?: (p: Parts) => void;
  /** How the mutated parts are zipped (default: deflated, in order). */
  zip?: ZipOptions;
  /** Entries to add after the parts (a second entry of one name, a name outside the package). */
  extraEntries?: [string, Uint8Array][];
  /** Apply must refuse, in one line matching this. */
  refused?: RegExp;
}

const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());
const enc = (t: string) => new TextEncoder().encode(t);
export const text = dec;

/** The first worksheet part of the workbook (the plan in every base). */
export function planPart(p: Parts): string {
  const rels = dec(p['xl/_rels/workbook.xml.rels']);
  const wb = dec(p['xl/workbook.xml']);
  const rid = /<(?:\w+:)?sheet\s[^>]*?\b(?:r|\w+):id="([^"]+)"/.exec(wb)?.[1] ?? 'rId1';
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const t = target?.[1] ?? target?.[2] ?? 'worksheets/sheet1.xml';
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

const edit = (p: Parts, name: string, f: (xml: string) => string) => {
  if (p[name]) p[name] = enc(f(dec(p[name])));
};

/** UTF-16 bytes of a text (little or big endian, with or without a byte-order mark), its declaration saying UTF-16. */
export function utf16(xml: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const t = xml.replace(/^(<\?xml[^>]*encoding=")[^"]*"/, '$1UTF-16"');
  const out = new Uint8Array(t.length * 2 + (bom ? 2 : 0));
  if (bom) out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const o = (bom ? 2 : 0) + i * 2;
    out[o + (bigEndian ? 1 : 0)] = c & 0xff;
    out[o + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}
const toUtf16 = (names: (p: Parts) => string[], bigEndian: boolean, bom: boolean) => (p: Parts) => {
  for (const n of names(p)) if (p[n]) p[n] = utf16(dec(p[n]), bigEndian, bom);
};

/** Every element of the SpreadsheetML namespace in a part written with an `x:` prefix. */
export function prefixed(xml: string): string {
  const main =
    /xmlns="(http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)"/;
  if (!main.test(xml)) return xml;
  return xml
    .replace(main, 'xmlns:x="$1"')
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}x:${name}`));
}

/** Every self-closing element written open-and-closed: `<a b="1"/>` -> `<a b="1"></a>`. */
export const expanded = (xml: string) => xml.replace(/<([\w:.-]+)(\s[^<>]*?)?\s*\/>/g, (_m, n: string, a = '') => `<${n}${a}></${n}>`);
/** Every empty element written self-closing: `<a></a>` -> `<a/>`. */
export const collapsed = (xml: string) => xml.replace(/<([\w:.-]+)(\s[^<>]*?)?><\/\1>/g, (_m, n: string, a = '') => `<${n}${a}/>`);

const xmlParts = (p: Parts) => Object.keys(p).filter((n) => /\.(xml|rels)$/.test(n));
const spreadsheetParts = (p: Parts) => ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', planPart(p)];

/** Rows of the plan sheet rearranged by `f` (given the row elements, in order). */
const rows = (f: (rows: string[]) => string[]) => (p: Parts) =>
  edit(p, planPart(p), (xml) =>
    xml.replace(/(<(?:\w+:)?sheetData>)([\s\S]*)(<\/(?:\w+:)?sheetData>)/, (_m, a: string, body: string, b: string) => {
      const list = body.match(/<(?:\w+:)?row\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?row>)/g) ?? [];
      return a + f(list).join('') + b;
    }),
  );

/** The transitional namespaces and relationship types, and their Strict equivalents. */
export const STRICT: [string, string][] = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'http://purl.oclc.org/ooxml/drawingml/chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes'],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
    'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
  ],
];
const toStrict = (p: Parts) => {
  for (const n of xmlParts(p)) edit(p, n, (xml) => STRICT.reduce((x, [t, s]) => x.split(t).join(s), xml));
  edit(p, 'xl/workbook.xml', (xml) => xml.replace('<workbook ', '<workbook conformance="strict" '));
};

/** The styles part with `n` cell formats (copies of the default one appended). */
const padCellXfs = (n: number) => (p: Parts) =>
  edit(p, 'xl/styles.xml', (xml) =>
    xml.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_m, count: string, body: string) => {
      const have = Number(count);
      const pad = Array.from(
        { length: n - have },
        (_, i) =>
          `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment indent="${(i % 250) + 1}" textRotation="${Math.floor(i / 250) % 180}"/></xf>`,
      );
      return `<cellXfs count="${n}">${body}${pad.join('')}</cellXfs>`;
    }),
  );

export const MUTATIONS: Mutation[] = [
  { family: 'encoding', name: 'the plan sheet in UTF-16LE with a byte-order mark', mutate: toUtf16((p) => [planPart(p)], false, true) },
  { family: 'encoding', name: 'the plan sheet in UTF-16BE with a byte-order mark', mutate: toUtf16((p) => [planPart(p)], true, true) },
  { family: 'encoding', name: 'the plan sheet in UTF-16LE without a byte-order mark', mutate: toUtf16((p) => [planPart(p)], false, false) },
  { family: 'encoding', name: 'shared strings in UTF-16', mutate: toUtf16(() => ['xl/sharedStrings.xml'], false, true) },
  {
    family: 'encoding',
    name: 'workbook, rels, styles and content types in UTF-16',
    mutate: toUtf16(() => ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', '[Content_Types].xml'], false, true),
  },
  {
    family: 'encoding',
    name: 'every part UTF-8 with a byte-order mark',
    mutate: (p) => xmlParts(p).forEach((n) => (p[n] = Uint8Array.from([0xef, 0xbb, 0xbf, ...(p[n] ?? [])]))),
  },
  {
    family: 'prefix',
    name: 'SpreadsheetML parts written with an x: prefix',
    mutate: (p) => spreadsheetParts(p).forEach((n) => edit(p, n, prefixed)),
  },
  { family: 'form', name: 'every empty element open-and-closed', mutate: (p) => xmlParts(p).forEach((n) => edit(p, n, expanded)) },
  { family: 'form', name: 'every empty element self-closing', mutate: (p) => xmlParts(p).forEach((n) => edit(p, n, collapsed)) },
  {
    family: 'form',
    name: 'empty containers: <definedNames/>, <numFmts/>, <dxfs/>',
    mutate: (p) => {
      edit(p, 'xl/workbook.xml', (x) => (/definedNames/.test(x) ? x : x.replace(/(<\/(?:\w+:)?sheets>)/, '$1<definedNames/>')));
      edit(p, 'xl/styles.xml', (x) =>
        x
          .replace(/<numFmts[\s\S]*?<\/numFmts>/, '<numFmts count="0"/>')
          .replace(/<dxfs[\s\S]*?<\/dxfs>|<dxfs[^>]*\/>/, '<dxfs count="0"/>')
          .replace(/numFmtId="16[4-9]"/g, 'numFmtId="14"'),
      );
    },
  },
  {
    family: 'form',
    name: 'empty containers open-and-closed: <definedNames></definedNames>, <sheetData> rows <row></row>',
    mutate: (p) => {
      edit(p, 'xl/workbook.xml', (x) =>
        /definedNames/.test(x) ? x : x.replace(/(<\/(?:\w+:)?sheets>)/, '$1<definedNames></definedNames>'),
      );
      rows((r) => [...r, '<row r="40"></row>'])(p);
    },
  },
  {
    family: 'order',
    name: 'two table rows swapped',
    mutate: rows((r) => (r.length > 4 ? [...r.slice(0, 2), r[3] ?? '', r[2] ?? '', ...r.slice(4)] : r)),
  },
  { family: 'order', name: 'every row in reverse order', mutate: rows((r) => [...r].reverse()) },
  {
    family: 'order',
    name: 'cells of every row in reverse order',
    mutate: rows((r) =>
      r.map((row) =>
        row.replace(
          /^(<[^>]*>)([\s\S]*)(<\/(?:\w+:)?row>)$/,
          (_m, a: string, body: string, b: string) =>
            a + (body.match(/<(?:\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g) ?? []).reverse().join('') + b,
        ),
      ),
    ),
  },
  {
    family: 'order',
    name: 'cells without references',
    mutate: rows((r) => r.map((row) => (/<(?:\w+:)?c\b[^>]*\/>/.test(row) ? row : row.replace(/(<(?:\w+:)?c)\s+r="[A-Z]+\d+"/g, '$1')))),
  },
  {
    family: 'order',
    name: 'rows without references',
    mutate: rows((r) =>
      r.map((row, i) =>
        i > 0 && /r="(\d+)"/.exec(row)?.[1] === String(Number(/r="(\d+)"/.exec(r[i - 1] ?? '')?.[1]) + 1)
          ? row.replace(/^(<(?:\w+:)?row)\s+r="\d+"/, '$1')
          : row,
      ),
    ),
  },
  { family: 'zip', name: 'entries stored without compression', zip: { stored: true } },
  { family: 'zip', name: 'ZIP64 with data descriptors (a streaming writer)', zip: { zip64: true, descriptor: true } },
  { family: 'zip', name: 'ZIP64 records without descriptors', zip: { zip64: true } },
  { family: 'zip', name: 'ZIP64 extra fields in the local headers only (as Python writes)', zip: { zip64: 'local' } },
  { family: 'zip', name: 'data descriptors without ZIP64', zip: { descriptor: true } },
  {
    family: 'zip',
    name: 'two entries of one name',
    extraEntries: [['xl/sharedStrings.xml', enc('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')]],
    refused: /two entries named "xl\/sharedStrings\.xml"/,
  },
  {
    family: 'zip',
    name: 'an entry named outside the package',
    extraEntries: [['../evil.xml', enc('<x/>')]],
    refused: /points outside the package/,
  },
  {
    family: 'zip',
    name: 'a DOCTYPE in the shared strings',
    mutate: (p) => edit(p, 'xl/sharedStrings.xml', (x) => x.replace(/(<\?xml[^>]*\?>\s*)/, '$1<!DOCTYPE sst [<!ENTITY e "x">]>')),
    refused: /DOCTYPE/,
  },
  {
    family: 'zip',
    name: 'a DOCTYPE in a part only copied',
    mutate: (p) => edit(p, 'docProps/app.xml', (x) => x.replace(/(<\?xml[^>]*\?>\s*)/, '$1<!DOCTYPE Properties>')),
    refused: /DOCTYPE/,
  },
  { family: 'conformance', name: 'Strict Open XML', mutate: toStrict },
  { family: 'styles', name: '63,990 cell formats (near the 64,000 we stop at)', mutate: padCellXfs(63_990) },
  { family: 'styles', name: "65,472 cell formats (past our limit, near Excel's)", mutate: padCellXfs(65_472) },
];

/** The mutated package's bytes. */
export function mutated(parts: Parts, m: Mutation): Uint8Array {
  const p: Parts = {};
  for (const [k, v] of Object.entries(parts)) p[k] = Uint8Array.from(v);
  m.mutate?.(p);
  const entries: [string, Uint8Array][] = Object.entries(p);
  entries.push(...(m.extraEntries ?? []));
  return zipEntries(entries, m.zip);
}
