/**
 * Zip flavours a user's workbook may arrive in, written by hand so the test decides every byte: deflated
 * or stored entries, data descriptors and ZIP64 records (as streaming writers produce even for small
 * files), and packages that are ambiguous (two entries of one name) or unsafe (a name outside the package).
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/xlsx/zip';

export interface ZipOptions {
  /** Store without compression (method 0). */
  stored?: boolean;
  /**
   * ZIP64 records: 0xFFFFFFFF sizes and offsets, the real ones in ZIP64 extra fields, a ZIP64 end record;
   * 'local': ZIP64 extra fields in the local headers only (as Python's zipfile writes with force_zip64).
   */
  zip64?: boolean | 'local';
  /** Sizes after the data (flag 3) with zeros in the local header, as streaming writers do. */
  descriptor?: boolean;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const u64 = (n: number) => [...u32(n % 0x100000000), ...u32(Math.floor(n / 0x100000000))];

interface Stored {
  name: number[];
  content: Uint8Array;
  data: Uint8Array;
  crc: number;
  method: number;
  flags: number;
}

/** The local header of an entry (sizes after the data with a descriptor; 0xFFFFFFFF and a ZIP64 extra field with ZIP64). */
function localHeader(e: Stored, o: ZipOptions): number[] {
  const big = o.zip64 ? 0xffffffff : undefined;
  const extra = o.zip64
    ? [...u16(1), ...u16(16), ...u64(o.descriptor ? 0 : e.content.length), ...u64(o.descriptor ? 0 : e.data.length)]
    : [];
  const sizes = o.descriptor
    ? [...u32(0), ...u32(0), ...u32(0)]
    : [...u32(e.crc), ...u32(big ?? e.data.length), ...u32(big ?? e.content.length)];
  return [
    ...[...u32(0x04034b50), ...u16(o.zip64 ? 45 : 20), ...u16(e.flags), ...u16(e.method), ...u16(0), ...u16(0x21)],
    ...sizes,
    ...[...u16(e.name.length), ...u16(extra.length), ...e.name, ...extra],
  ];
}

/** The data descriptor after an entry's data. */
function descriptor(e: Stored, o: ZipOptions): number[] {
  const size = o.zip64 ? u64 : u32;
  return [...u32(0x08074b50), ...u32(e.crc), ...size(e.data.length), ...size(e.content.length)];
}

/** The central directory header of an entry at `local` (ZIP64: 0xFFFFFFFF, the real values in an extra field). */
function centralHeader(e: Stored, local: number, o: ZipOptions): number[] {
  const big = o.zip64 === true ? 0xffffffff : undefined;
  const extra = o.zip64 === true ? [...u16(1), ...u16(24), ...u64(e.content.length), ...u64(e.data.length), ...u64(local)] : [];
  const version = o.zip64 ? 45 : 20;
  return [
    ...[...u32(0x02014b50), ...u16(version), ...u16(version), ...u16(e.flags), ...u16(e.method), ...u16(0), ...u16(0x21)],
    ...[...u32(e.crc), ...u32(big ?? e.data.length), ...u32(big ?? e.content.length)],
    ...[...u16(e.name.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(big ?? local)],
    ...e.name,
    ...extra,
  ];
}

/** The end records: ZIP64's record and locator first when asked, then the classic end record. */
function endRecords(count: number, dirStart: number, dirSize: number, at: number, o: ZipOptions): number[] {
  const full = o.zip64 === true;
  const c16 = full ? 0xffff : count;
  const classic = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(c16), ...u16(c16)];
  const end = [...classic, ...u32(full ? 0xffffffff : dirSize), ...u32(full ? 0xffffffff : dirStart), ...u16(0)];
  if (!full) return end;
  const record = [...u32(0x06064b50), ...u64(44), ...u16(45), ...u16(45), ...u32(0), ...u32(0)];
  const sizes = [...u64(count), ...u64(count), ...u64(dirSize), ...u64(dirStart)];
  return [...record, ...sizes, ...u32(0x07064b50), ...u32(0), ...u64(at), ...u32(1), ...end];
}

/** A zip package of the entries, in order (names may repeat). */
export function zipEntries(entries: readonly [string, Uint8Array][], o: ZipOptions = {}): Uint8Array {
  const out: number[][] = [];
  const central: number[][] = [];
  let offset = 0;
  const push = (bytes: number[] | Uint8Array) => {
    out.push(Array.from(bytes));
    offset += bytes.length;
  };
  for (const [name, content] of entries) {
    const e: Stored = {
      name: Array.from(new TextEncoder().encode(name)),
      content,
      data: o.stored ? content : deflateRawSync(content),
      crc: crc32(content),
      method: o.stored ? 0 : 8,
      flags: 0x0800 | (o.descriptor ? 8 : 0),
    };
    central.push(centralHeader(e, offset, o));
    push(localHeader(e, o));
    push(e.data);
    if (o.descriptor) push(descriptor(e, o));
  }
  const dirStart = offset;
  for (const c of central) push(c);
  push(endRecords(entries.length, dirStart, offset - dirStart, offset, o));
  return Uint8Array.from(out.flat());
}
