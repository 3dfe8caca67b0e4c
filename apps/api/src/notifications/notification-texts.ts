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
