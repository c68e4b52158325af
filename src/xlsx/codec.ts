import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Raw DEFLATE for the zip reader and writer: Node's zlib here (fast, and its output limit stops a zip bomb);
 * the browser build swaps in `codec.browser.ts` (fflate), where node:zlib does not exist.
 */

/** Inflates at most `maxOutput` bytes; past that, throws an error with code ERR_BUFFER_TOO_LARGE. */
export function inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array {
  // Output buffers the size the part declares (up to 16 MB each), so a large sheet is not gathered from
  // hundreds of 16 KB pieces and copied again; a part that lies about its size only costs more pieces.
  return inflateRawSync(data, { maxOutputLength: maxOutput, chunkSize: Math.max(64, Math.min(maxOutput, MAX_CHUNK)) });
}

const MAX_CHUNK = 16 * 1024 * 1024;

/** Deflates at level 6, as Excel does. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data, { level: 6 });
}
