import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateInvitationDto,
  INVITATION_VALID_HOURS,
  type InvitationResponse,
  type InvitationStatus,
  type Locale,
  type Role,
} from '@samspill/contracts';
import { canManageInvitation, invitationProblem, type InvitationProblem } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword } from '../auth/passwords';
import { hashToken, newRefreshToken } from '../auth/tokens';
import { actorOf } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { onlyRow } from '../database/only-row';
import { MailService } from '../mail/mail.service';
import { mailTexts } from '../mail/mail-texts';
import { renderMail } from '../mail/render-mail';
import { checkActive } from '../organizations/check-active';
import { UsersService } from '../users/users.service';

interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  organization_id: string | null;
  organization_name: string | null;
  invited_by_id: string | null;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  withdrawn_at: Date | null;
  mail_sent: boolean;
  expired: boolean;
}

const SELECT = `SELECT i.id, i.email, i.name, i.role, i.locale, i.organization_id, o.name AS organization_name,
    i.invited_by AS invited_by_id, u.name AS invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.withdrawn_at,
    i.mail_sent, i.expires_at <= now() AS expired
  FROM invitations i LEFT JOIN organizations o ON o.id = i.organization_id LEFT JOIN users u ON u.id = i.invited_by`;

const REFUSALS: Record<InvitationProblem, string> = {
  NOT_A_MANAGER: 'Only administrators and leaders invite people.',
  MAKES_AN_ADMIN: 'Only an administrator may invite an administrator.',
  OTHER_ORGANIZATION: 'A leader invites people into their own organisation only.',
};

const INVALID_TOKEN_MESSAGE =
  'This invitation link no longer works: it has been used, withdrawn or has expired. Ask the person who invited you for a new one.';

