import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Raw DEFLATE for the zip reader and writer: Node's zlib here (fast, and its output limit stops a zip bomb);
 * the browser build swaps in `codec.browser.ts` (fflate), where node:zlib does not exist.
 */

/** Inflates at most `maxOutput` bytes; past that, throws an error with code ERR_BUFFER_TOO_LARGE. */
export function inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: maxOutput });
}

/** Deflates at level 6, as Excel does. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data, { level: 6 });
}
