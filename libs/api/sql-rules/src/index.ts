export * from './lib/matching';
export * from './lib/visibility';
export * from './lib/holding-the-gains';
export * from './lib/audit';
