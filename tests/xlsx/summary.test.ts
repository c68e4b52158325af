jest.setTimeout(60_000);

import { unzipSync } from 'fflate';
import { RATING_SWATCHES, STATUTORY_ROW, UNRATED_BAR } from '../../src/core/plans/palette';
import { referenceValues } from '../fixtures/reference';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { attr, decode, elementEnd, nextTag, readRoot } from '../../src/xlsx/xml';
import { draft, pack, sheet, type Cell } from './lossless/build';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

/** The reference appendix as an .xlsx, run through `apply`; the output's parts. */
function applied(options: { asAt?: string; date1904?: boolean } = {}): Record<string, Uint8Array> {
  const d = draft();
  d.sheets = [
    sheet(
      'Appendix 1',
      referenceValues().map(
        (r) => r.map((v) => (typeof v === 'boolean' || (typeof v === 'object' && v !== null) ? String(v) : v)) as Cell[],
      ),
      1,
    ),
  ];
  if (options.date1904) d.workbook.workbookPr = '<workbookPr date1904="1"/>';
  const wb = openWorkbook(pack(d));
  const analyse = { today: '2026-11-26', ...(options.asAt ? { asAt: options.asAt } : {}) };
  applyToWorkbook(wb, chooseSheet(wb, analyse), { statusColumn: true, generatedAt: '26 November 2026' });
  return unzipSync(wb.pkg.toBytes());
}

interface WrittenCell {
  /** Text of an inline string, or the number a <v> holds. */
  value: string | number;
  /** Horizontal alignment of its cell format, or undefined. */
  horizontal: string | undefined;
  /** The number format's code ("General" for 0). */
  format: string;
  /** The solid fill's colour (ARGB), or undefined. */
  fill?: string;
}

const BUILT_IN: Record<number, string> = { 0: 'General', 1: '0', 3: '#,##0', 9: '0%' };

/** The summary sheet's cells by address, with what its style says (read from the written parts, not from the model). */
function summaryCells(out: Record<string, Uint8Array>, marker = 'Headline figures'): Map<string, WrittenCell> {
  const name = Object.keys(out).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && text(out[n]).includes(marker)) ?? '';
  const xml = text(out[name]);
  const styles = text(out['xl/styles.xml']);
  const root = readRoot(styles, 'styles');
  const items = (section: string) => {
    const el = root.children.find((c) => c.local === section);
    const list: string[] = [];
    for (
      let t = el ? nextTag(styles, el.open.end) : null;
      t && !t.close && el && t.start < el.end;
      t = nextTag(styles, elementEnd(styles, t))
    )
      list.push(styles.slice(t.start, elementEnd(styles, t)));
    return list;
  };
  const xfs = items('cellXfs');
  const fills = items('fills');
  const formats = new Map(items('numFmts').map((f) => [Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '']));
  const cells = new Map<string, WrittenCell>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?:\/>|>(.*?)<\/c>)/g)) {
    const [, ref = '', s = '0', t, body = ''] = m;
    const xf = xfs[Number(s)] ?? '';
    const numFmtId = Number(attr(xf, 'numFmtId') ?? 0);
    const alignment = /<alignment\b[^>]*>/.exec(xf)?.[0] ?? '';
    const value =
      t === 'inlineStr' ? decode(/<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1] ?? '') : Number(/<v>([^<]*)<\/v>/.exec(body)?.[1] ?? NaN);
    const fill = /<fgColor\b[^>]*>/.exec(fills[Number(attr(xf, 'fillId') ?? 0)] ?? '')?.[0];
    cells.set(ref, {
      value,
      horizontal: attr(alignment, 'horizontal'),
      format: formats.get(numFmtId) ?? BUILT_IN[numFmtId] ?? String(numFmtId),
      ...(fill ? { fill: attr(fill, 'rgb') } : {}),
    });
  }
  return cells;
}

/** The row (1-based) whose column A holds `label`. */
function rowOf(cells: Map<string, WrittenCell>, label: string): number {
  for (const [ref, c] of cells) if (/^A\d+$/.test(ref) && c.value === label) return Number(ref.slice(1));
  throw new Error(`no row "${label}"`);
}

