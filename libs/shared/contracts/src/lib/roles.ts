export const ROLES = ['staff', 'leader', 'politician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
