export * from './lib/permissions';
