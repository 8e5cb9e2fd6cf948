// Integration tests: real Kafka and real Postgres, provided once per run by the global setup. Files: *.int-spec.ts.
const preset = require('./jest.preset');

// Services under test log warnings and errors only; their info lines would drown the test output.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';

module.exports = {
  ...preset,
  displayName: 'integration',
  testMatch: ['<rootDir>/{libs,services}/*/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};
