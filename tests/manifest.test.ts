/**
 * @jest-environment jsdom
 */
// The offline manifest check: what can be checked without Microsoft's validation service (`npm run validate`).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const { productionManifest, checkBaseUrl } = require('../scripts/manifest') as {
  productionManifest: (xml: string, base: string) => string;
  checkBaseUrl: (url: string) => string;
};

const ROOT = join(__dirname, '..');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const PRODUCTION = productionManifest(SOURCE, 'https://addins.example.gov.uk/action-plan-checker/');

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const all = (doc: Document, tag: string) => Array.from(doc.getElementsByTagName(tag));
const urls = (xml: string) => [...xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1] ?? '');

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe.each([
  ['source', SOURCE],
  ['production', PRODUCTION],
])('%s manifest.xml', (_name, xml) => {
  const doc = parse(xml);

  test('is well-formed, with a GUID id and this product\u2019s names', () => {
    expect(all(doc, 'Id')[0]?.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all(doc, 'DisplayName')[0]?.getAttribute('DefaultValue')).toBe('Action Plan Checker');
    expect(all(doc, 'Description')[0]?.getAttribute('DefaultValue')).toMatch(/action plan/i);
    expect(all(doc, 'ProviderName')[0]?.textContent).toBeTruthy();
    expect(all(doc, 'SupportUrl')).toHaveLength(1);
  });

  test('asks for ReadWriteDocument and an ExcelApi requirement set', () => {
    expect(all(doc, 'Permissions')[0]?.textContent).toBe('ReadWriteDocument');
    const set = all(doc, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(Number(set?.getAttribute('MinVersion'))).toBeGreaterThanOrEqual(1.9);
    expect(all(doc, 'Host')[0]?.getAttribute('Name')).toBe('Workbook');
  });

  test('every URL is https and on one base URL', () => {
    const list = urls(xml);
    expect(list.length).toBeGreaterThan(5);
    const bases = new Set(list.map((u) => u.replace(/[^/]*$/, '').replace(/assets\/$/, '')));
    expect(bases.size).toBe(1);
    for (const u of list) expect(u.startsWith('https://')).toBe(true);
    expect(all(doc, 'AppDomain')).toHaveLength(0);
  });

  test('every resid referenced is defined', () => {
    const defined = new Set(
      all(doc, '*')
        .filter((e) => e.parentElement && /^(bt:)?(Images|Urls|ShortStrings|LongStrings)$/.test(e.parentElement.tagName))
        .map((e) => e.getAttribute('id')),
    );
    const used = all(doc, '*')
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(5);
    for (const r of used) expect(defined).toContain(r);
  });

  test('the ribbon has an "Action plan" group with a pane button and a one-click Summary function', () => {
    const actions = all(doc, 'Action').map((a) => a.getAttribute('xsi:type'));
    expect(actions).toEqual(['ShowTaskpane', 'ExecuteFunction']);
    expect(all(doc, 'FunctionName')[0]?.textContent).toBe('runSummary');
    expect(all(doc, 'OfficeTab')[0]?.getAttribute('id')).toBe('TabHome');
    expect(xml).toContain('DefaultValue="Action plan"');
  });

  test('every icon exists with the size its name says', () => {
    const icons = urls(xml).filter((u) => u.includes('/assets/'));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const u of icons) {
      const file = join(ROOT, 'assets', u.split('/').pop() ?? '');
      expect(existsSync(file)).toBe(true);
      const n = Number(/icon-(\d+)\.png$/.exec(file)?.[1]);
      expect(pngSize(file)).toEqual([n, n]);
    }
    expect(pngSize(join(ROOT, 'assets', 'icon-128.png'))).toEqual([128, 128]);
  });

  test('every ribbon control has all 8 icon sizes Microsoft lists, so none is blurry at 125-200% scaling', () => {
    // https://learn.microsoft.com/office/dev/add-ins/reference/manifest/icon: 16, 32 and 80 required; 20, 24, 40,
    // 48 and 64 supported "to make sure the icons look good at all DPI scalings".
    const icons = all(doc, 'Icon').filter((i) => i.getElementsByTagName('bt:Image').length > 0);
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) {
      const sizes = Array.from(icon.getElementsByTagName('bt:Image')).map((i) => Number(i.getAttribute('size')));
      expect(sizes.sort((a, b) => a - b)).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    }
  });
});

describe('production manifest', () => {
  test('has no localhost and points at the base URL given at build time', () => {
    expect(PRODUCTION).not.toContain('localhost');
    expect(urls(PRODUCTION).every((u) => u.startsWith('https://addins.example.gov.uk/action-plan-checker/'))).toBe(true);
  });

  test('refuses a base URL that is not https or is localhost', () => {
    expect(() => checkBaseUrl('http://example.org/')).toThrow(/https/);
    expect(() => checkBaseUrl('https://localhost:3000/')).toThrow(/localhost/);
    expect(checkBaseUrl('https://a.example.org/x')).toBe('https://a.example.org/x/');
  });
});
