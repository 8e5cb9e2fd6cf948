// End-to-end tests: the five services as separate processes on a real broker and database. Files: *.e2e-spec.ts.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'e2e',
  testMatch: ['<rootDir>/services/complaint-flow-e2e/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 180000,
  maxWorkers: 1,
};
