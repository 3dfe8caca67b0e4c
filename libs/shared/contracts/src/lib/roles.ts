export { LOCALES, ROLES } from './values';
export type { Locale, Role } from './values';
