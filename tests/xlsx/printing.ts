import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openWorkbook } from '../../src/xlsx/workbook';

/** True where LibreOffice is installed (the printing tests are skipped elsewhere). */
export const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

/** A printed page: its text (words joined by spaces), its size in points and the type sizes of its text runs. */
export interface PdfPage {
  text: string;
  width: number;
  height: number;
  sizes: number[];
}

/**
 * The text of each page of a PDF, read with pdfjs-dist's legacy build (Node) in a child process: it is an ES
 * module, which Jest's CommonJS transform cannot import. A run's type size is its glyph height from the text matrix.
 */
export function pdfPages(file: string): PdfPage[] {
  const script = `
    import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
    import { readFileSync } from 'node:fs';
    const doc = await getDocument({ data: new Uint8Array(readFileSync(process.env.PDF_FILE)), verbosity: 0 }).promise;
    const pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const sizes = content.items.filter((item) => (item.str ?? '').trim() !== '').map((item) => Math.hypot(item.transform[2], item.transform[3]));
      pages.push({ text: content.items.map((item) => item.str ?? '').join(' ').replace(/\\s+/g, ' '), width, height, sizes });
    }
    process.stdout.write(JSON.stringify(pages));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, PDF_FILE: file },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as PdfPage[];
}

/**
 * A copy of a workbook that lists one sheet only, with its own names (their localSheetId made 0) and no others'
 * (LibreOffice prints hidden sheets too, so hiding the rest would not do): that sheet's pages on their own.
 */
export function onlySheet(bytes: Uint8Array, name: string): Uint8Array {
  const wb = openWorkbook(bytes);
  const index = wb.info.sheets.findIndex((s) => s.name === name);
  const xml = (wb.pkg.text(wb.info.part) ?? '')
    .replace(/<([\w.-]+:)?sheet\b[^>]*\/>/g, (tag) => (tag.includes(`name="${name}"`) ? tag : ''))
    .replace(/<([\w.-]+:)?definedName\b[^>]*>[^<]*<\/([\w.-]+:)?definedName>/g, (tag) => {
      const local = /localSheetId="(\d+)"/.exec(tag)?.[1];
      return local !== undefined && Number(local) === index ? tag.replace(/localSheetId="\d+"/, 'localSheetId="0"') : '';
    })
    .replace(/\s(activeTab|firstSheet)="\d+"/g, '');
  wb.pkg.set(wb.info.part, xml);
  return wb.pkg.toBytes();
}

/** Converts .xlsx files to PDF with LibreOffice (one profile per folder), beside them. */
export function toPdf(dir: string, files: readonly string[]): void {
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files],
    { timeout: 600_000, stdio: 'pipe' },
  );
}
