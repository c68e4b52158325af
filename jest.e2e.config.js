/** Browser tests: the built pane in Debian's Chromium with the strict fake Excel host. Run by `npm run test:e2e`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/tests/e2e/globalSetup.js',
  testTimeout: 30000,
  // Both files at once (one browser each): the pane's and the self-test's (Jest would use one worker on 2 cores).
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, isolatedModules: true } },
    ],
  },
};
