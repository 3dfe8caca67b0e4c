export * from './lib/collaboration-policy';
export * from './lib/permissions';
export * from './lib/progress';
export * from './lib/matching';
export * from './lib/people-policy';
export * from './lib/single-sign-on';
