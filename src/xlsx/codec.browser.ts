import { deflateSync, inflateSync } from 'fflate';

/**
 * Raw DEFLATE in the browser (the pane reads a previous return's .xlsx): fflate, in place of `codec.ts`'s
 * node:zlib (webpack swaps the module). Inflating into a buffer of the declared size bounds memory: fflate
 * does not grow a buffer it is given, so a part that inflates past its declared size is cut there (and then
 * fails to parse) instead of filling memory.
 */

/** Inflates at most `maxOutput` bytes. */
export function inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array {
  return inflateSync(data, { out: new Uint8Array(maxOutput) });
}

/** Deflates at level 6, as Excel does. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 6 });
}
