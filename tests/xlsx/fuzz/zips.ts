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

/** A zip package of the entries, in order (names may repeat). */
export function zipEntries(entries: readonly [string, Uint8Array][], o: ZipOptions = {}): Uint8Array {
  const chunks: number[][] = [];
  const central: number[][] = [];
  let offset = 0;
  const push = (bytes: number[] | Uint8Array) => {
    chunks.push(Array.from(bytes));
    offset += bytes.length;
  };
  for (const [name, content] of entries) {
    const nameBytes = Array.from(new TextEncoder().encode(name));
    const data = o.stored ? content : deflateRawSync(content);
    const crc = crc32(content);
    const method = o.stored ? 0 : 8;
    const flags = 0x0800 | (o.descriptor ? 8 : 0);
    const local = offset;
    const big = o.zip64 === true ? 0xffffffff : undefined;
    const localBig = o.zip64 ? 0xffffffff : undefined;
    const localExtra = o.zip64
      ? [...u16(1), ...u16(16), ...u64(o.descriptor ? 0 : content.length), ...u64(o.descriptor ? 0 : data.length)]
      : [];
    push([
      ...u32(0x04034b50),
      ...u16(o.zip64 ? 45 : 20),
      ...u16(flags),
      ...u16(method),
      ...u16(0),
      ...u16(0x21),
      ...u32(o.descriptor ? 0 : crc),
      ...u32(o.descriptor ? 0 : (localBig ?? data.length)),
      ...u32(o.descriptor ? 0 : (localBig ?? content.length)),
      ...u16(nameBytes.length),
      ...u16(localExtra.length),
      ...nameBytes,
      ...localExtra,
    ]);
    push(data);
    if (o.descriptor)
      push(
        o.zip64
          ? [...u32(0x08074b50), ...u32(crc), ...u64(data.length), ...u64(content.length)]
          : [...u32(0x08074b50), ...u32(crc), ...u32(data.length), ...u32(content.length)],
      );
    const extra = o.zip64 === true ? [...u16(1), ...u16(24), ...u64(content.length), ...u64(data.length), ...u64(local)] : [];
    central.push([
      ...u32(0x02014b50),
      ...u16(o.zip64 ? 45 : 20),
      ...u16(o.zip64 ? 45 : 20),
      ...u16(flags),
      ...u16(method),
      ...u16(0),
      ...u16(0x21),
      ...u32(crc),
      ...u32(big ?? data.length),
      ...u32(big ?? content.length),
      ...u16(nameBytes.length),
      ...u16(extra.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(big ?? local),
      ...nameBytes,
      ...extra,
    ]);
  }
  const dirStart = offset;
  for (const c of central) push(c);
  const dirSize = offset - dirStart;
  const count = entries.length;
  if (o.zip64 === true) {
    const record = offset;
    push([
      ...u32(0x06064b50),
      ...u64(44),
      ...u16(45),
      ...u16(45),
      ...u32(0),
      ...u32(0),
      ...u64(count),
      ...u64(count),
      ...u64(dirSize),
      ...u64(dirStart),
    ]);
    push([...u32(0x07064b50), ...u32(0), ...u64(record), ...u32(1)]);
  }
  const full = o.zip64 === true;
  const c16 = full ? 0xffff : count;
  push([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(c16),
    ...u16(c16),
    ...u32(full ? 0xffffffff : dirSize),
    ...u32(full ? 0xffffffff : dirStart),
    ...u16(0),
  ]);
  return Uint8Array.from(chunks.flat());
}
