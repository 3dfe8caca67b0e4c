/* API tests: the built API as real processes, on a real PostgreSQL. */
module.exports = {
  displayName: 'api-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@samspill/contracts$': '<rootDir>/../../libs/shared/contracts/src/index.ts',
    '^@samspill/testing$': '<rootDir>/../../libs/shared/testing/src/index.ts',
    '^@samspill/demo$': '<rootDir>/../../libs/shared/demo/src/index.ts',
    '^@samspill/domain$': '<rootDir>/../../libs/shared/domain/src/index.ts',
    '^@samspill/contracts/values$': '<rootDir>/../../libs/shared/contracts/src/values.ts',
    '^@samspill/api/sql-rules$': '<rootDir>/../../libs/api/sql-rules/src/index.ts',
    '^@samspill/migrations$': '<rootDir>/../../migrations/index.ts',
    '^@samspill/api/embedded-postgres$': '<rootDir>/../../libs/api/embedded-postgres/src/index.ts',
  },
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
