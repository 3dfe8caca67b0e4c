export * from './lib/demo-accounts';
export * from './lib/fuzz-inputs';
