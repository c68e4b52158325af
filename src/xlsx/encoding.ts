import { HostError } from '../core/errors';

/**
 * The text encodings of XML parts. A part may be UTF-8 or UTF-16 (either byte order, with or without a
 * byte-order mark), or another encoding its declaration names; we read any of them and write every part
 * we rewrite as UTF-8, its declaration saying so (a UTF-16 text under a UTF-8 declaration, or the reverse,
 * is no longer XML).
 */

const unreadable = (why: string) => new HostError('FileUnreadable', `This is not a readable .xlsx workbook (${why}).`);

/** The encoding of an XML part's bytes: from its byte-order mark, its first characters, or its declaration. */
export function partEncoding(bytes: Uint8Array): { label: string; skip: number } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', skip: 2 };
  // Without a mark, "<" followed or preceded by a zero byte is UTF-16 (XML 1.0, appendix F).
  if (a === 0x3c && b === 0x00) return { label: 'utf-16le', skip: 0 };
  if (a === 0x00 && b === 0x3c) return { label: 'utf-16be', skip: 0 };
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
  const declared = /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  return { label: declared && declared !== 'utf8' ? declared : 'utf-8', skip: 0 };
}

/** A part's bytes as text; bytes that are not valid in the part's encoding are refused, never guessed at. */
export function decodePart(bytes: Uint8Array, name: string): string {
  const { label, skip } = partEncoding(bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw unreadable(`part ${name} is in the "${label}" encoding, which this command cannot read`);
  }
  try {
    return decoder.decode(bytes.subarray(skip));
  } catch {
    throw unreadable(`part ${name} is not valid ${label.toUpperCase()} text`);
  }
}

/** The start of a part as text, for a look at its prolog (invalid bytes tolerated: nothing is kept of it). */
export function decodeHead(bytes: Uint8Array, length = 65_536): string {
  const { label, skip } = partEncoding(bytes);
  try {
    return new TextDecoder(label, { ignoreBOM: true }).decode(bytes.subarray(skip, skip + length));
  } catch {
    return '';
  }
}

// The prolog only: declarations and comments (neither can run past its own end), then a DOCTYPE.
const PROLOG_DOCTYPE = /^\s*(?:(?:<\?[^?]*(?:\?(?!>)[^?]*)*\?>|<!--[^-]*(?:-(?!->)[^-]*)*-->)\s*)*<!DOCTYPE/i;

/** True when the text declares a DOCTYPE before its root (entity expansion; .xlsx parts never have one). */
export function hasDoctype(text: string): boolean {
  return PROLOG_DOCTYPE.test(text);
}

/** The refusal for a part with a DOCTYPE. */
export function doctypeRefusal(name: string): HostError {
  return unreadable(`part ${name} declares a DOCTYPE, which .xlsx parts never do`);
}

/** The text with its XML declaration saying UTF-8 (the encoding it will be written in); unchanged when it has none. */
export function declareUtf8(text: string): string {
  return text.replace(/^(<\?xml\b[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, (_m, head: string, q: string) => `${head}${q}UTF-8${q}`);
}
