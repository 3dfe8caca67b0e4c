import type { Locale } from '@samspill/contracts';

/** The column headings of the audit trail's CSV, in each language the API writes files in. */
export const AUDIT_CSV_HEADERS: Record<Locale, readonly string[]> = {
  nb: ['Tidspunkt (UTC)', 'Utført av', 'Organisasjon', 'Handling', 'Type', 'Id', 'Før', 'Etter'],
  nn: ['Tidspunkt (UTC)', 'Utført av', 'Organisasjon', 'Handling', 'Type', 'Id', 'Før', 'Etter'],
  da: ['Tidspunkt (UTC)', 'Udført af', 'Organisation', 'Handling', 'Type', 'Id', 'Før', 'Efter'],
  sv: ['Tidpunkt (UTC)', 'Utförd av', 'Organisation', 'Åtgärd', 'Typ', 'Id', 'Före', 'Efter'],
  fi: ['Ajankohta (UTC)', 'Tekijä', 'Organisaatio', 'Toimenpide', 'Tyyppi', 'Tunniste', 'Ennen', 'Jälkeen'],
  en: ['Time (UTC)', 'Done by', 'Organisation', 'Action', 'Type', 'Id', 'Before', 'After'],
};
