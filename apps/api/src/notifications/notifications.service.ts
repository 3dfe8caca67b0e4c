import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MarkReadDto,
  NotificationItem,
  NotificationKind,
  NotificationList,
  NotificationListQuery,
  NotificationSettings,
  UpdateSettingsDto,
} from '@samspill/contracts';
import { DataSource } from 'typeorm';
import { nothingToRecord, recordAudit } from '../audit/audit-trail';
import { type NotificationData, notificationText } from './notification-texts';

export const NOTIFICATIONS_PAGE_DEFAULT = 20;

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  data: NotificationData;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

export function toNotificationItem(row: NotificationRow, locale: string): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(locale, row.kind, row.data),
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** A person's own notifications and mail settings: nobody else's are ever read or changed here. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement: the count rides along with the page (a row with no notification when the page is empty). */
  async list(user: { id: string; locale: string }, query: NotificationListQuery): Promise<NotificationList> {
    const unreadOnly = query.unread === true;
    const rows = await this.dataSource.query<((NotificationRow | { [K in keyof NotificationRow]: null }) & { unread: number })[]>(
      `SELECT u.unread, n.id, n.kind, n.data, n.link, n.created_at, n.read_at
       FROM (SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL) u
       LEFT JOIN LATERAL (
         SELECT id, kind, data, link, created_at, read_at FROM notifications
         WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3
       ) n ON true
       ORDER BY n.created_at DESC, n.id DESC`,
      [user.id, query.limit ?? NOTIFICATIONS_PAGE_DEFAULT, query.offset ?? 0],
    );
    const items = rows.filter((r): r is NotificationRow & { unread: number } => r.id !== null);
    return { items: items.map((r) => toNotificationItem(r, user.locale)), unread: rows[0]?.unread ?? 0 };
  }

  /** One of the person's notifications (null when it is not theirs), with their unread count: what the stream sends. */
  async one(user: { id: string; locale: string }, id: string): Promise<{ item: NotificationItem; unread: number } | null> {
    const [row] = await this.dataSource.query<(NotificationRow & { unread: number })[]>(
      `SELECT id, kind, data, link, created_at, read_at,
              (SELECT count(*)::int FROM notifications WHERE user_id = $1 AND read_at IS NULL) AS unread
       FROM notifications WHERE id = $2 AND user_id = $1`,
      [user.id, id],
    );
    return row ? { item: toNotificationItem(row, user.locale), unread: row.unread } : null;
  }

  async unread(userId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ unread: number }[]>(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.unread ?? 0;
  }

  /** Marks some (ids that are not the person's are passed over) or all as read; reading is not audited. */
  async markRead(userId: string, dto: MarkReadDto): Promise<void> {
    if (dto.all === true) {
      await this.dataSource.query(`UPDATE notifications SET read_at = clock_timestamp() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    } else {
      await this.dataSource.query(
        `UPDATE notifications SET read_at = clock_timestamp() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
        [userId, dto.ids ?? []],
      );
    }
    nothingToRecord();
  }

  async settings(userId: string): Promise<NotificationSettings> {
    const [row] = await this.dataSource.query<
      { digest: NotificationSettings['digest']; email_on_mention: boolean; email_on_reply: boolean }[]
    >(`SELECT digest, email_on_mention, email_on_reply FROM users WHERE id = $1`, [userId]);
    if (!row) throw new Error('the signed-in person has no row');
    return { digest: row.digest, emailOnMention: row.email_on_mention, emailOnReply: row.email_on_reply };
  }

  async updateSettings(userId: string, dto: UpdateSettingsDto): Promise<NotificationSettings> {
    await this.dataSource.transaction(async (m) => {
      const before = await m.query<{ digest: string; email_on_mention: boolean; email_on_reply: boolean }[]>(
        `SELECT digest, email_on_mention, email_on_reply FROM users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      await m.query(
        `UPDATE users SET digest = coalesce($2, digest), email_on_mention = coalesce($3, email_on_mention),
           email_on_reply = coalesce($4, email_on_reply) WHERE id = $1`,
        [userId, dto.digest ?? null, dto.emailOnMention ?? null, dto.emailOnReply ?? null],
      );
      const b = before[0];
      await recordAudit(m, {
        action: 'user.settings_update',
        entityType: 'user',
        entityId: userId,
        before: b ? { digest: b.digest, emailOnMention: b.email_on_mention, emailOnReply: b.email_on_reply } : null,
        after: { digest: dto.digest, emailOnMention: dto.emailOnMention, emailOnReply: dto.emailOnReply },
      });
    });
    return this.settings(userId);
  }
}
