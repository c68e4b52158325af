import { cellAddress, parseAddress } from '../core/address';
import { looksLikeFormula } from '../core/cells';
import { SUMMARY_DATE_FORMAT, type SummaryModel, type SummaryStyle } from '../core/plans/summaryModel';
import { summaryStyle, type SummaryLook } from './cellStyles';
import { textCell } from './sheetPatch';
import type { StyleBook } from './styles';
import { escapeAttr, escapeText } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30): no numFmt element needed. */
const NUMBER_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/** A sheet-qualified absolute reference: 'Q1 ''24'!$A$1. */
export function sheetRef(sheet: string, range: string): string {
  const abs = range
    .split(':')
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

/** Every cell of each range ("A1:C3" or "A1"), as "row:column" keys. */
function cellsOf(range: string): string[] {
  const [a = 'A1', b = a] = range.split(':');
  const tl = parseAddress(a);
  const br = parseAddress(b);
  if (!tl || !br) return [];
  const out: string[] = [];
  for (let r = tl.row; r <= br.row; r++) for (let c = tl.column; c <= br.column; c++) out.push(`${r}:${c}`);
  return out;
}

function lookGrid(model: SummaryModel): Map<string, SummaryStyle> {
  const looks = new Map<string, SummaryStyle>();
  for (const s of model.styles) for (const k of cellsOf(s.range)) looks.set(k, s.style);
  return looks;
}

/** Days between Excel's 1900 and 1904 date systems: a 1904 workbook's serials are this much smaller. */
const DAYS_1904 = 1462;

/** Manual page breaks above the given rows (CT_PageBreak: a brk's id is the last row before the break). */
export function rowBreaksXml(rows: readonly number[]): string {
  const ids = rows.filter((r) => r > 1).map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`);
  return ids.length === 0 ? '' : `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${ids.join('')}</rowBreaks>`;
}

/**
 * One of our sheets' XML (the summary, the chase sheet): text as inline strings (formula-like text with a quote
 * prefix, so it can never turn live), numbers and dates as numbers (dates shifted for a workbook on the 1904 date
 * system), figure columns and their headers right-aligned, the colour key's cells filled, the model's page breaks.
 */
export function summarySheetXml(model: SummaryModel, book: StyleBook, drawingRid: string | null, date1904 = false): string {
  const looks = lookGrid(model);
  const right = new Set(model.rightAligned.flatMap(cellsOf));
  const swatches = new Map(model.swatches.flatMap((s) => cellsOf(s.range).map((k) => [k, s] as const)));
  const rows: string[] = [];
  model.rows.forEach((cells, i) => {
    const r = i + 1;
    const out: string[] = [];
    cells.forEach((cell, c) => {
      const key = `${r}:${c}`;
      const look: SummaryLook = looks.get(key) ?? 'plain';
      const swatch = swatches.get(key);
      const extra = { right: right.has(key), ...(swatch ? { swatch } : {}) };
      const ref = cellAddress(c, r);
      if (cell.value === null || cell.value === '') {
        // A header cell or a key swatch keeps its look even when empty.
        if (look === 'tableHeader' || swatch) out.push(`<c r="${ref}" s="${summaryStyle(book, look, 0, false, extra)}"/>`);
        return;
      }
      if (typeof cell.value === 'number') {
        const format = cell.numberFormat ?? '';
        const numFmtId = NUMBER_FORMATS[format] ?? (format === SUMMARY_DATE_FORMAT ? book.numFmt(format) : 0);
        const value = Number.isFinite(cell.value) ? cell.value - (date1904 && format === SUMMARY_DATE_FORMAT ? DAYS_1904 : 0) : 0;
        out.push(`<c r="${ref}" s="${summaryStyle(book, look, numFmtId, false, extra)}"><v>${value}</v></c>`);
        return;
      }
      const quote = looksLikeFormula(cell.value) || /^[\t\r\n]/.test(cell.value);
      out.push(textCell(ref, summaryStyle(book, look, 0, quote, extra), cell.value));
    });
    if (out.length > 0) rows.push(`<row r="${r}">${out.join('')}</row>`);
  });
  const cols = model.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${rowBreaksXml(model.rowBreaks)}` +
    `${drawingRid ? `<drawing r:id="${drawingRid}"/>` : ''}</worksheet>`
  );
}

/** The drawing part that holds the chart, anchored at the model's anchor cell. */
export function drawingXml(model: SummaryModel, chartRid: string): string {
  const at = parseAddress(model.chart?.anchor ?? 'D8') ?? { column: 3, row: 8 };
  const end = parseAddress(model.chart?.end ?? 'F23') ?? { column: at.column + 2, row: at.row + 15 };
  const point = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${point(at.column, at.row - 1)}</xdr:from><xdr:to>${point(end.column, end.row - 1)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Recommendations by status"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="${chartRid}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** Value labels at the end of each bar (CT_DLbls: numFmt, spPr, dLblPos, then the show flags, in schema order). */
const DATA_LABELS =
  '<c:dLbls><c:numFmt formatCode="0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/>' +
  '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';

/** A DrawingML bar chart of the distribution by level, pointing at the summary's figures (with cached values for readers that do not recalculate). */
export function chartXml(model: SummaryModel): string {
  const chart = model.chart;
  const [a = 'A1', b = a] = (chart?.dataRange ?? 'A1:B1').split(':');
  const tl = parseAddress(a) ?? { column: 0, row: 1 };
  const br = parseAddress(b) ?? tl;
  const labels: string[] = [];
  const counts: number[] = [];
  for (let r = tl.row + 1; r <= br.row; r++) {
    const row = model.rows[r - 1];
    labels.push(String(row?.[tl.column]?.value ?? ''));
    const v = row?.[tl.column + 1]?.value;
    counts.push(typeof v === 'number' ? v : 0);
  }
  const name = String(model.rows[tl.row - 1]?.[tl.column + 1]?.value ?? 'Count');
  const ref = (col: number, r0: number, r1: number) =>
    escapeText(sheetRef(model.sheetName, `${cellAddress(col, r0)}:${cellAddress(col, r1)}`));
  const pts = (xs: readonly (string | number)[]) =>
    `<c:ptCount val="${xs.length}"/>${xs.map((x, i) => `<c:pt idx="${i}"><c:v>${escapeText(String(x))}</c:v></c:pt>`).join('')}`;
  const title = escapeText(chart?.title ?? 'Recommendations by status');
  // Each bar in its level's colour (c:dPt, CT_DPt: idx, invertIfNegative, bubble3D, spPr in that order).
  const points = (chart?.pointColours ?? [])
    .map(
      (hex, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/></a:solidFill></c:spPr></c:dPt>`,
    )
    .join('');
  return (
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${ref(tl.column + 1, tl.row, tl.row).replace(/:.*$/, '')}</c:f><c:strCache>${pts([name])}</c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${points}${DATA_LABELS}` +
    `<c:cat><c:strRef><c:f>${ref(tl.column, tl.row + 1, br.row)}</c:f><c:strCache>${pts(labels)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${ref(tl.column + 1, tl.row + 1, br.row)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${pts(counts)}</c:numCache></c:numRef></c:val>` +
    `</c:ser><c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A relationships part. */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`)
    .join('')}</Relationships>`;
}
