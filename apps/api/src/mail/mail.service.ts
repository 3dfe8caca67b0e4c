import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { RenderedMail } from './render-mail';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Extra headers, such as List-Unsubscribe (issue 12). */
  headers?: Record<string, string>;
}

/** Whether a mail left: `sent: false` means the mail server refused it or could not be reached, and the caller says so. */
export interface MailOutcome {
  sent: boolean;
}

/**
 * Sends one mail and says whether it went. The one way the API sends mail:
 * issue 12 will put a queue behind this interface without touching callers.
 */
export abstract class MailService {
  abstract send(mail: OutgoingMail): Promise<MailOutcome>;
  /** Where mail goes, for the start-up log. */
  abstract describe(): string;
}

export interface MailSettings {
  /** smtp:// or smtps://; null writes every mail to `mailDir` as an .eml file. */
  smtpUrl: string | null;
  from: string;
  mailDir: string;
}

/** A dead mail server must not hold a request for minutes (nodemailer waits two by default). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
/**
 * SMTP connections kept open and used at once: a digest run hands the transport a hundred mails at a time, and one
 * connection per mail (a TCP and SMTP handshake each) would cost more than the mail.
 */
const SMTP_CONNECTIONS = 8;

/** Nodemailer over pooled SMTP, or, without SMTP_URL, its stream transport writing each raw message to a file. */
export class NodemailerMailService extends MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly smtp;
  private readonly files;

  constructor(private readonly settings: MailSettings) {
    super();
    this.smtp = settings.smtpUrl
      ? createTransport({ url: settings.smtpUrl, pool: true, maxConnections: SMTP_CONNECTIONS, ...TIMEOUTS })
      : null;
    this.files = settings.smtpUrl ? null : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  describe(): string {
    return this.smtp
      ? `mail goes out through the SMTP server in SMTP_URL, from ${this.settings.from}`
      : `SMTP_URL is not set: every mail is written as an .eml file to ${this.settings.mailDir}`;
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }

  async send(mail: OutgoingMail): Promise<MailOutcome> {
    const message = {
      from: this.settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    };
    try {
      if (this.smtp) {
        await this.smtp.sendMail(message);
      } else if (this.files) {
        const info = await this.files.sendMail(message);
        await mkdir(this.settings.mailDir, { recursive: true });
        const name = `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.eml`;
        await writeFile(join(this.settings.mailDir, name), info.message as Buffer);
      }
      return { sent: true };
    } catch (error) {
      // The address and the reason, never the body: it holds a one-time link.
      this.logger.error({ to: mail.to, reason: error instanceof Error ? error.message : String(error) }, 'mail not sent');
      return { sent: false };
    }
  }
}
