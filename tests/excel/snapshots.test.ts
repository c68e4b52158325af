import { MOVEMENT_LABELS } from '../../src/core/figures/movement';
import { keptAsAt, readSnapshotXml, SNAPSHOT_NAMESPACE } from '../../src/core/figures/snapshotXml';
import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { PROFILES, useFakeExcel } from '../fakes/jestFake';
import { HEADER } from '../fixtures/sheets';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

type Row = [string, string, string, string, string, string];
const row = (id: string, timescale: string, progress: string): Row => [
  id,
  'Subject\nNonstatutory',
  'Head of Performance',
  timescale,
  `Recommendation ${id}: improve the way the thing is done`,
  progress,
];

/** The first quarterly return: three open items. */
const Q1: Row[] = [
  row('R1', 'March 2002', 'Work started.\nRecommendation met: partially'),
  row('R2', 'December 2002', 'Not yet started.\nRecommendation met: no'),
  row('R3', 'January 2002', 'Plan drafted.\nRecommendation met: partially'),
];
/**
 * The next return, by hand against Q1: R1 is now met completely (completed); R2's progress text is word for word the same
 * (unchanged progress); R3 fell from partially to not met (status worse) and, due January 2002, is past due at
 * 31 March 2002 but was not at 31 December 2001 (newly overdue). Nothing added, removed or re-dated.
 */
const Q2: Row[] = [
  row('R1', 'March 2002', 'All done.\nRecommendation met: completely'),
  row('R2', 'December 2002', 'Not yet started.\nRecommendation met: no'),
  row('R3', 'January 2002', 'Plan drafted; consultation slipped.\nRecommendation met: no'),
];

