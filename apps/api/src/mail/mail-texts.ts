import type { Locale } from '@samspill/contracts';
import { LANGUAGE_TAGS } from '../i18n/locale';

/** What a mail says, before it becomes plain text and HTML (see render-mail.ts). */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one link the mail is about, and the words on its button. */
  action: { label: string; url: string };
  /** After the link: how long it works, and what to do if the mail was not meant for you. */
  after: string[];
}

export interface InvitationMail {
  name: string;
  inviter: string;
  organization: string | null;
  url: string;
  expiresAt: Date;
}

export interface PasswordResetMail {
  name: string;
  url: string;
  expiresAt: Date;
}

/** Every mail the API sends, in one language. */
export interface MailTexts {
  invitation(m: InvitationMail): MailContent;
  passwordReset(m: PasswordResetMail): MailContent;
}

/** The clock of the reader's country (English readers get Norway's, where Samspill began). */
const TIME_ZONES: Record<Locale, string> = {
  nb: 'Europe/Oslo',
  nn: 'Europe/Oslo',
  da: 'Europe/Copenhagen',
  sv: 'Europe/Stockholm',
  fi: 'Europe/Helsinki',
  en: 'Europe/Oslo',
};

const when = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONES[locale] }).format(date);

/**
 * The mails in each language of the web app. Typed by Locale: a language added
 * to LOCALES does not compile until its mails are here.
 */
