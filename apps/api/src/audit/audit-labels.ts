import type { Locale } from '@samspill/contracts';

/** The column headings of the audit trail's CSV, in each language the API writes files in. */
export const AUDIT_CSV_HEADERS: Record<Locale, readonly string[]> = {
  nb: ['Tidspunkt (UTC)', 'Utført av', 'Organisasjon', 'Handling', 'Type', 'Id', 'Før', 'Etter'],
  en: ['Time (UTC)', 'Done by', 'Organisation', 'Action', 'Type', 'Id', 'Before', 'After'],
};
