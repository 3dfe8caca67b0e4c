export * from './lib/collaboration-policy';
export * from './lib/permissions';
export * from './lib/progress';
export * from './lib/matching';
export * from './lib/run-chart';
export * from './lib/holding-the-gains';
export * from './lib/practice-policy';
export * from './lib/people-policy';
