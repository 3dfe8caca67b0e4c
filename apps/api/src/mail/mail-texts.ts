import type { Locale } from '@samspill/contracts';

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

const when = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(date);

/**
 * The mails in each language of the web app. Typed by Locale: a language added
 * to LOCALES (issue 13: nn, da, sv, fi) does not compile until its mails are here.
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
        `Lenken virker én gang og til ${when('nb-NO', m.expiresAt)}.`,
        'Var ikke invitasjonen ment for deg, kan du se bort fra denne e-posten.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'Nytt passord i Samspill',
      greeting: `Hei ${m.name},`,
      paragraphs: ['Noen, forhåpentligvis du, har bedt om å få sette et nytt passord for kontoen din i Samspill.'],
      action: { label: 'Velg nytt passord', url: m.url },
      after: [
        `Lenken virker én gang og til ${when('nb-NO', m.expiresAt)}. Når du har valgt et nytt passord, blir du logget ut overalt.`,
        'Har du ikke bedt om dette, kan du se bort fra denne e-posten: passordet ditt er ikke endret.',
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
        `The link works once, until ${when('en-GB', m.expiresAt)}.`,
        'If the invitation was not meant for you, you can ignore this e-mail.',
      ],
    }),
    passwordReset: (m) => ({
      subject: 'A new password for Samspill',
      greeting: `Hello ${m.name},`,
      paragraphs: ['Someone, hopefully you, asked to set a new password for your Samspill account.'],
      action: { label: 'Choose a new password', url: m.url },
      after: [
        `The link works once, until ${when('en-GB', m.expiresAt)}. Once you have chosen a new password, you are signed out everywhere.`,
        'If you did not ask for this, you can ignore this e-mail: your password has not changed.',
      ],
    }),
  },
};

/** The texts of a person's language; bokmål for a language the API has no mails in. */
export function mailTexts(locale: string): MailTexts {
  return MAIL_TEXTS[locale as Locale] ?? MAIL_TEXTS.nb;
}