// The reference appendix, counted by hand from tests/fixtures/action-plan-2001-02.json: 13 recommendations;
// completely R2 R4 R5 R10 R11 R12 (6); statutory R1 R3 R10 (3), of which R10 complete (1); as at 31 March 2002.
describe('[M1] the written summary sheet (.xlsx)', () => {
  const out = applied();
  const cells = summaryCells(out);
  const at = (ref: string) => cells.get(ref);

  test('[M1] each block\u2019s figures sit under their own headers, right-aligned with them', () => {
    const header = rowOf(cells, 'Statutory and priority') + 1;
    expect(['A', 'B', 'C', 'D'].map((c) => at(`${c}${header}`)?.value)).toEqual(['Group', 'Items', 'Complete', 'Overdue']);
    // Statutory: 3 items, 1 complete (1/3), none overdue.
    expect(['A', 'B', 'D'].map((c) => at(`${c}${header + 1}`)?.value)).toEqual(['Statutory', 3, 0]);
    expect(at(`C${header + 1}`)?.value).toBeCloseTo(1 / 3, 10);
    expect(at(`C${header + 1}`)?.format).toBe('0%');
    // Counts with thousands separators (Excel's built-in #,##0).
    expect(at(`B${header + 1}`)?.format).toBe('#,##0');
    for (const c of ['B', 'C', 'D']) {
      expect(at(`${c}${header}`)?.horizontal).toBe('right');
      expect(at(`${c}${header + 1}`)?.horizontal).toBe('right');
      expect(at(`${c}${header + 2}`)?.horizontal).toBe('right');
    }
    expect(at(`A${header}`)?.horizontal).toBeUndefined();
    expect(at(`A${header + 1}`)?.horizontal).toBeUndefined();

    const headline = rowOf(cells, 'Headline figures') + 1;
    expect(['A', 'B', 'C', 'D'].map((c) => at(`${c}${headline}`)?.value)).toEqual(['Measure', 'Number', 'Out of', 'Share']);
    const complete = rowOf(cells, 'Complete');
    expect(['A', 'B', 'C'].map((c) => at(`${c}${complete}`)?.value)).toEqual(['Complete', 6, 13]);
    expect(at(`B${headline}`)?.horizontal).toBe('right');
    expect(at(`B${complete}`)?.horizontal).toBe('right');
  });

  test('[M1] the count with its base: "6 of 13, 46%"', () => {
    expect([...cells.values()].map((c) => c.value)).toContain('Complete: 6 of 13, 46%. Overdue: 0. Not rated: 0.');
  });

  test('[M1] dates are numbers with the format d mmmm yyyy', () => {
    const asAt = at(`B${rowOf(cells, 'Position as at')}`);
    // 31 March 2002: 1 January 2002 is serial 37257; + 31 + 28 + 30 = 37346.
    // A real date, left-aligned so it lines up with the label block's other values ("Appendix 1", the day generated).
    expect(asAt).toEqual({ value: 37346, horizontal: 'left', format: 'd mmmm yyyy' });
  });

  test('[M1] the chase sheet\u2019s checks hold the rule IDs, cells and severities; the committee\u2019s pages do not', () => {
    const chase = summaryCells(out, 'Checks for the officer preparing the report');
    const checks = rowOf(chase, 'Checks for the officer preparing the report');
    const below = [...chase].filter(([ref]) => Number(ref.replace(/^[A-Z]+/, '')) >= checks).map(([, c]) => String(c.value));
    const committee = [...cells.values()].map((c) => String(c.value));
    // The appendix's three findings: R5's missing timescale (D10), R1's timescale without a date (D6), R10's placed year (D15).
    for (const detail of ['TIMESCALE_MISSING', 'TIMESCALE_NO_DEADLINE', 'TIMESCALE_YEAR_INFERRED', 'D10', 'D6', 'D15', 'Warning', 'Note']) {
      expect(below).toContain(detail);
      expect(committee).not.toContain(detail);
    }
    expect(committee.some((v) => /[A-Z]+_[A-Z]+|A5:F18|\bwarning\b|\binfo\b/.test(v))).toBe(false);
  });

  test('[M1] the colour key\u2019s cells carry the fills they explain (on the chase sheet); the distribution\u2019s labels the bars\u2019', () => {
    const chase = summaryCells(out, 'Checks for the officer preparing the report');
    const key = rowOf(chase, 'Colour key: what the highlights on the plan mean');
    expect(chase.get(`A${key + 2}`)).toMatchObject({ value: 'Statutory', fill: `FF${STATUTORY_ROW.fill.slice(1)}` });
    // The reference appendix's levels, best first: Completely in the first rating colour.
    expect(chase.get(`A${key + 3}`)).toMatchObject({
      value: 'Completely / Complete',
      fill: `FF${(RATING_SWATCHES[0]?.fill ?? '').slice(1)}`,
    });
    expect(chase.get(`B${key + 2}`)?.fill).toBeUndefined();
    const first = rowOf(cells, 'Recommendation met');
    expect(at(`A${first + 1}`)).toMatchObject({ value: 'Completely', fill: `FF${(RATING_SWATCHES[0]?.fill ?? '').slice(1)}` });
  });

  test('[M1] the chart: one bar colour per level from the palette, value labels on', () => {
    const chart = text(out[Object.keys(out).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)) ?? '']);
    const points = [...chart.matchAll(/<c:dPt><c:idx val="(\d+)"\/>.*?<a:srgbClr val="([0-9A-F]{6})"\/>.*?<\/c:dPt>/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    // Completely, Significantly, Moderately, Partially, Not met: the five rating colours; then Not rated.
    const bars = [...RATING_SWATCHES.map((s) => s.fill), UNRATED_BAR.fill].map((hex) => hex.slice(1));
    expect(points).toEqual(bars.map((hex, i) => [i, hex]));
    expect(chart).toMatch(/<c:dLbls>.*<c:showVal val="1"\/>.*<\/c:dLbls>/);
    // Schema order inside the series: spPr, invertIfNegative, dPt..., dLbls, cat, val.
    expect(chart.indexOf('<c:dPt>')).toBeGreaterThan(chart.indexOf('<c:invertIfNegative'));
    expect(chart.indexOf('<c:dLbls>')).toBeGreaterThan(chart.lastIndexOf('</c:dPt>'));
    expect(chart.indexOf('<c:cat>')).toBeGreaterThan(chart.indexOf('</c:dLbls>'));
  });
});

