export * from './lib/matching';
export * from './lib/visibility';
export * from './lib/audit';
