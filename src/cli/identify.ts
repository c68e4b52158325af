import { unzipSync } from 'fflate';

/**
 * Says what a file is when it is not an .xlsx workbook, from its first bytes and (for a zip) the names of
 * its parts, so the user reads "password-protected" or "an .ods spreadsheet" instead of a zip library's
 * message. Returns null for something that looks like an .xlsx (or .xlsm) package.
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];
const SAVE_AS = 'open it and save it as an Excel Workbook (.xlsx), then run again';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The names of the streams and storages in an OLE2 compound file: its directory sectors, followed through
 * the allocation table (only the first 109 FAT sectors, listed in the header, which covers files to ~7 GB).
 */
function compoundNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const perSector = sectorSize / 4;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const next = (n: number): number => {
    const fatSector = view.getUint32(0x4c + 4 * Math.floor(n / perSector), true);
    return view.getUint32(sectorOffset(fatSector) + 4 * (n % perSector), true);
  };
  const names: string[] = [];
  const decoder = new TextDecoder('utf-16le');
  for (let s = view.getUint32(0x30, true), steps = 0; s < 0xfffffffa && steps < 10_000; s = next(s), steps++) {
    for (let e = sectorOffset(s); e + 128 <= Math.min(sectorOffset(s) + sectorSize, bytes.length); e += 128) {
      const length = view.getUint16(e + 64, true);
      if (length >= 2 && length <= 64) names.push(decoder.decode(bytes.subarray(e, e + length - 2)));
    }
  }
  return names;
}

/** An OLE2 compound file: Office's encrypted package (an EncryptionInfo stream) or a legacy binary file. */
function compoundFile(bytes: Uint8Array, name: string): string {
  let streams: string[];
  try {
    streams = compoundNames(bytes);
  } catch {
    return `${name} is a damaged Microsoft Office file (an OLE2 compound file that cannot be read).`;
  }
  if (streams.includes('EncryptionInfo'))
    return `${name} is password-protected (encrypted), so it cannot be read without its password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and run again.`;
  if (streams.includes('Workbook') || streams.includes('Book'))
    return `${name} is an Excel 97-2003 .xls workbook: save it as .xlsx (in Excel: File > Save As > Excel Workbook) and run again.`;
  return `${name} is an older Microsoft Office file, not an Excel workbook.`;
}

/** A zip package: an .xlsx, or an .ods, .xlsb, Word or PowerPoint file, or a damaged or foreign archive. */
function zipPackage(bytes: Uint8Array, name: string): string | null {
  const names: string[] = [];
  let mimetype = '';
  try {
    const small = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return f.name === 'mimetype' && f.originalSize < 256;
      },
    });
    if (small.mimetype) mimetype = new TextDecoder().decode(small.mimetype).trim();
  } catch {
    return `${name} is damaged: it starts like an .xlsx package but its contents cannot be read (was it copied or downloaded completely?).`;
  }
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet')
    return `${name} is an OpenDocument spreadsheet (.ods): ${SAVE_AS} (LibreOffice: File > Save As > Excel 2007-365).`;
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) return `${name} is an OpenDocument file, not a spreadsheet.`;
  const has = (part: string) => names.includes(part);
  if (has('xl/workbook.bin')) return `${name} is an Excel binary workbook (.xlsb): ${SAVE_AS}.`;
  if (has('word/document.xml')) return `${name} is a Word document, not an Excel workbook.`;
  if (has('ppt/presentation.xml')) return `${name} is a PowerPoint presentation, not an Excel workbook.`;
  if (!has('[Content_Types].xml')) return `${name} is a zip archive, not an Excel workbook.`;
  return null;
}

/** Text: CSV, HTML or Excel 2003 XML, told apart from the first few kilobytes. */
function textFile(head: string, name: string): string {
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return `${name} is an Excel 2003 XML spreadsheet: ${SAVE_AS}.`;
  if (/<html|<!doctype html/i.test(head)) return `${name} is a web page (HTML), not an Excel workbook: ${SAVE_AS}.`;
  return `${name} is a text file (CSV or similar), not an .xlsx workbook: ${SAVE_AS}.`;
}

/** A one-line reason when `bytes` are not an .xlsx/.xlsm package; null when they look like one. */
export function notAWorkbook(bytes: Uint8Array, name: string): string | null {
  if (bytes.length === 0) return `${name} is empty (0 bytes), not a workbook.`;
  if (startsWith(bytes, CFB_MAGIC)) return compoundFile(bytes, name);
  if (startsWith(bytes, ZIP_MAGIC)) return zipPackage(bytes, name);
  const head = bytes.subarray(0, 4096);
  if (!head.includes(0)) return textFile(new TextDecoder().decode(head), name);
  return `${name} is not an .xlsx workbook (it is not a zip package).`;
}
