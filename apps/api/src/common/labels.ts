import type { Locale, ProjectStatus, Stage } from '@samspill/contracts';

/** The few words the API itself writes into files people download (CSV, PDF). */
export const LABELS = {
  nb: {
    stage: { learn: 'Lære og utforske sammen', test: 'Utvikle og teste', establish: 'Etablere ny praksis' } satisfies Record<Stage, string>,
    status: { active: 'Aktiv', stopped: 'Stoppet', completed: 'Fullført' } satisfies Record<ProjectStatus, string>,
    csv: ['Tittel', 'Samarbeid', 'Satsingsområde', 'Fase', 'Status', 'Deltakere', 'Opprettet', 'Sist endret'],
  },
  en: {
    stage: { learn: 'Learn and explore together', test: 'Develop and test', establish: 'Establish new practice' } satisfies Record<
      Stage,
      string
    >,
    status: { active: 'Active', stopped: 'Stopped', completed: 'Completed' } satisfies Record<ProjectStatus, string>,
    csv: ['Title', 'Partnership', 'Focus area', 'Stage', 'Status', 'Participants', 'Created', 'Last changed'],
  },
} as const;

/** The language of downloaded files: English when the browser asks for it, bokmål otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): 'nb' | 'en' {
  return header?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

export function labelsFor(locale: Locale | string | undefined) {
  return locale === 'en' ? LABELS.en : LABELS.nb;
}
