/**
 * True under `npm run test:slow` (jest.slow.config.js sets APC_SLOW=1): suites then run the sizes that only prove
 * scale, the same properties on larger inputs, too slow for `npm test` on a 2-core machine (README, Scripts).
 */
export const SLOW = process.env.APC_SLOW === '1';

/** `npm test`'s size, or the larger one under `npm run test:slow`. */
export const sized = (usual: number, slow: number): number => (SLOW ? slow : usual);
