import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as browser from '../../src/xlsx/codec.browser';
import * as node from '../../src/xlsx/codec';
import { readZip } from '../../src/xlsx/zip';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', 'action-plan-2001-02.xlsx');

describe("the browser build's DEFLATE (fflate) against the command's (node:zlib)", () => {
  test('every part of the sample workbook inflates to the same bytes', () => {
    const entries = [...readZip(new Uint8Array(readFileSync(SAMPLE))).values()].filter((e) => e.method === 8);
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) expect(Buffer.from(browser.inflateRaw(e.data, e.size))).toEqual(Buffer.from(node.inflateRaw(e.data, e.size)));
  });

  test('what one deflates the other inflates', () => {
    const text = new TextEncoder().encode(
      '<sheetData>'.concat('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(500), '</sheetData>'),
    );
    expect(Buffer.from(node.inflateRaw(browser.deflateRaw(text), text.length))).toEqual(Buffer.from(text));
    expect(Buffer.from(browser.inflateRaw(node.deflateRaw(text), text.length))).toEqual(Buffer.from(text));
  });

  test('a part that inflates past its declared size never fills more than that size', () => {
    const big = new Uint8Array(1_000_000).fill(65);
    const out = browser.inflateRaw(node.deflateRaw(big), 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
  });
});
