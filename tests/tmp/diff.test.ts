import { writeFileSync } from 'fs';
import { unzipSync } from 'fflate';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { pack } from '../xlsx/lossless/build';
import { build, CASES } from '../xlsx/lossless/cases';
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());
function apply(bytes: Uint8Array): Uint8Array {
  const wb = openWorkbook(bytes);
  const checked = chooseSheet(wb, { today: '2026-11-26' });
  applyToWorkbook(wb, checked, { statusColumn: true, generatedAt: 'x' });
  return wb.pkg.toBytes();
}
test('diff', () => {
  const c = CASES[0];
  if (!c) throw new Error();
  const a = apply(pack(build(c)));
  const b = apply(a);
  writeFileSync('/tmp/hs-a.xml', text(unzipSync(a)['xl/worksheets/sheet1.xml']).replace(/></g, '>\n<'));
  writeFileSync('/tmp/hs-b.xml', text(unzipSync(b)['xl/worksheets/sheet1.xml']).replace(/></g, '>\n<'));
});
