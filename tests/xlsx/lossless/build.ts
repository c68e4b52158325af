/**
 * Builds small .xlsx packages by hand (each XML part written here, zipped with fflate), so the lossless
 * corpus holds exactly the odd parts and elements it tests, with no library deciding what to keep.
 */
import { zipSync } from 'fflate';
import { WORKSHEET_ORDER } from '../../../src/xlsx/sheetPatch';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  x14ac: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac',
  x14: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main',
  xm: 'http://schemas.microsoft.com/office/excel/2006/main',
} as const;
export const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A cell: text (a shared string), a number, a formula with its cached value, or raw `<c>` XML (`@` stands for the reference). */
export type Cell = string | number | null | { f: string; v?: string | number; t?: 'str' | 'b' | 'e'; attrs?: string } | { raw: string };

export interface SheetDraft {
  name: string;
  /** Part name (default xl/worksheets/sheet{n}.xml). */
  part: string;
  rows: Cell[][];
  /** Extra root children by element name (written in schema order), e.g. { hyperlinks: '<hyperlinks>...</hyperlinks>' }. */
  children: Record<string, string>;
  /** Extra relationships of the sheet: [id, type suffix, target]. */
  rels: [string, string, string][];
  /** Extra attributes on <row> elements by row number (e.g. hidden="1"). */
  rowAttrs: Record<number, string>;
  rootAttrs: string;
  state?: 'hidden';
  /** Raw rows appended inside sheetData (far-away cells without a huge array). */
  extraRowsXml?: string;
  /** A chart sheet: its XML as written (rows ignored). */
  chartsheet?: string;
}

export interface Draft {
  sheets: SheetDraft[];
  /** Other parts: path -> content. */
  parts: Record<string, string | Uint8Array>;
  /** Content type overrides: path -> type. */
  overrides: Record<string, string>;
  /** Content type defaults: extension -> type. */
  defaults: Record<string, string>;
  /** Extra workbook relationships: [id, type suffix or full URI, target]. */
  workbookRels: [string, string, string][];
  /** Extra package relationships. */
  packageRels: [string, string, string][];
  /** Workbook children by name (definedNames, calcPr, workbookProtection, externalReferences, workbookPr). */
  workbook: Record<string, string>;
  workbookType: string;
  /** Raw shared-string items appended after the generated ones (`<si>...</si>`). */
  extraStrings: string[];
  styles?: string;
  /** Last changes to the finished parts (e.g. a namespace prefix on a sheet). */
  post?: (parts: Record<string, Uint8Array>) => void;
}

export const HEADER = ['No', 'Subject', 'Lead', 'Timescales', 'Recommendation', 'Progress'];

/** The plan every corpus workbook carries: a title row, the header on row 2, four recommendations. */
export function planRows(): Cell[][] {
  return [
    ['Action plan: position as at 31 March 2002'],
    [...HEADER],
    [
      'R1',
      'Budget monitoring\nStatutory',
      'Head of Finance',
      'September 2002',
      'Report monthly',
      'Reports go monthly.\nRecommendation met: completely',
    ],
    ['R2', 'Staff appraisal\nNonstatutory', 'Head of HR', 'March 2001', 'Appraise all staff', 'Half done.\nRecommendation met: partially'],
    ['R3', 'Data quality\nNonstatutory', 'Head of IT', 'Ongoing', 'Check the data', 'Started.\nRecommendation met: moderately'],
    ['R4', 'Risk register\nStatutory', 'Head of Audit', 'December 2002', 'Keep a register', 'Drafted.'],
  ];
}

/** A fresh draft: one sheet "Plan" with the plan. */
export function draft(): Draft {
  return {
    sheets: [sheet('Plan', planRows(), 1)],
    parts: {},
    overrides: {},
    defaults: {},
    workbookRels: [],
    packageRels: [],
    workbook: {},
    workbookType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    extraStrings: [],
  };
}

