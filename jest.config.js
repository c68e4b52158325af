/** Jest: unit and component tests beside the code, suites that span layers under tests/. */
const { availableParallelism } = require('node:os');

module.exports = {
  testEnvironment: 'node',
  // Jest's default is one worker fewer than the cores: one worker on a 2-core machine, half of it idle. The suites
  // spend their time computing (hardly any waiting), so two workers there halve the wall time.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  setupFiles: ['<rootDir>/tests/fakes/jestSetup.ts'],
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // A lazy import names its module with `.js` (Node's ESM rule); Jest resolves it to the TypeScript source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          jsx: 'react-jsx',
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
};
