/**
 * `npm run test:slow`: the suites that have a larger size proving scale only (tests/slow.ts), at that size. The same
 * properties as in `npm test`, on inputs too large for its time on a 2-core machine (README, Scripts).
 */
process.env.APC_SLOW = '1'; // read by tests/slow.ts in every worker, which inherits this process's environment
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/tests/corpus/corpus.*.test.ts', '**/tests/corpus/real.test.ts', '**/tests/xlsx/committeePages.test.ts'],
};
