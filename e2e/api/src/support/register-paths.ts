import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

// Jest applies moduleNameMapper to test files only, not to the global setup,
// so the global setup resolves the workspace's path aliases itself.
register({
  baseUrl: resolve(__dirname, '../../../..'),
  paths: { '@samspill/api/embedded-postgres': ['libs/api/embedded-postgres/src/index.ts'] },
});