describe('[M1] dates on a 1904 workbook and the lists (.xlsx)', () => {
  test('[M1] a workbook on the 1904 date system gets 1904 serials: the same day, not four years later', () => {
    const cells = summaryCells(applied({ date1904: true }));
    // 37346 in the 1900 system is 37346 - 1462 = 35884 in the 1904 system.
    expect(cells.get(`B${rowOf(cells, 'Position as at')}`)?.value).toBe(35884);
  });

  test('[C1] the chase list: due dates as dates, days right-aligned under their header, a manual break per lead', () => {
    // As at 30 June 2003: R7 (May/June 2002, due 30 June 2002) is 365 days overdue, the first of the list.
    const out = applied({ asAt: '2003-06-30' });
    const cells = summaryCells(out, 'Checks for the officer preparing the report');
    const lead = rowOf(cells, 'ACPRS/ Head of Business Change Group');
    const header = lead + 1;
    expect(['A', 'B', 'C'].map((c) => cells.get(`${c}${header}`)?.value)).toEqual(['Ref', 'Due', 'Days overdue']);
    // 30 June 2002: 31 March 2002 (37346) + 30 + 31 + 30 = 37437.
    expect(cells.get(`B${header + 1}`)).toEqual({ value: 37437, horizontal: 'right', format: 'd mmmm yyyy' });
    expect(cells.get(`C${header + 1}`)).toEqual({ value: 365, horizontal: 'right', format: '#,##0' });
    expect(cells.get(`C${header}`)?.horizontal).toBe('right');
    // The next lead (ACHR, R6 181 days) starts a printed page: a manual break above its heading.
    const name =
      Object.keys(out).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && text(out[n]).includes('Checks for the officer')) ?? '';
    expect(text(out[name])).toContain(`<brk id="${rowOf(cells, 'ACHR') - 1}" max="16383" man="1"/>`);
  });
});
