import type { BenefitKind, BenefitUnit, FollowUpStatus, Locale, ProjectStatus, Stage } from '@samspill/contracts';

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

// --- Benefits and holding the gains (issue 11) ---

const BENEFIT_LABELS = {
  nb: {
    kind: { time: 'Tid', money: 'Penger', quality: 'Kvalitet', other: 'Annet' } satisfies Record<BenefitKind, string>,
    unit: {
      fte: 'årsverk',
      hours: 'timer',
      nok: 'NOK',
      dkk: 'DKK',
      sek: 'SEK',
      eur: 'EUR',
      isk: 'ISK',
      count: 'antall',
    } satisfies Record<BenefitUnit, string>,
    followUp: { upcoming: 'Kommer', due: 'Venter på svar', held: 'Holder', slipped: 'Glipper', abandoned: 'Forlatt' } satisfies Record<
      FollowUpStatus,
      string
    >,
    header: [
      'Prosjekt',
      'Samarbeid',
      'Organisasjon',
      'Type',
      'Beskrivelse',
      'Enhet',
      'Identifisert',
      'Realisert',
      'Realisert dato',
      'Registrert',
    ],
  },
  en: {
    kind: { time: 'Time', money: 'Money', quality: 'Quality', other: 'Other' } satisfies Record<BenefitKind, string>,
    unit: {
      fte: 'FTE',
      hours: 'hours',
      nok: 'NOK',
      dkk: 'DKK',
      sek: 'SEK',
      eur: 'EUR',
      isk: 'ISK',
      count: 'count',
    } satisfies Record<BenefitUnit, string>,
    followUp: { upcoming: 'Upcoming', due: 'Awaiting answer', held: 'Held', slipped: 'Slipped', abandoned: 'Abandoned' } satisfies Record<
      FollowUpStatus,
      string
    >,
    header: ['Project', 'Partnership', 'Organisation', 'Kind', 'Description', 'Unit', 'Identified', 'Realised', 'Realised on', 'Recorded'],
  },
} as const;

export function benefitLabelsFor(locale: Locale | string | undefined) {
  return locale === 'en' ? BENEFIT_LABELS.en : BENEFIT_LABELS.nb;
}
