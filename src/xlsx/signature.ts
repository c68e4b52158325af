import { HostError } from '../core/errors';
import { readRels, relsPath, type XlsxPackage } from './package';
import { updateContentTypes } from './workbookPatch';
import { attr, readRoot, splice, type Edit } from './xml';

/**
 * Digital signatures (OPC, ECMA-376 Part 2, 13). A signed package lists a signature origin in its
 * relationships; the signatures cover the parts, so any change we write invalidates them. A signed
 * workbook is refused unless the user says the signature may be removed; then the origin, the signature
 * parts and their relationships go, and the run says so (a signature left in place would claim a content
 * it no longer signs).
 */

const ORIGIN = /\/digital-signature\/origin$/;

function partAndRels(pkg: XlsxPackage, rel: { external: boolean; target: string }): string[] {
  const part = rel.external ? undefined : pkg.find(rel.target);
  if (part === undefined) return [];
  const rels = pkg.find(relsPath(part));
  return rels === undefined ? [part] : [part, rels];
}

/** The signature origin part and every part hanging from it (signatures, certificates, their rels); empty when unsigned. */
export function signatureParts(pkg: XlsxPackage): string[] {
  const out: string[] = [];
  for (const rel of readRels(pkg, '')) {
    if (rel.external || !ORIGIN.test(rel.type)) continue;
    const origin = pkg.find(rel.target);
    if (origin === undefined) continue;
    out.push(origin);
    const rels = pkg.find(relsPath(origin));
    if (rels !== undefined) out.push(rels);
    // The signatures, and what they point at in turn (certificates), with their rels parts.
    for (const sig of readRels(pkg, origin)) out.push(...partAndRels(pkg, sig));
    for (const p of [...out]) for (const cert of readRels(pkg, p)) if (p !== origin) out.push(...partAndRels(pkg, cert));
  }
  return [...new Set(out)];
}

/** Refuses a signed workbook unless `remove`; with `remove`, takes the signature out. Returns the words for the run, or null when unsigned. */
export function handleSignature(pkg: XlsxPackage, remove: boolean): string | null {
  const parts = signatureParts(pkg);
  if (parts.length === 0) return null;
  if (!remove)
    throw new HostError(
      'SheetProtected',
      'This workbook is digitally signed, and any change would invalidate the signature; run again with --remove-signature to write the copy without it (it can be signed again in Excel). Nothing was written.',
    );
  for (const p of parts) pkg.remove(p);
  const xml = pkg.text('_rels/.rels') ?? '';
  const root = readRoot(xml, 'the package relationships');
  const edits: Edit[] = [];
  for (const c of root.children)
    if (c.local === 'Relationship' && ORIGIN.test(attr(xml.slice(c.open.start, c.open.end), 'Type') ?? ''))
      edits.push({ start: c.start, end: c.end, text: '' });
  pkg.set('_rels/.rels', splice(xml, edits));
  updateContentTypes(pkg, [], parts);
  return 'Removed the digital signature (a changed workbook cannot keep it; sign it again in Excel if you need one)';
}
