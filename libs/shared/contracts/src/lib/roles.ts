export { DEFAULT_LOCALE, LOCALES, ROLES } from './values';
export type { Locale, Role } from './values';