describe.each(PROFILES)('$name', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  /** Puts a return on the sheet "Plan" (created on first use), replacing its title and rows; our status column stays. */
  function putReturn(asAt: string, rows: Row[]): void {
    const found = fake.findSheet('Plan');
    const sheet = found ?? fake.addSheet('Plan', [[''], HEADER]);
    sheet.values[0] = [`Position as at ${asAt}`];
    rows.forEach((r, i) => {
      const status = sheet.values[i + 2]?.[6];
      sheet.values[i + 2] = status === undefined ? [...r] : [...r, status];
    });
  }

  const ourParts = () => fake.xmlParts.filter((p) => keptAsAt(p.namespaceUri) !== null);
  /** The as-at dates of the snapshots kept, read from the parts themselves, oldest first. */
  const keptDates = () =>
    ourParts()
      .map((p) => readSnapshotXml(p.xml)?.asAt ?? 'unreadable')
      .sort();
  /** The summary sheet's rows of the "Since" block: label, count, references. */
  function sinceBlock(): { title: string; rows: Map<string, [unknown, unknown]> } | null {
    const values = fake.sheet('Action plan summary').values;
    // "Since the last return" says there is none to compare with.
    const at = values.findIndex((r) => /^Since (?!the last return)/.test(String(r[0])));
    if (at < 0) return null;
    const rows = new Map<string, [unknown, unknown]>();
    for (const r of values.slice(at + 2, at + 2 + Object.keys(MOVEMENT_LABELS).length)) rows.set(String(r[0]), [r[1], r[2]]);
    return { title: String(values[at]?.[0]), rows };
  }

  test('[M2.6] each summary run keeps its snapshot in a custom XML part of ours, never on a sheet, at most 8', async () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];
    for (const month of months) {
      putReturn(`28 ${month} 2002`, Q1);
      await runPlan({}, ALL, undefined, { now: NOW });
    }
    expect(ourParts()).toHaveLength(8);
    // Ten returns, the newest 8 kept.
    expect(keptDates()).toEqual(months.slice(2).map((_, i) => `2002-${String(i + 3).padStart(2, '0')}-28`));
    expect(fake.sheets.map((s) => s.name)).toEqual(['Plan', 'Action plan summary', 'Action plan chase and checks']);
  });

  test('[M2.4] re-running one return records no movement and keeps one snapshot of it', async () => {
    putReturn('31 December 2001', Q1);
    const first = await runPlan({}, ALL, undefined, { now: NOW });
    const xml = ourParts()[0]?.xml;
    const second = await runPlan({}, ALL, undefined, { now: NOW });
    expect(first.movement).toEqual({ kind: 'first' });
    expect(second.movement).toEqual({ kind: 'first' });
    expect(sinceBlock()).toBeNull();
    expect(ourParts()).toHaveLength(1);
    expect(ourParts()[0]?.xml).toBe(xml);
    expect(keptDates()).toEqual(['2001-12-31']);

    // The next return, run twice: both runs compare with the first return and say the same.
    putReturn('31 March 2002', Q2);
    const third = await runPlan({}, ALL, undefined, { now: NOW });
    const fourth = await runPlan({}, ALL, undefined, { now: NOW });
    expect(fourth.movement).toEqual(third.movement);
    expect(keptDates()).toEqual(['2001-12-31', '2002-03-31']);
  });

  test('[M2.3][M2.5] after the as-at date moved and a status changed, the run and the summary sheet say what moved', async () => {
    putReturn('31 December 2001', Q1);
    await runPlan({}, ALL, undefined, { now: NOW });
    putReturn('31 March 2002', Q2);
    const result = await runPlan({}, ALL, undefined, { now: NOW });

    expect(result.movement?.kind).toBe('since');
    if (result.movement?.kind !== 'since') return;
    expect(result.movement.movement).toMatchObject({
      previousAsAt: '2001-12-31',
      currentAsAt: '2002-03-31',
      completed: ['R1'],
      ratingUp: [],
      ratingDown: ['R3'],
      newlyOverdue: ['R3'],
      added: [],
      removed: [],
      dueChanged: [],
      unchangedProgress: ['R2'],
    });
    const block = sinceBlock();
    expect(block?.title).toBe('Since 31 December 2001');
    expect(block?.rows.get('Completed')).toEqual([1, 'R1']);
    expect(block?.rows.get('Status worse')).toEqual([1, 'R3']);
    expect(block?.rows.get('Newly overdue')).toEqual([1, 'R3']);
    expect(block?.rows.get('Progress text unchanged')).toEqual([1, 'R2']);
    expect(block?.rows.get('Status improved')).toEqual([0, '']);
  });

  test('[M2.6] a re-run reads the kept returns in the sync it already makes: 2 syncs fresh, 3 after, as before', async () => {
    putReturn('31 December 2001', Q1);
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.stats.syncs).toBe(2);
    fake.stats.syncs = 0;
    putReturn('31 March 2002', Q2);
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.stats.syncs).toBe(3);
  });

  test('[M2.6] a re-run of an older return reads the one it compares with in one more sync', async () => {
    const returns: [string, Row[]][] = [
      ['30 September 2001', Q1],
      ['31 December 2001', Q1],
      ['31 March 2002', Q2],
      ['30 June 2002', Q2],
    ];
    for (const [asAt, rows] of returns) {
      putReturn(asAt, rows);
      await runPlan({}, ALL, undefined, { now: NOW });
    }
    fake.stats.syncs = 0;
    putReturn('31 December 2001', Q1);
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.stats.syncs).toBe(4);
    // Compared with September's return, word for word the same: nothing moved, every open item unchanged.
    expect(result.movement?.kind === 'since' ? result.movement.movement : null).toMatchObject({
      previousAsAt: '2001-09-30',
      completed: [],
      ratingDown: [],
      newlyOverdue: [],
      unchangedProgress: ['R1', 'R2', 'R3'],
    });
    expect(keptDates()).toEqual(['2001-09-30', '2001-12-31', '2002-03-31', '2002-06-30']);
  });

  test("[M2.6] another add-in's part, and one of our prefix naming no date, are left exactly as they were", async () => {
    const foreignXml = "<settings xmlns='urn:someone-else'><theme>dark</theme></settings>";
    const foreign = fake.addXmlPart(foreignXml);
    const notes = fake.addXmlPart(`<notes xmlns="${SNAPSHOT_NAMESPACE}notes">keep me</notes>`);
    putReturn('31 December 2001', Q1);
    await runPlan({}, ALL, undefined, { now: NOW });
    putReturn('31 March 2002', Q2);
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(result.movement?.kind).toBe('since');
    expect(fake.xmlParts.slice(0, 2)).toEqual([foreign, notes]);
    expect(foreign.xml).toBe(foreignXml);
    expect(fake.xmlParts).toHaveLength(4);
    expect(keptDates()).toEqual(['2001-12-31', '2002-03-31']);
  });

  test('[M2.6] a damaged kept return is ignored: the run says movement since it is unavailable and keeps its own', async () => {
    putReturn('30 September 2001', Q1);
    await runPlan({}, ALL, undefined, { now: NOW });
    const part = ourParts()[0];
    if (!part) throw new Error('no part kept');
    // Its JSON cut short, as a hand edit or a broken copy might leave it.
    part.xml = part.xml.replace('"rows":[', '"rows":[{');
    putReturn('31 December 2001', Q1);
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(result.movement).toEqual({
      kind: 'unavailable',
      reason: 'The kept return as at 30 September 2001 could not be read, so movement since it is not shown.',
    });
    expect(result.summarySheet).toBe('Action plan summary');
    expect(keptDates()).toEqual(['2001-12-31', 'unreadable']);
    // The next return compares with December's, which reads.
    putReturn('31 March 2002', Q2);
    const next = await runPlan({}, ALL, undefined, { now: NOW });
    expect(next.movement?.kind === 'since' ? next.movement.movement.previousAsAt : null).toBe('2001-12-31');
  });

  test('[M2.6] where the host cannot keep snapshots, the run still writes everything and says movement is unavailable', async () => {
    const office = (
      globalThis as unknown as { Office: { context: { requirements: { isSetSupported: (n: string, v?: string) => boolean } } } }
    ).Office;
    const supported = office.context.requirements.isSetSupported;
    // A host that does not report ExcelApi 1.5 (custom XML parts).
    office.context.requirements.isSetSupported = (name, version) => version !== '1.5' && supported(name, version);
    putReturn('31 December 2001', Q1);
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(result.movement?.kind).toBe('unavailable');
    expect(result.movement?.kind === 'unavailable' ? result.movement.reason : '').toMatch(/cannot keep earlier returns/);
    expect(result.summarySheet).toBe('Action plan summary');
    expect(fake.xmlParts).toHaveLength(0);
  });

  test('check and format-only runs neither read nor keep snapshots', async () => {
    putReturn('31 December 2001', Q1);
    const checked = await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    const formatted = await runPlan({}, { format: true, summary: false }, undefined, { now: NOW });
    expect(checked.movement).toBeUndefined();
    expect(formatted.movement).toBeUndefined();
    expect(fake.xmlParts).toHaveLength(0);
  });
});

