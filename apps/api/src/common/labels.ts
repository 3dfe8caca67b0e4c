import type { BenefitKind, BenefitUnit, FollowUpStatus, Locale, ProjectStatus, Stage } from '@samspill/contracts';

/** The few words the API itself writes into files people download (CSV, PDF), in each of Samspill's languages. */
interface Labels {
  stage: Record<Stage, string>;
  status: Record<ProjectStatus, string>;
  /** The project CSV's column headings. */
  csv: readonly string[];
}

export const LABELS: Record<Locale, Labels> = {
  nb: {
    stage: { learn: 'Lære og utforske sammen', test: 'Utvikle og teste', establish: 'Etablere ny praksis' },
    status: { active: 'Aktiv', stopped: 'Stoppet', completed: 'Fullført' },
    csv: ['Tittel', 'Samarbeid', 'Satsingsområde', 'Fase', 'Status', 'Deltakere', 'Opprettet', 'Sist endret'],
  },
  nn: {
    stage: { learn: 'Lære og utforske saman', test: 'Utvikle og teste', establish: 'Etablere ny praksis' },
    status: { active: 'Aktiv', stopped: 'Stoppa', completed: 'Fullført' },
    csv: ['Tittel', 'Samarbeid', 'Satsingsområde', 'Fase', 'Status', 'Deltakarar', 'Oppretta', 'Sist endra'],
  },
  da: {
    stage: { learn: 'Lære og udforske sammen', test: 'Udvikle og afprøve', establish: 'Forankre ny praksis' },
    status: { active: 'Aktiv', stopped: 'Stoppet', completed: 'Afsluttet' },
    csv: ['Titel', 'Samarbejde', 'Indsatsområde', 'Fase', 'Status', 'Deltagere', 'Oprettet', 'Sidst ændret'],
  },
  sv: {
    stage: { learn: 'Lära och utforska tillsammans', test: 'Utveckla och testa', establish: 'Införa nytt arbetssätt' },
    status: { active: 'Aktivt', stopped: 'Avbrutet', completed: 'Avslutat' },
    csv: ['Titel', 'Samverkan', 'Insatsområde', 'Fas', 'Status', 'Deltagare', 'Skapat', 'Senast ändrat'],
  },
  fi: {
    stage: { learn: 'Oppiminen ja tutkiminen yhdessä', test: 'Kehittäminen ja kokeilu', establish: 'Uuden käytännön vakiinnuttaminen' },
    status: { active: 'Käynnissä', stopped: 'Keskeytetty', completed: 'Valmis' },
    csv: ['Nimi', 'Yhteistyö', 'Painopistealue', 'Vaihe', 'Tila', 'Osallistujat', 'Luotu', 'Muutettu viimeksi'],
  },
  en: {
    stage: { learn: 'Learn and explore together', test: 'Develop and test', establish: 'Establish new practice' },
    status: { active: 'Active', stopped: 'Stopped', completed: 'Completed' },
    csv: ['Title', 'Partnership', 'Focus area', 'Stage', 'Status', 'Participants', 'Created', 'Last changed'],
  },
};

export function labelsFor(locale: Locale): Labels {
  return LABELS[locale];
}

/** Numbers in a file as the language writes them: a decimal comma everywhere in the Nordics, a point in English. */
export function decimalFor(locale: Locale): (text: string) => string {
  return locale === 'en' ? (text) => text : (text) => text.replace('.', ',');
}

// --- Benefits and holding the gains (issue 11) ---

interface BenefitLabels {
  kind: Record<BenefitKind, string>;
  unit: Record<BenefitUnit, string>;
  followUp: Record<FollowUpStatus, string>;
  /** The benefit CSV's column headings. */
  header: readonly string[];
}

const CURRENCIES = { nok: 'NOK', dkk: 'DKK', sek: 'SEK', eur: 'EUR', isk: 'ISK' } as const;

const BENEFIT_LABELS: Record<Locale, BenefitLabels> = {
  nb: {
    kind: { time: 'Tid', money: 'Penger', quality: 'Kvalitet', other: 'Annet' },
    unit: { fte: 'årsverk', hours: 'timer', ...CURRENCIES, count: 'antall' },
    followUp: { upcoming: 'Kommer', due: 'Venter på svar', held: 'Holder', slipped: 'Glipper', abandoned: 'Forlatt' },
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
  nn: {
    kind: { time: 'Tid', money: 'Pengar', quality: 'Kvalitet', other: 'Anna' },
    unit: { fte: 'årsverk', hours: 'timar', ...CURRENCIES, count: 'tal' },
    followUp: { upcoming: 'Kjem', due: 'Ventar på svar', held: 'Held', slipped: 'Glepp', abandoned: 'Forlaten' },
    header: [
      'Prosjekt',
      'Samarbeid',
      'Organisasjon',
      'Type',
      'Skildring',
      'Eining',
      'Identifisert',
      'Realisert',
      'Realisert dato',
      'Registrert',
    ],
  },
  da: {
    kind: { time: 'Tid', money: 'Penge', quality: 'Kvalitet', other: 'Andet' },
    unit: { fte: 'årsværk', hours: 'timer', ...CURRENCIES, count: 'antal' },
    followUp: { upcoming: 'Kommende', due: 'Afventer svar', held: 'Holder', slipped: 'Glider', abandoned: 'Opgivet' },
    header: [
      'Projekt',
      'Samarbejde',
      'Organisation',
      'Type',
      'Beskrivelse',
      'Enhed',
      'Identificeret',
      'Realiseret',
      'Realiseret dato',
      'Registreret',
    ],
  },
  sv: {
    kind: { time: 'Tid', money: 'Pengar', quality: 'Kvalitet', other: 'Annat' },
    unit: { fte: 'årsarbetare', hours: 'timmar', ...CURRENCIES, count: 'antal' },
    followUp: { upcoming: 'Kommande', due: 'Väntar på svar', held: 'Håller', slipped: 'Glider', abandoned: 'Övergivet' },
    header: [
      'Projekt',
      'Samverkan',
      'Organisation',
      'Typ',
      'Beskrivning',
      'Enhet',
      'Identifierad',
      'Realiserad',
      'Realiserad datum',
      'Registrerad',
    ],
  },
  fi: {
    kind: { time: 'Aika', money: 'Raha', quality: 'Laatu', other: 'Muu' },
    unit: { fte: 'henkilötyövuotta', hours: 'tuntia', ...CURRENCIES, count: 'kpl' },
    followUp: { upcoming: 'Tulossa', due: 'Odottaa vastausta', held: 'Pysyy', slipped: 'Lipsuu', abandoned: 'Hylätty' },
    header: ['Hanke', 'Yhteistyö', 'Organisaatio', 'Laji', 'Kuvaus', 'Yksikkö', 'Tunnistettu', 'Toteutunut', 'Toteutumispäivä', 'Kirjattu'],
  },
  en: {
    kind: { time: 'Time', money: 'Money', quality: 'Quality', other: 'Other' },
    unit: { fte: 'FTE', hours: 'hours', ...CURRENCIES, count: 'count' },
    followUp: { upcoming: 'Upcoming', due: 'Awaiting answer', held: 'Held', slipped: 'Slipped', abandoned: 'Abandoned' },
    header: ['Project', 'Partnership', 'Organisation', 'Kind', 'Description', 'Unit', 'Identified', 'Realised', 'Realised on', 'Recorded'],
  },
};

export function benefitLabelsFor(locale: Locale): BenefitLabels {
  return BENEFIT_LABELS[locale];
}
