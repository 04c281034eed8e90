// Shared jest settings: tests import sibling packages from their sources,
// so a test run does not depend on stale build output.
const path = require('path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: path.join(__dirname, 'tsconfig.base.json') }],
  },
  moduleNameMapper: {
    '^@neuralrg/([a-z-]+)$': path.join(__dirname, 'packages/$1/src/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testTimeout: 120000,
};
