/**
 * Strict Open XML. A Strict workbook names its namespaces and relationship types under purl.oclc.org
 * instead of Transitional's schemas.openxmlformats.org; what we add to one (the summary sheet, its drawing
 * and chart, relationships) must use the same, or the package is a mix that Excel repairs.
 */

/** Transitional namespace (and relationship-type) prefixes, each with its Strict equivalent (ISO/IEC 29500-1, annex A). */
const STRICT: readonly (readonly [string, string])[] = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'http://purl.oclc.org/ooxml/drawingml/chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
];

/** True when the workbook part is Strict Open XML (its main namespace is Strict's). */
export function isStrict(workbookXml: string): boolean {
  const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  return root.includes(STRICT[0]?.[1] ?? '');
}

/** A part's text with every Transitional namespace and relationship type we write turned Strict. */
export function toStrict(text: string): string {
  if (text.indexOf('http://schemas.openxmlformats.org/') < 0) return text;
  let out = text;
  for (const [transitional, strict] of STRICT) out = out.split(transitional).join(strict);
  return out;
}
