import type { DigestFrequency, Locale, NotificationKind } from '@samspill/contracts';
import type { MailContent } from '../mail/mail-texts';

export interface ImmediateMail {
  name: string;
  kind: Extract<NotificationKind, 'mention' | 'reply'>;
  /** The notification's sentence, already in the person's language. */
  text: string;
  url: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}

export interface DigestMail {
  name: string;
  frequency: Exclude<DigestFrequency, 'off'>;
  items: { text: string; url: string }[];
  /** Items beyond those listed. */
  more: number;
  url: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}

interface NotificationMailTexts {
  immediate(m: ImmediateMail): MailContent;
  digest(m: DigestMail): MailContent;
  /** Headings inside the digest's list. */
  openQuestion: (partnership: string, text: string) => string;
  lesson: (project: string, text: string) => string;
}

const short = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Mails about notifications, per language; typed by Locale so a new language does not compile without them. */
export const NOTIFICATION_MAIL_TEXTS: Record<Locale, NotificationMailTexts> = {
  nb: {
    immediate: (m) => ({
      subject: m.kind === 'mention' ? 'Du er nevnt i Samspill' : 'Nytt svar til deg i Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: [m.text],
      action: { label: 'Les i Samspill', url: m.url },
      after: [
        `Du får denne e-posten fordi du vil ha e-post når noen ${m.kind === 'mention' ? 'nevner deg' : 'svarer deg'}. Endre det under ${m.settingsUrl}`,
        `Meld deg av disse e-postene med ett klikk: ${m.unsubscribeUrl}`,
      ],
    }),
    digest: (m) => ({
      subject: m.frequency === 'daily' ? 'Dette skjedde i Samspill i går' : 'Dette skjedde i Samspill forrige uke',
      greeting: `Hei ${m.name},`,
      paragraphs: [
        m.frequency === 'daily'
          ? 'Dette skjedde i samarbeidene dine og med praksisene du følger i går:'
          : 'Dette skjedde i samarbeidene dine og med praksisene du følger forrige uke:',
        ...m.items.map((i) => `• ${i.text}\n  ${i.url}`),
        ...(m.more > 0 ? [`… og ${m.more} til.`] : []),
      ],
      action: { label: 'Se alle varsler', url: m.url },
      after: [
        `Velg dag, uke eller ingen oppsummering under ${m.settingsUrl}`,
        `Meld deg av oppsummeringen med ett klikk: ${m.unsubscribeUrl}`,
      ],
    }),
    openQuestion: (partnership, text) => `Ubesvart spørsmål fra salen i «${partnership}»: «${short(text)}»`,
    lesson: (project, text) => `Ny lærdom i «${project}»: «${short(text)}»`,
  },
  nn: {
    immediate: (m) => ({
      subject: m.kind === 'mention' ? 'Du er nemnd i Samspill' : 'Nytt svar til deg i Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: [m.text],
      action: { label: 'Les i Samspill', url: m.url },
      after: [
        `Du får denne e-posten fordi du vil ha e-post når nokon ${m.kind === 'mention' ? 'nemner deg' : 'svarer deg'}. Endre det under ${m.settingsUrl}`,
        `Meld deg av desse e-postane med eitt klikk: ${m.unsubscribeUrl}`,
      ],
    }),
    digest: (m) => ({
      subject: m.frequency === 'daily' ? 'Dette skjedde i Samspill i går' : 'Dette skjedde i Samspill førre veke',
      greeting: `Hei ${m.name},`,
      paragraphs: [
        m.frequency === 'daily'
          ? 'Dette skjedde i samarbeida dine og med praksisane du følgjer i går:'
          : 'Dette skjedde i samarbeida dine og med praksisane du følgjer førre veke:',
        ...m.items.map((i) => `• ${i.text}\n  ${i.url}`),
        ...(m.more > 0 ? [`… og ${m.more} til.`] : []),
      ],
      action: { label: 'Sjå alle varsel', url: m.url },
      after: [
        `Vel dag, veke eller inga oppsummering under ${m.settingsUrl}`,
        `Meld deg av oppsummeringa med eitt klikk: ${m.unsubscribeUrl}`,
      ],
    }),
    openQuestion: (partnership, text) => `Ubesvart spørsmål frå salen i «${partnership}»: «${short(text)}»`,
    lesson: (project, text) => `Ny lærdom i «${project}»: «${short(text)}»`,
  },
  da: {
    immediate: (m) => ({
      subject: m.kind === 'mention' ? 'Du er nævnt i Samspill' : 'Nyt svar til dig i Samspill',
      greeting: `Hej ${m.name},`,
      paragraphs: [m.text],
      action: { label: 'Læs i Samspill', url: m.url },
      after: [
        `Du får denne e-mail fordi du har bedt om e-mail når nogen ${m.kind === 'mention' ? 'nævner dig' : 'svarer dig'}. Skift det under ${m.settingsUrl}`,
        `Afmeld disse e-mails med ét klik: ${m.unsubscribeUrl}`,
      ],
    }),
    digest: (m) => ({
      subject: m.frequency === 'daily' ? 'Det skete i Samspill i går' : 'Det skete i Samspill i sidste uge',
      greeting: `Hej ${m.name},`,
      paragraphs: [
        m.frequency === 'daily'
          ? 'Det skete i dine samarbejder og med de praksisser du følger i går:'
          : 'Det skete i dine samarbejder og med de praksisser du følger i sidste uge:',
        ...m.items.map((i) => `• ${i.text}\n  ${i.url}`),
        ...(m.more > 0 ? [`… og ${m.more} mere.`] : []),
      ],
      action: { label: 'Se alle notifikationer', url: m.url },
      after: [
        `Vælg daglig, ugentlig eller ingen opsummering under ${m.settingsUrl}`,
        `Afmeld opsummeringen med ét klik: ${m.unsubscribeUrl}`,
      ],
    }),
    openQuestion: (partnership, text) => `Ubesvaret spørgsmål fra salen i »${partnership}«: »${short(text)}«`,
    lesson: (project, text) => `Ny læring i »${project}«: »${short(text)}«`,
  },
  sv: {
    immediate: (m) => ({
      subject: m.kind === 'mention' ? 'Du har nämnts i Samspill' : 'Nytt svar till dig i Samspill',
      greeting: `Hej ${m.name},`,
      paragraphs: [m.text],
      action: { label: 'Läs i Samspill', url: m.url },
      after: [
        `Du får det här mejlet eftersom du vill ha mejl när någon ${m.kind === 'mention' ? 'nämner dig' : 'svarar dig'}. Ändra det under ${m.settingsUrl}`,
        `Avregistrera dig från de här mejlen med ett klick: ${m.unsubscribeUrl}`,
      ],
    }),
    digest: (m) => ({
      subject: m.frequency === 'daily' ? 'Det här hände i Samspill i går' : 'Det här hände i Samspill förra veckan',
      greeting: `Hej ${m.name},`,
      paragraphs: [
        m.frequency === 'daily'
          ? 'Det här hände i din samverkan och med arbetsmetoderna du följer i går:'
          : 'Det här hände i din samverkan och med arbetsmetoderna du följer förra veckan:',
        ...m.items.map((i) => `• ${i.text}\n  ${i.url}`),
        ...(m.more > 0 ? [`… och ${m.more} till.`] : []),
      ],
      action: { label: 'Se alla aviseringar', url: m.url },
      after: [
        `Välj daglig, veckovis eller ingen sammanfattning under ${m.settingsUrl}`,
        `Avregistrera dig från sammanfattningen med ett klick: ${m.unsubscribeUrl}`,
      ],
    }),
    openQuestion: (partnership, text) => `Obesvarad fråga från publiken i ”${partnership}”: ”${short(text)}”`,
    lesson: (project, text) => `Ny lärdom i ”${project}”: ”${short(text)}”`,
  },
  fi: {
    immediate: (m) => ({
      subject: m.kind === 'mention' ? 'Sinut mainittiin Samspillissä' : 'Uusi vastaus sinulle Samspillissä',
      greeting: `Hei ${m.name},`,
      paragraphs: [m.text],
      action: { label: 'Lue Samspillissä', url: m.url },
      after: [
        `Saat tämän sähköpostin, koska haluat viestin, kun joku ${m.kind === 'mention' ? 'mainitsee sinut' : 'vastaa sinulle'}. Muuta asetusta osoitteessa ${m.settingsUrl}`,
        `Peru nämä sähköpostit yhdellä napsautuksella: ${m.unsubscribeUrl}`,
      ],
    }),
    digest: (m) => ({
      subject: m.frequency === 'daily' ? 'Tätä tapahtui Samspillissä eilen' : 'Tätä tapahtui Samspillissä viime viikolla',
      greeting: `Hei ${m.name},`,
      paragraphs: [
        m.frequency === 'daily'
          ? 'Tätä tapahtui yhteistyöissäsi ja seuraamissasi käytännöissä eilen:'
          : 'Tätä tapahtui yhteistyöissäsi ja seuraamissasi käytännöissä viime viikolla:',
        ...m.items.map((i) => `• ${i.text}\n  ${i.url}`),
        ...(m.more > 0 ? [`… ja ${m.more} muuta.`] : []),
      ],
      action: { label: 'Näytä kaikki ilmoitukset', url: m.url },
      after: [
        `Valitse päivittäinen, viikoittainen tai ei koostetta osoitteessa ${m.settingsUrl}`,
        `Peru kooste yhdellä napsautuksella: ${m.unsubscribeUrl}`,
      ],
    }),
    openQuestion: (partnership, text) => `Vastaamaton kysymys yleisöltä yhteistyössä ”${partnership}”: ”${short(text)}”`,
    lesson: (project, text) => `Uusi oppi hankkeessa ”${project}”: ”${short(text)}”`,
  },
  en: {
    immediate: (m) => ({
      subject: m.kind === 'mention' ? 'You were mentioned in Samspill' : 'A new reply to you in Samspill',
      greeting: `Hello ${m.name},`,
      paragraphs: [m.text],
      action: { label: 'Read it in Samspill', url: m.url },
      after: [
        `You get this e-mail because you asked for e-mail when someone ${m.kind === 'mention' ? 'mentions you' : 'replies to you'}. Change that at ${m.settingsUrl}`,
        `Unsubscribe from these e-mails with one click: ${m.unsubscribeUrl}`,
      ],
    }),
    digest: (m) => ({
      subject: m.frequency === 'daily' ? 'What happened in Samspill yesterday' : 'What happened in Samspill last week',
      greeting: `Hello ${m.name},`,
      paragraphs: [
        m.frequency === 'daily'
          ? 'This is what happened in your partnerships and to the practices you follow yesterday:'
          : 'This is what happened in your partnerships and to the practices you follow last week:',
        ...m.items.map((i) => `• ${i.text}\n  ${i.url}`),
        ...(m.more > 0 ? [`… and ${m.more} more.`] : []),
      ],
      action: { label: 'See all notifications', url: m.url },
      after: [`Choose a daily, weekly or no digest at ${m.settingsUrl}`, `Unsubscribe from the digest with one click: ${m.unsubscribeUrl}`],
    }),
    openQuestion: (partnership, text) => `Unanswered question from the floor in “${partnership}”: “${short(text)}”`,
    lesson: (project, text) => `New lesson in “${project}”: “${short(text)}”`,
  },
};

export function notificationMailTexts(locale: string): NotificationMailTexts {
  return NOTIFICATION_MAIL_TEXTS[locale as Locale] ?? NOTIFICATION_MAIL_TEXTS.nb;
}