export const MAIL_TEXTS: Record<Locale, MailTexts> = {
  nb: {
    invitation: (m) => ({
      subject: 'Du er invitert til Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: [
        `${m.inviter} har invitert deg til Samspill${m.organization ? ` som en del av ${m.organization}` : ''}.`,
        'Samspill er stedet der kommuner lærer av hverandre: samarbeid, de tre spørsmålene og felles prosjekter.',
        'Velg et passord for å ta i bruk kontoen din:',
      ],
      action: { label: 'Godta invitasjonen', url: m.url },
      after: [
        `Lenken virker én gang og til ${when('nb', m.expiresAt)}.`,
        'Var ikke invitasjonen ment for deg, kan du se bort fra denne e-posten.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'Nytt passord i Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: ['Noen, forhåpentligvis du, har bedt om å få sette et nytt passord for kontoen din i Samspill.'],
      action: { label: 'Velg nytt passord', url: m.url },
      after: [
        `Lenken virker én gang og til ${when('nb', m.expiresAt)}. Når du har valgt et nytt passord, blir du logget ut overalt.`,
        'Har du ikke bedt om dette, kan du se bort fra denne e-posten: passordet ditt er ikke endret.',
      ],
    }),
  },
  nn: {
    invitation: (m) => ({
      subject: 'Du er invitert til Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: [
        `${m.inviter} har invitert deg til Samspill${m.organization ? ` som ein del av ${m.organization}` : ''}.`,
        'Samspill er staden der kommunar lærer av kvarandre: samarbeid, dei tre spørsmåla og felles prosjekt.',
        'Vel eit passord for å ta i bruk kontoen din:',
      ],
      action: { label: 'Godta invitasjonen', url: m.url },
      after: [
        `Lenkja verkar éin gong og til ${when('nn', m.expiresAt)}.`,
        'Var ikkje invitasjonen meint for deg, kan du sjå bort frå denne e-posten.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'Nytt passord i Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: ['Nokon, forhåpentlegvis du, har bede om å få setje eit nytt passord for kontoen din i Samspill.'],
      action: { label: 'Vel nytt passord', url: m.url },
      after: [
        `Lenkja verkar éin gong og til ${when('nn', m.expiresAt)}. Når du har valt eit nytt passord, blir du logga ut overalt.`,
        'Har du ikkje bede om dette, kan du sjå bort frå denne e-posten: passordet ditt er ikkje endra.',
      ],
    }),
  },
  da: {
    invitation: (m) => ({
      subject: 'Du er inviteret til Samspill',
      greeting: `Kære ${m.name}`,
      paragraphs: [
        `${m.inviter} har inviteret dig til Samspill${m.organization ? ` som en del af ${m.organization}` : ''}.`,
        'Samspill er stedet, hvor kommuner lærer af hinanden: samarbejder, de tre spørgsmål og fælles projekter.',
        'Vælg en adgangskode for at tage din konto i brug:',
      ],
      action: { label: 'Accepter invitationen', url: m.url },
      after: [
        `Linket virker én gang og indtil ${when('da', m.expiresAt)}.`,
        'Var invitationen ikke til dig, kan du se bort fra denne e-mail.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'Ny adgangskode til Samspill',
      greeting: `Kære ${m.name}`,
      paragraphs: ['Nogen, forhåbentlig dig, har bedt om at få en ny adgangskode til din konto i Samspill.'],
      action: { label: 'Vælg ny adgangskode', url: m.url },
      after: [
        `Linket virker én gang og indtil ${when('da', m.expiresAt)}. Når du har valgt en ny adgangskode, bliver du logget ud alle steder.`,
        'Har du ikke bedt om dette, kan du se bort fra denne e-mail: din adgangskode er ikke ændret.',
      ],
    }),
  },
  sv: {
    invitation: (m) => ({
      subject: 'Du är inbjuden till Samspill',
      greeting: `Hej ${m.name},`,
      paragraphs: [
        `${m.inviter} har bjudit in dig till Samspill${m.organization ? ` som en del av ${m.organization}` : ''}.`,
        'Samspill är platsen där kommuner lär av varandra: samverkan, de tre frågorna och gemensamma projekt.',
        'Välj ett lösenord för att börja använda ditt konto:',
      ],
      action: { label: 'Tacka ja till inbjudan', url: m.url },
      after: [
        `Länken fungerar en gång och till ${when('sv', m.expiresAt)}.`,
        'Om inbjudan inte var avsedd för dig kan du bortse från det här mejlet.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'Nytt lösenord till Samspill',
      greeting: `Hej ${m.name},`,
      paragraphs: ['Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord för ditt konto i Samspill.'],
      action: { label: 'Välj nytt lösenord', url: m.url },
      after: [
        `Länken fungerar en gång och till ${when('sv', m.expiresAt)}. När du har valt ett nytt lösenord loggas du ut överallt.`,
        'Om du inte har bett om detta kan du bortse från det här mejlet: ditt lösenord har inte ändrats.',
      ],
    }),
  },
  fi: {
    invitation: (m) => ({
      subject: 'Sinut on kutsuttu Samspilliin',
      greeting: `Hei ${m.name},`,
      paragraphs: [
        `${m.inviter} on kutsunut sinut Samspilliin${m.organization ? ` organisaation ${m.organization} jäsenenä` : ''}.`,
        'Samspill on paikka, jossa kunnat oppivat toisiltaan: yhteistyö, kolme kysymystä ja yhteiset hankkeet.',
        'Valitse salasana ottaaksesi tilisi käyttöön:',
      ],
      action: { label: 'Hyväksy kutsu', url: m.url },
      after: [
        `Linkki toimii kerran ja on voimassa ${when('fi', m.expiresAt)} asti.`,
        'Jos kutsua ei ollut tarkoitettu sinulle, voit jättää tämän viestin huomiotta.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'Uusi salasana Samspilliin',
      greeting: `Hei ${m.name},`,
      paragraphs: ['Joku, toivottavasti sinä, on pyytänyt uuden salasanan Samspill-tilillesi.'],
      action: { label: 'Valitse uusi salasana', url: m.url },
      after: [
        `Linkki toimii kerran ja on voimassa ${when('fi', m.expiresAt)} asti. Kun olet valinnut uuden salasanan, sinut kirjataan ulos kaikkialta.`,
        'Jos et pyytänyt tätä, voit jättää viestin huomiotta: salasanaasi ei ole muutettu.',
      ],
    }),
  },
  en: {
    invitation: (m) => ({
      subject: 'You are invited to Samspill',
      greeting: `Hello ${m.name},`,
      paragraphs: [
        `${m.inviter} has invited you to Samspill${m.organization ? ` as part of ${m.organization}` : ''}.`,
        'Samspill is where municipalities learn from each other: partnerships, the three questions and joint projects.',
        'Choose a password to start using your account:',
      ],
      action: { label: 'Accept the invitation', url: m.url },
      after: [
        `The link works once, until ${when('en', m.expiresAt)}.`,
        'If the invitation was not meant for you, you can ignore this e-mail.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'A new password for Samspill',
      greeting: `Hello ${m.name},`,
      paragraphs: ['Someone, hopefully you, asked to set a new password for your Samspill account.'],
      action: { label: 'Choose a new password', url: m.url },
      after: [
        `The link works once, until ${when('en', m.expiresAt)}. Once you have chosen a new password, you are signed out everywhere.`,
        'If you did not ask for this, you can ignore this e-mail: your password has not changed.',
      ],
    }),
  },
};

/** The texts of a person's language; bokmål for a language the API has no mails in. */
export function mailTexts(locale: string): MailTexts {
  return MAIL_TEXTS[locale as Locale] ?? MAIL_TEXTS.nb;
}
