import { snapshotOf, type PlanSnapshot } from './movement';
import { analyseSheet } from '../analyse';
import { keptAsAt, readSnapshotXml, SNAPSHOT_NAMESPACE, snapshotXml } from './snapshotXml';
import { datesToKeep, previousAsAt } from './keptMovement';
import { OPTIONS, planSheet, rec } from '../../../tests/fixtures/sheets';

/** A return whose references and texts hold what XML must escape, and characters outside ASCII. */
function awkward(): PlanSnapshot {
  const sheet = planSheet([
    rec('R&D <1>', {
      recommendation: 'Review "R&D" spend > budget ]]> at once',
      progress: 'Café — naïve 😀\nRecommendation met: partially',
    }),
    rec('R2', { recommendation: 'Ensure <b>tags</b> & entities &amp; survive' }),
  ]);
  return snapshotOf(analyseSheet(sheet, OPTIONS), sheet);
}

describe('kept snapshots as custom XML parts (SPEC, M2.6)', () => {
  test('[M2.6] a snapshot round-trips through its part, whatever its text holds; the namespace names its as-at date', () => {
    const s = awkward();
    const xml = snapshotXml(s);
    expect(readSnapshotXml(xml)).toEqual(s);
    expect(xml).toContain(`xmlns="${SNAPSHOT_NAMESPACE}2002-03-31"`);
    expect(keptAsAt(`${SNAPSHOT_NAMESPACE}2002-03-31`)).toBe('2002-03-31');
    expect(keptAsAt(`${SNAPSHOT_NAMESPACE}notes`)).toBeNull();
    expect(keptAsAt('urn:someone-else')).toBeNull();
  });

  test('[M2.6] the XML is plain ASCII with no markup character left in its text', () => {
    const xml = snapshotXml(awkward());
    expect(/^[\x20-\x7e]*$/.test(xml)).toBe(true);
    const text = xml.replace(/^<[^>]*>|<[^>]*>$/g, '');
    expect(text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
  });

  test('[M2.6] read back however the host re-serialises it: declaration, prefix, single quotes, CDATA, character references', () => {
    const s = awkward();
    const json =
      /^<[^>]*>([\s\S]*)<\/snapshot>$/.exec(snapshotXml(s))?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') ?? '';
    const head = `<?xml version="1.0" encoding="utf-8"?>\n<!-- kept -->\n<k:snapshot xmlns:k='${SNAPSHOT_NAMESPACE}${s.asAt}' format='1'>`;
    expect(readSnapshotXml(`${head}<![CDATA[${json}]]></k:snapshot>`)).toEqual(s);
    const refs = json.replace(/&/g, '&#38;').replace(/"/g, '&quot;').replace(/</g, '&#x3C;');
    expect(readSnapshotXml(`${head}${refs}</k:snapshot>`)).toEqual(s);
  });

  test('[M2.6] not ours, damaged, of another format or dated otherwise than its namespace: null', () => {
    const s = awkward();
    const xml = snapshotXml(s);
    expect(readSnapshotXml(xml.replace(SNAPSHOT_NAMESPACE, 'urn:someone-else:'))).toBeNull();
    expect(readSnapshotXml(xml.replace('format="1"', 'format="2"'))).toBeNull();
    expect(readSnapshotXml(xml.replace('2002-03-31"', '2002-06-30"'))).toBeNull();
    expect(readSnapshotXml(xml.replace('"rows":[', '"rows":[{'))).toBeNull();
    expect(readSnapshotXml(xml.replace('"version":1', '"version":2'))).toBeNull();
    expect(readSnapshotXml(`<other xmlns="${SNAPSHOT_NAMESPACE}2002-03-31" format="1"/>`)).toBeNull();
    expect(readSnapshotXml('not xml at all')).toBeNull();
  });

  test('[M2.6] the dates kept: one per date, the newest 8; the one compared with: the newest before the run', () => {
    const kept = ['2001-03-31', '2001-06-30', '2001-09-30', '2001-12-31'];
    expect(previousAsAt(kept, '2002-03-31')).toBe('2001-12-31');
    expect(previousAsAt(kept, '2001-12-31')).toBe('2001-09-30');
    expect(previousAsAt(kept, '2001-03-31')).toBeNull();
    expect(datesToKeep(kept, '2001-12-31')).toEqual(kept);
    const ten = Array.from({ length: 9 }, (_, i) => `20${String(10 + i)}-03-31`);
    expect(datesToKeep(ten, '2019-03-31')).toEqual(ten.slice(2).concat('2019-03-31'));
  });
});