/**
 * Invitations by e-mail: a link valid for 72 hours and once, whose token is
 * stored only as its SHA-256 hash. Admins invite anyone anywhere; a leader
 * invites into their own organisation, any role but admin.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(inviter: AuthenticatedUser, dto: CreateInvitationDto): Promise<InvitationResponse> {
    const actor = actorOf(inviter);
    const organizationId = dto.organizationId ?? (actor.role === 'admin' ? null : actor.organizationId);
    const problem = invitationProblem(actor, { role: dto.role, organizationId });
    if (problem) throw new ForbiddenException({ code: 'FORBIDDEN', message: REFUSALS[problem] });
    if (dto.role !== 'admin' && !organizationId) {
      throw new DomainException('ORGANIZATION_REQUIRED', 'organizationId is required for every role except admin');
    }
    const token = newRefreshToken();
    const id = await this.dataSource.transaction(async (m) => {
      // One invitation at a time per address, even when two are sent at once.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('invitation:' || $1))`, [dto.email]);
      if (organizationId) {
        const [found] = await m.query<{ id: string }[]>(`SELECT id FROM organizations WHERE id = $1`, [organizationId]);
        if (!found) throw new DomainException('UNKNOWN_ORGANIZATION', 'organizationId does not match any organisation');
        await checkActive(m, [organizationId]);
      }
      await this.checkAddressFree(m, dto.email);
      const [pending] = await m.query<{ id: string }[]>(
        `SELECT id FROM invitations WHERE email = $1 AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()`,
        [dto.email],
      );
      if (pending) {
        throw new ConflictException({
          code: 'INVITATION_PENDING',
          message: 'This address already has an invitation waiting. Send that one again instead.',
        });
      }
      const { id } = onlyRow(
        await m.query<{ id: string }[]>(
          `INSERT INTO invitations (email, name, role, organization_id, locale, token_hash, invited_by, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8)) RETURNING id`,
          [
            dto.email,
            dto.name,
            dto.role,
            organizationId,
            dto.locale ?? inviter.locale,
            hashToken(token),
            inviter.id,
            INVITATION_VALID_HOURS,
          ],
        ),
      );
      await recordAudit(m, {
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: id,
        concerns: [organizationId],
        after: { email: dto.email, name: dto.name, role: dto.role, organizationId },
      });
      return id;
    });
    return this.send(id, token, inviter.name);
  }

  /** Pending (or expired, to send again) invitations in reach: all for admins, their own organisation's for leaders. */
  async list(inviter: AuthenticatedUser, status: 'pending' | 'expired' = 'pending'): Promise<InvitationResponse[]> {
    const actor = actorOf(inviter);
    const rows = await this.dataSource.query<InvitationRow[]>(
      `${SELECT}
       WHERE i.accepted_at IS NULL AND i.withdrawn_at IS NULL AND (i.expires_at > now()) = $1
         AND ($2::boolean OR i.organization_id = $3::uuid)
       ORDER BY i.created_at DESC, i.id LIMIT 500`,
      [status === 'pending', actor.role === 'admin', actor.organizationId],
    );
    return rows.map(toInvitationResponse);
  }

  /** A new link (the old one stops working) and 72 more hours; the mail goes out again. */
  async resend(inviter: AuthenticatedUser, id: string, locale?: Locale): Promise<InvitationResponse> {
    const token = newRefreshToken();
    await this.dataSource.transaction(async (m) => {
      const invitation = await this.inReach(m, inviter, id);
      if (invitation.organization_id) await checkActive(m, [invitation.organization_id]);
      await this.checkAddressFree(m, invitation.email);
      await m.query(
        `UPDATE invitations SET token_hash = $2, sent_at = now(), expires_at = now() + make_interval(hours => $3), mail_sent = false,
                locale = coalesce($4, locale)
         WHERE id = $1`,
        [id, hashToken(token), INVITATION_VALID_HOURS, locale ?? null],
      );
      await recordAudit(m, {
        action: 'invitation.resend',
        entityType: 'invitation',
        entityId: id,
        concerns: [invitation.organization_id],
        before: { expiresAt: invitation.expires_at.toISOString() },
      });
    });
    return this.send(id, token, inviter.name);
  }

  /** The link stops working at once; the invitation leaves the list. */
  async withdraw(inviter: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const invitation = await this.inReach(m, inviter, id);
      await m.query(`UPDATE invitations SET withdrawn_at = now() WHERE id = $1`, [id]);
      await recordAudit(m, {
        action: 'invitation.withdraw',
        entityType: 'invitation',
        entityId: id,
        concerns: [invitation.organization_id],
        before: { status: statusOf(invitation) },
        after: { status: 'withdrawn' },
      });
    });
  }

  /**
   * The invitee chose a password: the account is made as the invitation says,
   * and the link is spent. Used, withdrawn, expired and unknown links are all
   * refused alike (400 INVALID_TOKEN). Returns the new user's id.
   */
  async accept(token: string, password: string): Promise<string> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const [invitation] = await m.query<InvitationRow[]>(`${SELECT} WHERE i.token_hash = $1 FOR UPDATE OF i`, [hashToken(token)]);
      if (!invitation || statusOf(invitation) !== 'pending') {
        throw new DomainException('INVALID_TOKEN', INVALID_TOKEN_MESSAGE);
      }
      const userId = await this.users.createUser(m, {
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        organizationId: invitation.organization_id,
        passwordHash,
        locale: invitation.locale,
      });
      await m.query(`UPDATE invitations SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1`, [invitation.id, userId]);
      await recordAudit(m, {
        action: 'invitation.accept',
        entityType: 'invitation',
        entityId: invitation.id,
        concerns: [invitation.organization_id],
        actor: { id: userId, organizationId: invitation.organization_id },
        after: { userId },
      });
      return userId;
    });
  }

  /** Sends the mail with the link and records whether it went; the invitation is stored either way. */
  private async send(id: string, token: string, inviterName: string): Promise<InvitationResponse> {
    const invitation = await this.find(this.dataSource.manager, id);
    const content = mailTexts(invitation.locale).invitation({
      name: invitation.name,
      inviter: inviterName,
      organization: invitation.organization_name,
      url: `${this.config.publicUrl}/invitation/${token}`,
      expiresAt: invitation.expires_at,
    });
    const { sent } = await this.mail.send({ to: invitation.email, ...renderMail(content, invitation.locale) });
    await this.dataSource.query(`UPDATE invitations SET mail_sent = $2 WHERE id = $1`, [id, sent]);
    return toInvitationResponse({ ...invitation, mail_sent: sent });
  }

  private async inReach(m: EntityManager, inviter: AuthenticatedUser, id: string): Promise<InvitationRow> {
    const [invitation] = await m.query<InvitationRow[]>(`${SELECT} WHERE i.id = $1 FOR UPDATE OF i`, [id]);
    if (!invitation || !canManageInvitation(actorOf(inviter), { organizationId: invitation.organization_id })) {
      throw notFound('invitation');
    }
    const status = statusOf(invitation);
    if (status === 'accepted' || status === 'withdrawn') {
      throw new ConflictException({ code: 'INVITATION_NOT_PENDING', message: `This invitation has already been ${status}.` });
    }
    return invitation;
  }

  private async find(m: EntityManager, id: string): Promise<InvitationRow> {
    const [invitation] = await m.query<InvitationRow[]>(`${SELECT} WHERE i.id = $1`, [id]);
    if (!invitation) throw notFound('invitation');
    return invitation;
  }

  private async checkAddressFree(m: EntityManager, email: string): Promise<void> {
    const [taken] = await m.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [email]);
    if (taken) throw new DomainException('EMAIL_TAKEN', 'Someone with this e-mail address already has an account.', 409);
  }
}

function statusOf(r: Pick<InvitationRow, 'accepted_at' | 'withdrawn_at' | 'expired'>): InvitationStatus {
  if (r.accepted_at) return 'accepted';
  if (r.withdrawn_at) return 'withdrawn';
  return r.expired ? 'expired' : 'pending';
}

function toInvitationResponse(r: InvitationRow): InvitationResponse {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organization: r.organization_id ? { id: r.organization_id, name: r.organization_name ?? '' } : null,
    expiresAt: r.expires_at.toISOString(),
    status: statusOf(r),
    locale: r.locale,
    invitedBy: r.invited_by_id ? { id: r.invited_by_id, name: r.invited_by_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    mailSent: r.mail_sent,
  };
}
