// Unit tests: pure code, no broker, no database. Files: *.spec.ts.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'unit',
  testMatch: [
    '<rootDir>/{libs,services}/*/src/**/*.spec.ts',
    '<rootDir>/{libs,services}/*/test/**/*.spec.ts',
  ],
};
