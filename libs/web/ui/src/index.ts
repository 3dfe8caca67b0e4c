export * from './lib/error-summary/error-summary';
export * from './lib/language-switcher/language-switcher';
