import type { Locale, NotificationKind, ProjectStatus, Question, Stage } from '@samspill/contracts';
import { labelsFor } from '../common/labels';

/** What a notification row keeps (`data`): names as they were, so the sentence can be written in any language later. */
export interface NotificationData {
  /** The person who did it. */
  actor?: string;
  /** The thing's title (project, practice) or name (partnership). */
  title?: string;
  stage?: Stage;
  status?: ProjectStatus;
  /** The organisation that answered or adopted. */
  organization?: string;
  question?: Question;
  months?: number;
}

type Sentences = Record<NotificationKind, (d: NotificationData) => string>;

const QUESTION_NAMES: Record<Locale, Record<Question, string>> = {
  nb: { theyLearnFromUs: 'Hva kan de lære av oss?', weLearnFromThem: 'Hva kan vi lære av dem?', doTogether: 'Hva kan vi gjøre sammen?' },
  nn: { theyLearnFromUs: 'Kva kan dei lære av oss?', weLearnFromThem: 'Kva kan vi lære av dei?', doTogether: 'Kva kan vi gjere saman?' },
  da: { theyLearnFromUs: 'Hvad kan de lære af os?', weLearnFromThem: 'Hvad kan vi lære af dem?', doTogether: 'Hvad kan vi gøre sammen?' },
  sv: {
    theyLearnFromUs: 'Vad kan de lära av oss?',
    weLearnFromThem: 'Vad kan vi lära av dem?',
    doTogether: 'Vad kan vi göra tillsammans?',
  },
  fi: {
    theyLearnFromUs: 'Mitä he voivat oppia meiltä?',
    weLearnFromThem: 'Mitä me voimme oppia heiltä?',
    doTogether: 'Mitä voimme tehdä yhdessä?',
  },
  en: {
    theyLearnFromUs: 'What can they learn from us?',
    weLearnFromThem: 'What can we learn from them?',
    doTogether: 'What can we do together?',
  },
};

/**
 * One sentence per kind and language. Typed by Locale: a language added to LOCALES does not compile until its
 * sentences are here (the mail texts follow the same rule).
 */
