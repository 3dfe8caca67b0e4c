import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as it arrived over SMTP and as mailparser reads it. */
export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The language the HTML declares (`<html lang>`). */
  lang: string | null;
  raw: ParsedMail;
}

/**
 * A real SMTP server in the test process (smtp-server), for the API to send
 * to through SMTP_URL. It keeps what arrives; `refuse` makes it answer every
 * mail with a permanent failure, as a broken mail server would.
 */
export interface Mailbox {
  url: string;
  received: ReceivedMail[];
  /** The next mail to `to` that has not been taken yet: already here, or when it arrives. */
  next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  refuse(refusing: boolean): void;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiting: { to: string; resolve: (mail: ReceivedMail) => void }[] = [];
  let refusing = false;

  const deliver = (mail: ReceivedMail) => {
    received.push(mail);
    const waiter = waiting.find((w) => w.to === mail.to);
    if (waiter) {
      waiting.splice(waiting.indexOf(waiter), 1);
      taken.add(mail);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? (parsed.to[0]?.text ?? '') : (parsed.to?.text ?? '');
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          deliver({
            to,
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html,
            lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? null,
            raw: parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next(to, timeoutMs = 15_000) {
      const ready = received.find((m) => m.to === to && !taken.has(m));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({
          to,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    refuse(value) {
      refusing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token at the end of a link in the mail, e.g. `…/invitation/<token>`. */
export function tokenFrom(mail: ReceivedMail, path: 'invitation' | 'password-reset'): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no /${path}/<token> link in the mail:\n${mail.text}`);
  return match[1];
}
