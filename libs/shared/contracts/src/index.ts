export * from './lib/auth';
export * from './lib/dashboards';
export * from './lib/errors';
export * from './lib/health';
export * from './lib/organizations';
export * from './lib/paging';
export * from './lib/partnerships';
export * from './lib/projects';
export * from './lib/questions';
export * from './lib/roles';
export * from './lib/users';
// Issue 9: learning that travels.
export * from './lib/lessons';
export * from './lib/practices';
export * from './lib/similar';
export * from './lib/spread';