export const NOTIFICATION_SENTENCES: Record<Locale, Sentences> = {
  nb: {
    mention: (d) => `${d.actor} nevnte deg i «${d.title}».`,
    reply: (d) => `${d.actor} svarte på innlegget ditt i «${d.title}».`,
    comment: (d) => `${d.actor} skrev et innlegg i «${d.title}».`,
    stage: (d) => `«${d.title}» er flyttet til trinnet ${d.stage ? labelsFor('nb').stage[d.stage] : ''}.`,
    status: (d) => `«${d.title}» har fått status ${d.status ? labelsFor('nb').status[d.status].toLowerCase() : ''}.`,
    answer: (d) => `${d.organization} svarte på «${d.question ? QUESTION_NAMES.nb[d.question] : ''}» til dere i «${d.title}».`,
    adoption: (d) => `${d.organization} har tatt i bruk «${d.title}».`,
    follow_up: (d) => `Det er tid for oppfølgingen etter ${d.months} måneder av «${d.title}»: holder den nye praksisen?`,
  },
  nn: {
    mention: (d) => `${d.actor} nemnde deg i «${d.title}».`,
    reply: (d) => `${d.actor} svarte på innlegget ditt i «${d.title}».`,
    comment: (d) => `${d.actor} skreiv eit innlegg i «${d.title}».`,
    stage: (d) => `«${d.title}» er flytta til steget ${d.stage ? labelsFor('nn').stage[d.stage] : ''}.`,
    status: (d) => `«${d.title}» har fått status ${d.status ? labelsFor('nn').status[d.status].toLowerCase() : ''}.`,
    answer: (d) => `${d.organization} svarte på «${d.question ? QUESTION_NAMES.nn[d.question] : ''}» til dykk i «${d.title}».`,
    adoption: (d) => `${d.organization} har teke i bruk «${d.title}».`,
    follow_up: (d) => `Det er tid for oppfølginga etter ${d.months} månader av «${d.title}»: held den nye praksisen?`,
  },
  da: {
    mention: (d) => `${d.actor} nævnte dig i »${d.title}«.`,
    reply: (d) => `${d.actor} svarede på dit indlæg i »${d.title}«.`,
    comment: (d) => `${d.actor} skrev et indlæg i »${d.title}«.`,
    stage: (d) => `»${d.title}« er rykket til fasen ${d.stage ? labelsFor('da').stage[d.stage] : ''}.`,
    status: (d) => `»${d.title}« har fået status ${d.status ? labelsFor('da').status[d.status].toLowerCase() : ''}.`,
    answer: (d) => `${d.organization} svarede på »${d.question ? QUESTION_NAMES.da[d.question] : ''}« til jer i »${d.title}«.`,
    adoption: (d) => `${d.organization} har taget »${d.title}« i brug.`,
    follow_up: (d) => `Det er tid til opfølgningen efter ${d.months} måneder af »${d.title}«: holder den nye praksis?`,
  },
  sv: {
    mention: (d) => `${d.actor} nämnde dig i ”${d.title}”.`,
    reply: (d) => `${d.actor} svarade på ditt inlägg i ”${d.title}”.`,
    comment: (d) => `${d.actor} skrev ett inlägg i ”${d.title}”.`,
    stage: (d) => `”${d.title}” har gått vidare till fasen ${d.stage ? labelsFor('sv').stage[d.stage] : ''}.`,
    status: (d) => `”${d.title}” har fått status ${d.status ? labelsFor('sv').status[d.status].toLowerCase() : ''}.`,
    answer: (d) => `${d.organization} svarade på ”${d.question ? QUESTION_NAMES.sv[d.question] : ''}” till er i ”${d.title}”.`,
    adoption: (d) => `${d.organization} har börjat använda ”${d.title}”.`,
    follow_up: (d) => `Dags för uppföljningen efter ${d.months} månader av ”${d.title}”: håller det nya arbetssättet?`,
  },
  fi: {
    mention: (d) => `${d.actor} mainitsi sinut ketjussa ”${d.title}”.`,
    reply: (d) => `${d.actor} vastasi viestiisi ketjussa ”${d.title}”.`,
    comment: (d) => `${d.actor} kirjoitti viestin ketjuun ”${d.title}”.`,
    stage: (d) => `”${d.title}” on siirtynyt vaiheeseen: ${d.stage ? labelsFor('fi').stage[d.stage] : ''}.`,
    status: (d) => `Hankkeen ”${d.title}” tila on nyt: ${d.status ? labelsFor('fi').status[d.status].toLowerCase() : ''}.`,
    answer: (d) =>
      `${d.organization} vastasi kysymykseen ”${d.question ? QUESTION_NAMES.fi[d.question] : ''}” teille yhteistyössä ”${d.title}”.`,
    adoption: (d) => `${d.organization} on ottanut käyttöön käytännön ”${d.title}”.`,
    follow_up: (d) => `On seurantakyselyn aika (${d.months} kk): ”${d.title}” – pysyykö uusi käytäntö?`,
  },
  en: {
    mention: (d) => `${d.actor} mentioned you in “${d.title}”.`,
    reply: (d) => `${d.actor} replied to your comment in “${d.title}”.`,
    comment: (d) => `${d.actor} commented in “${d.title}”.`,
    stage: (d) => `“${d.title}” has moved to the stage ${d.stage ? labelsFor('en').stage[d.stage] : ''}.`,
    status: (d) => `“${d.title}” is now ${d.status ? labelsFor('en').status[d.status].toLowerCase() : ''}.`,
    answer: (d) => `${d.organization} answered “${d.question ? QUESTION_NAMES.en[d.question] : ''}” to you in “${d.title}”.`,
    adoption: (d) => `${d.organization} has taken up “${d.title}”.`,
    follow_up: (d) => `Time for the ${d.months}-month follow-up of “${d.title}”: does the new practice hold?`,
  },
};

export function notificationText(locale: string, kind: NotificationKind, data: NotificationData): string {
  const sentences = NOTIFICATION_SENTENCES[locale as Locale] ?? NOTIFICATION_SENTENCES.nb;
  return sentences[kind](data);
}
