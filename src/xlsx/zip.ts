import { deflateRaw, inflateRaw } from './codec';
import { HostError } from '../core/errors';

/**
 * A small zip reader and writer over Node's built-in zlib (5-10x faster than fflate's JavaScript inflate
 * here, and its output limit stops a zip bomb at the limit; `codec.ts`, which the browser build swaps for
 * fflate): parts we do not change are copied as their compressed bytes (so they come out byte for byte,
 * and a zip bomb in a part we never read is never inflated); parts we read are inflated under size limits.
 */

/** Limits on what is inflated: a workbook above them is refused in one line. */
export const LIMITS = {
  /** Largest uncompressed part, declared or actual. */
  partBytes: 200 * 1024 * 1024,
  /** Largest uncompressed package, declared. */
  totalBytes: 500 * 1024 * 1024,
  /** Highest compression ratio for a part over 1 MB (XML compresses 5-50x; a bomb, thousands). */
  ratio: 1000,
  /** Most entries in a package (what a zip without ZIP64 records can list, as we write it). */
  entries: 65_535,
} as const;

/** One entry of a zip package, as stored. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** The stored (compressed) bytes. */
  readonly data: Uint8Array;
}

const tooBig = (what: string) =>
  new HostError('PayloadTooLarge', `This workbook is too large to read safely (${what}); nothing was written.`);
const broken = (why: string) => new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${why}).`);

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** Where the central directory is and how many entries it lists: from the end record, or its ZIP64 form. */
function directory(bytes: Uint8Array, end: number): { count: number; at: number } {
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  // A ZIP64 locator sits just before the end record; streaming writers use it even for small packages.
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === 0x07064b50) {
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) throw broken('a damaged ZIP64 directory');
    count = u64(bytes, record + 32);
    at = u64(bytes, record + 48);
  } else if (count === 0xffff || at === 0xffffffff) throw broken('a ZIP64 package without its ZIP64 directory');
  if (at >= bytes.length) throw broken('a damaged zip directory');
  return { count, at };
}

/** Sizes and offset of a directory entry, the 0xFFFFFFFF ones taken from its ZIP64 extra field. */
function zip64Sizes(
  bytes: Uint8Array,
  extra: { start: number; end: number },
  declared: { size: number; compressedSize: number; local: number },
): { size: number; compressedSize: number; local: number } {
  const out = { ...declared };
  if (out.size !== 0xffffffff && out.compressedSize !== 0xffffffff && out.local !== 0xffffffff) return out;
  for (let o = extra.start; o + 4 <= extra.end; o += 4 + u16(bytes, o + 2)) {
    if (u16(bytes, o) !== 0x0001) continue;
    let f = o + 4;
    for (const key of ['size', 'compressedSize', 'local'] as const) {
      if (out[key] !== 0xffffffff) continue;
      out[key] = u64(bytes, f);
      f += 8;
    }
    return out;
  }
  throw broken('a ZIP64 entry without its sizes');
}

/** A part name that stays inside the package: no absolute path, drive, backslash or ".." segment. */
function safeName(name: string): boolean {
  return !/^[/\\]|^[a-zA-Z]:|\\/.test(name) && !name.split('/').some((s) => s === '..');
}

function findEnd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let o = bytes.length - 22; o >= stop; o--) if (u32(bytes, o) === 0x06054b50) return o;
  throw broken('not a zip package');
}

/**
 * Reads the central directory (ZIP64 too): every entry with its stored bytes; declared sizes checked against
 * the limits. Refused in one line: two entries of one name (which one counts would be a guess) and names
 * that would reach outside the package.
 */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const end = findEnd(bytes);
  const dir = directory(bytes, end);
  const count = dir.count;
  let at = dir.at;
  if (count > LIMITS.entries) throw tooBig(`${count} parts`);
  const entries = new Map<string, ZipEntry>();
  const seen = new Set<string>();
  const decoder = new TextDecoder();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw broken('a damaged zip directory');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const nameLength = u16(bytes, at + 28);
    const extraStart = at + 46 + nameLength;
    const { compressedSize, size, local } = zip64Sizes(
      bytes,
      { start: extraStart, end: extraStart + u16(bytes, at + 30) },
      { compressedSize: u32(bytes, at + 20), size: u32(bytes, at + 24), local: u32(bytes, at + 42) },
    );
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (flags & 1)
      throw new HostError(
        'FileUnreadable',
        'This workbook is password-protected (encrypted); open it in Excel and save it without a password first.',
      );
    if (!safeName(name)) throw broken(`it holds an entry named "${name}", which points outside the package`);
    if (seen.has(name.toLowerCase())) throw broken(`it holds two entries named "${name}", so which one counts is ambiguous`);
    seen.add(name.toLowerCase());
    if (method !== 0 && method !== 8) throw broken(`part ${name} uses an unsupported compression method`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw broken('a damaged zip entry');
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressedSize > bytes.length) throw broken('a truncated zip package');
    if (size > LIMITS.partBytes) throw tooBig(`part ${name} is ${Math.round(size / 1048576)} MB uncompressed`);
    if (size > 1048576 && size > compressedSize * LIMITS.ratio)
      throw tooBig(`part ${name} is compressed ${Math.round(size / Math.max(1, compressedSize))} to 1`);
    total += size;
    if (total > LIMITS.totalBytes) throw tooBig(`over ${LIMITS.totalBytes / 1048576} MB uncompressed`);
    if (name.endsWith('/')) continue;
    entries.set(name, { name, method, crc, compressedSize, size, data: bytes.subarray(start, start + compressedSize) });
  }
  return entries;
}

/** The uncompressed bytes of an entry, never more than its declared size (a lying header cannot make it inflate more). */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.data;
  try {
    return inflateRaw(entry.data, Math.max(1, Math.min(entry.size, LIMITS.partBytes)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooBig(`part ${entry.name} inflates past its declared size`);
    throw broken(`part ${entry.name} is damaged`);
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of some bytes (zip's checksum). */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new entry from uncompressed bytes, deflated. */
export function makeEntry(name: string, content: Uint8Array): ZipEntry {
  const data = deflateRaw(content);
  return { name, method: 8, crc: crc32(content), compressedSize: data.length, size: content.length, data };
}

/** Writes entries, in order, as a zip package (stored bytes copied as they are). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * (names[i]?.length ?? 0) + e.compressedSize));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (e: ZipEntry, name: Uint8Array, central: boolean) => {
    const base = at;
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true);
      at += 2;
    }
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, 0x0800, true); // UTF-8 names
    view.setUint16(at + 4, e.method, true);
    view.setUint16(at + 6, 0, true);
    view.setUint16(at + 8, 0x21, true); // 1980-01-01: fixed, so equal inputs give equal files
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.compressedSize, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true);
    at += 26;
    if (central) {
      at += 6; // comment length, disk, internal attributes
      view.setUint32(at, 0, true); // external attributes
      view.setUint32(at + 4, offsets[offsets.length - 1] ?? 0, true);
      at += 8;
    }
    out.set(name, at);
    at += name.length;
    return base;
  };
  entries.forEach((e, i) => {
    const name = names[i] ?? new Uint8Array();
    offsets.push(header(e, name, false));
    out.set(e.data, at);
    at += e.compressedSize;
  });
  const directory = at;
  entries.forEach((e, i) => {
    offsets.push(offsets[i] ?? 0);
    header(e, names[i] ?? new Uint8Array(), true);
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out.subarray(0, at + 22);
}