export function sheet(name: string, rows: Cell[][], n: number): SheetDraft {
  return { name, part: `xl/worksheets/sheet${n}.xml`, rows, children: {}, rels: [], rowAttrs: {}, rootAttrs: '' };
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escA = (t: string) => esc(t).replace(/"/g, '&quot;');
const col = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : col(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
const relType = (t: string) => (t.startsWith('http') ? t : `${NS.rel}/${t}`);
const relsXml = (rels: [string, string, string][]) =>
  `${HEAD}<Relationships xmlns="${NS.pkg}">${rels.map(([id, t, target]) => `<Relationship Id="${id}" Type="${escA(relType(t))}" Target="${escA(target)}"${/^(https?:|file:|mailto:)|\.xlsx$/.test(target) ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;

function cellXml(cell: Cell, ref: string, strings: Map<string, number>): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'string') {
    if (!strings.has(cell)) strings.set(cell, strings.size);
    return `<c r="${ref}" t="s"><v>${strings.get(cell)}</v></c>`;
  }
  if ('raw' in cell) return cell.raw.replace(/@/g, ref);
  const t = cell.t ? ` t="${cell.t}"` : typeof cell.v === 'string' ? ' t="str"' : '';
  const v = cell.v === undefined ? '' : `<v>${esc(String(cell.v))}</v>`;
  return `<c r="${ref}"${t}${cell.attrs ?? ''}><f>${esc(cell.f)}</f>${v}</c>`;
}

function worksheetXml(s: SheetDraft, strings: Map<string, number>): string {
  const rows = s.rows
    .map((cells, i) => {
      const r = i + 1;
      const body = cells.map((c, j) => cellXml(c, `${col(j)}${r}`, strings)).join('');
      return body || s.rowAttrs[r] ? `<row r="${r}"${s.rowAttrs[r] ? ` ${s.rowAttrs[r]}` : ''}>${body}</row>` : '';
    })
    .join('');
  const children = { ...s.children, sheetData: `<sheetData>${rows}${s.extraRowsXml ?? ''}</sheetData>` };
  const ordered = WORKSHEET_ORDER.filter((k) => k in children).map((k) => children[k as keyof typeof children]);
  return `${HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" xmlns:x14ac="${NS.x14ac}" mc:Ignorable="x14ac"${s.rootAttrs}>${ordered.join('')}</worksheet>`;
}

const STYLES = `${HEAD}<styleSheet xmlns="${NS.main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'extLst',
];

/** The package's parts, path -> bytes. */
export function parts(d: Draft): Record<string, Uint8Array> {
  const enc = new TextEncoder();
  const out: Record<string, Uint8Array> = {};
  const put = (p: string, c: string | Uint8Array) => (out[p] = typeof c === 'string' ? enc.encode(c) : c);
  const strings = new Map<string, number>();
  const wbRels: [string, string, string][] = [];
  const overrides: Record<string, string> = {
    'xl/workbook.xml': d.workbookType,
    'xl/styles.xml': `application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml`,
    'xl/sharedStrings.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    'docProps/core.xml': 'application/vnd.openxmlformats-package.core-properties+xml',
    'docProps/app.xml': 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  };
  const sheetTags = d.sheets.map((s, i) => {
    const id = `rId${i + 1}`;
    const target = s.part.replace(/^xl\//, '');
    if (s.chartsheet) {
      wbRels.push([id, 'chartsheet', target]);
      put(s.part, s.chartsheet);
      overrides[s.part] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml';
    } else {
      wbRels.push([id, 'worksheet', target]);
      put(s.part, worksheetXml(s, strings));
      overrides[s.part] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
    }
    if (s.rels.length) put(s.part.replace(/([^/]+)$/, '_rels/$1.rels'), relsXml(s.rels));
    return `<sheet name="${escA(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${id}"/>`;
  });
  const n = d.sheets.length;
  wbRels.push(
    [`rId${n + 1}`, 'styles', 'styles.xml'],
    [`rId${n + 2}`, 'sharedStrings', 'sharedStrings.xml'],
    [`rId${n + 3}`, 'theme', 'theme/theme1.xml'],
    ...d.workbookRels,
  );
  const wbChildren: Record<string, string> = {
    workbookPr: '<workbookPr defaultThemeVersion="164011"/>',
    bookViews: '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>',
    ...d.workbook,
    sheets: `<sheets>${sheetTags.join('')}</sheets>`,
  };
  wbChildren.calcPr ??= '<calcPr calcId="191029"/>';
  const wb = WORKBOOK_ORDER.filter((k) => k in wbChildren)
    .map((k) => wbChildren[k])
    .join('');
  put('xl/workbook.xml', `${HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">${wb}</workbook>`);
  put('xl/_rels/workbook.xml.rels', relsXml(wbRels));
  put('xl/styles.xml', d.styles ?? STYLES);
  put(
    'xl/theme/theme1.xml',
    `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
  );
  const si = [...strings.keys()].map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${esc(t)}</t></si>`);
  const all = [...si, ...d.extraStrings];
  put('xl/sharedStrings.xml', `${HEAD}<sst xmlns="${NS.main}" count="${all.length}" uniqueCount="${all.length}">${all.join('')}</sst>`);
  put(
    'docProps/core.xml',
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Finance</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2002-03-31T09:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  put(
    'docProps/app.xml',
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
  );
  for (const [p, c] of Object.entries(d.parts)) put(p, c);
  Object.assign(overrides, d.overrides);
  const defaults: Record<string, string> = {
    rels: 'application/vnd.openxmlformats-package.relationships+xml',
    xml: 'application/xml',
    ...d.defaults,
  };
  put(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${Object.entries(defaults)
      .map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`)
      .join('')}${Object.entries(overrides)
      .map(([p, t]) => `<Override PartName="/${escA(p)}" ContentType="${t}"/>`)
      .join('')}<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`,
  );
  put(
    '_rels/.rels',
    relsXml([
      ['rId1', 'officeDocument', 'xl/workbook.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId3', 'extended-properties', 'docProps/app.xml'],
      ...d.packageRels,
    ]),
  );
  return out;
}

/** The draft as .xlsx bytes ([Content_Types].xml first, as Excel writes it). */
export function pack(d: Draft): Uint8Array {
  const p = parts(d);
  d.post?.(p);
  const ordered: Record<string, Uint8Array> = {};
  for (const k of ['[Content_Types].xml', ...Object.keys(p).filter((k) => k !== '[Content_Types].xml')]) ordered[k] = p[k] as Uint8Array;
  return zipSync(ordered, { level: 6, mtime: new Date('2002-03-31T09:00:00Z') });
}

export { col, esc, escA };