describe('the strict fake: custom XML parts as Excel keeps them', () => {
  const current = useFakeExcel();
  type Run = (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>;
  const run: Run = (batch) => (globalThis as unknown as { Excel: { run: Run } }).Excel.run(batch);

  test('getXml has no value before the sync; add applies at the sync, in the namespace of its root', async () => {
    const fake = current();
    await run(async (context) => {
      const part = context.workbook.customXmlParts.add('<a:root xmlns:a="urn:x"><a:v>1</a:v></a:root>');
      const xml = part.getXml();
      // Reading before the sync on purpose: the fake must throw as Office.js does.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => xml.value).toThrow(/context.sync/);
      expect(fake.xmlParts).toHaveLength(0);
      await context.sync();
      // A ClientResult needs no load: the sync fills it (the rule knows only load()).
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(xml.value).toBe('<a:root xmlns:a="urn:x"><a:v>1</a:v></a:root>');
      expect(fake.xmlParts.map((p) => p.namespaceUri)).toEqual(['urn:x']);
    });
  });

  test('a part that is not well-formed XML fails its sync (InvalidArgument) and nothing is added', async () => {
    const fake = current();
    await expect(
      run(async (context) => {
        context.workbook.customXmlParts.add(`<snapshots xmlns="${SNAPSHOT_NAMESPACE}">R&D < 5</snapshots>`);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.xmlParts).toHaveLength(0);
  });

  test('items are unreadable until loaded; a deleted part is gone for later calls (ItemNotFound)', async () => {
    const fake = current();
    fake.addXmlPart('<r xmlns="urn:y"/>');
    await expect(
      run(async (context) => {
        const parts = context.workbook.customXmlParts.getByNamespace('urn:y');
        // Reading before load and sync on purpose: the fake must throw as Office.js does.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        expect(() => parts.items).toThrow(/not available/);
        parts.load('items/id');
        await context.sync();
        // Loaded above with 'items/id' (the rule does not follow the path form).
        // eslint-disable-next-line office-addins/load-object-before-read
        const [part] = parts.items;
        part?.delete();
        await context.sync();
        part?.setXml('<r xmlns="urn:y">again</r>');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(fake.xmlParts).toHaveLength(0);
  });

  test('below ExcelApi 1.5 the calls fail at the sync with ApiNotFound', async () => {
    const fake = current();
    fake.apiMinor = 4;
    await expect(
      run(async (context) => {
        context.workbook.customXmlParts.getByNamespace('urn:y').load('items/id');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
