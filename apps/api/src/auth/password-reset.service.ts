import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Locale, PASSWORD_RESET_VALID_HOURS } from '@samspill/contracts';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { DomainException } from '../common/domain-exception';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { onlyRow } from '../database/only-row';
import { MailService } from '../mail/mail.service';
import { mailTexts } from '../mail/mail-texts';
import { renderMail } from '../mail/render-mail';
import { UsersService } from '../users/users.service';
import { hashToken, newRefreshToken } from './tokens';

/** Reset mails one account gets in an hour at most: beyond, requests are answered alike and nothing is sent. */
export const RESET_MAILS_PER_HOUR = 5;

const INVALID_TOKEN_MESSAGE = 'This link no longer works: it has been used or has expired. Ask for a new one.';

/**
 * "Forgot password": a link by mail that works once, for an hour, and ends
 * every session when used. The request is answered the same whether or not
 * the address has an account, and before any of the work is done, so neither
 * the answer nor its timing tells.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the work and returns at once; failures are logged (and a mail that was not sent says so in the log). */
  request(email: string): void {
    void this.requestNow(email).catch((error: unknown) =>
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'password reset request failed'),
    );
  }

  /** The work behind a request; resolves once the mail went (or did not). */
  async requestNow(email: string): Promise<{ sent: boolean } | null> {
    const token = newRefreshToken();
    const reset = await this.dataSource.transaction(async (m) => {
      // The lock serialises requests for one account; the count comes after it, in a statement that sees their commits.
      const [user] = await m.query<{ id: string; name: string; locale: Locale; organization_id: string | null }[]>(
        `SELECT id, name, locale, organization_id FROM users WHERE email = $1 AND active FOR UPDATE`,
        [email],
      );
      if (!user) return null;
      const { recent } = onlyRow(
        await m.query<{ recent: number }[]>(
          `SELECT count(*)::int AS recent FROM password_resets WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
          [user.id],
        ),
      );
      if (recent >= RESET_MAILS_PER_HOUR) {
        // Recorded, so that someone flooding a person's inbox shows in the trail; no link, no mail.
        await recordAudit(m, {
          action: 'auth.password_reset_request',
          entityType: 'user',
          entityId: user.id,
          concerns: [user.organization_id],
          actor: null,
          after: { mailed: false, reason: 'too_many_requests' },
        });
        return null;
      }
      // Only the newest link works.
      await m.query(`UPDATE password_resets SET expires_at = now() WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()`, [
        user.id,
      ]);
      const { expires_at } = onlyRow(
        await m.query<{ expires_at: Date }[]>(
          `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
          [user.id, hashToken(token), PASSWORD_RESET_VALID_HOURS],
        ),
      );
      await recordAudit(m, {
        action: 'auth.password_reset_request',
        entityType: 'user',
        entityId: user.id,
        concerns: [user.organization_id],
        actor: null,
        after: { mailed: true },
      });
      return { ...user, expiresAt: expires_at };
    });
    if (!reset) return null;
    const content = mailTexts(reset.locale).passwordReset({
      name: reset.name,
      url: `${this.config.publicUrl}/password-reset/${token}`,
      expiresAt: reset.expiresAt,
    });
    return this.mail.send({ to: email, ...renderMail(content, reset.locale) });
  }

  /** Sets the new password and spends the link; every session of the person ends. */
  async confirm(token: string, password: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [reset] = await m.query<{ id: string; user_id: string }[]>(
        `SELECT r.id, r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active
         FOR UPDATE OF r`,
        [hashToken(token)],
      );
      if (!reset) throw new DomainException('INVALID_TOKEN', INVALID_TOKEN_MESSAGE);
      await m.query(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [reset.id]);
      await this.users.setPassword(reset.user_id, password, 'auth.password_reset', m);
    });
  }
}
