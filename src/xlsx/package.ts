import JSZip from 'jszip';

/** Parts of an .xlsx package that exceljs does not carry over when it writes a workbook back. */
const LOST_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/chartsheets\//, 'chart sheets'],
  [/^xl\/drawings\/(?!_rels\/)[^/]+\.xml$/, 'drawings and shapes'],
  [/^xl\/media\//, 'images'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/pivotCache\//, 'pivot caches'],
  [/^xl\/vbaProject\.bin$/, 'macros (VBA)'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/slicerCaches\//, 'slicer caches'],
  [/^xl\/timelines\//, 'timelines'],
  [/^xl\/externalLinks\//, 'external links'],
  [/^xl\/activeX\//, 'ActiveX controls'],
  [/^xl\/embeddings\//, 'embedded objects'],
  [/^xl\/threadedComments\//, 'threaded comments'],
  [/^customXml\//, 'custom XML parts'],
];

/**
 * What a copy written through exceljs would lack, found by looking inside the source package:
 * ["charts", "images", ...]; empty when nothing would be lost. Charts our own summary sheet would carry
 * are not counted (an .xlsx written by this command has none).
 */
export async function partsThatWouldBeLost(file: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const names = Object.keys(zip.files);
  return LOST_PARTS.filter(([pattern]) => names.some((n) => pattern.test(n))).map(([, label]) => label);
}
