export * from './lib/demo-accounts';
