import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { run } from '../cli/helpers';
import { draft, HEAD, NS, pack } from './lossless/build';

const SIG = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature';

/** The plain plan, signed: an origin part, one XML signature hanging from it (as Excel stores them). */
function signed(): Uint8Array {
  const d = draft();
  d.packageRels.push(['rId9', `${SIG}/origin`, '_xmlsignatures/origin.sigs']);
  d.parts['_xmlsignatures/origin.sigs'] = new Uint8Array();
  d.parts['_xmlsignatures/_rels/origin.sigs.rels'] =
    `${HEAD}<Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${SIG}/signature" Target="sig1.xml"/></Relationships>`;
  d.parts['_xmlsignatures/sig1.xml'] =
    `${HEAD}<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"><SignedInfo/></Signature>`;
  d.defaults.sigs = 'application/vnd.openxmlformats-package.digital-signature-origin';
  d.overrides['_xmlsignatures/sig1.xml'] = 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml';
  return pack(d);
}

describe('a digitally signed workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apc-signed-'));
  const file = join(dir, 'signed.xlsx');
  writeFileSync(file, signed());

  test('apply refuses it in one line (exit 2), naming --remove-signature, and writes nothing', async () => {
    const out = join(dir, 'refused.xlsx');
    const r = await run(['apply', file, '--out', out, '--today', '2026-11-26']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/digitally signed.*--remove-signature.*Nothing was written\./);
    expect(existsSync(out)).toBe(false);
  });

  test('check reads it (a check changes nothing, so the signature stays valid)', async () => {
    const r = await run(['check', file, '--today', '2026-11-26']);
    expect([0, 1]).toContain(r.code);
  });

  test('with --remove-signature the copy has no signature parts or origin relationship, and the run says so', async () => {
    const out = join(dir, 'unsigned.xlsx');
    const r = await run(['apply', file, '--out', out, '--today', '2026-11-26', '--remove-signature']);
    expect([0, 1]).toContain(r.code);
    expect(r.out).toMatch(/Removed the digital signature/);
    const parts = unzipSync(readFileSync(out));
    expect(Object.keys(parts).filter((n) => n.startsWith('_xmlsignatures/'))).toEqual([]);
    const text = (n: string) => new TextDecoder().decode(parts[n]);
    expect(text('_rels/.rels')).not.toMatch(/digital-signature/);
    expect(text('_rels/.rels')).toMatch(/officeDocument/);
    expect(text('[Content_Types].xml')).not.toMatch(/sig1\.xml/);
    // The original keeps its signature.
    expect(Object.keys(unzipSync(readFileSync(file)))).toContain('_xmlsignatures/sig1.xml');
  });
});
