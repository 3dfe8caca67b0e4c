export * from './lib/auth';
export * from './lib/errors';
export * from './lib/health';
export * from './lib/organizations';
export * from './lib/roles';
export * from './lib/users';
