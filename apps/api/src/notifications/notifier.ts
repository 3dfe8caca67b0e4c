import type { FollowEntityType, NotificationKind } from '@samspill/contracts';
import type { EntityManager } from 'typeorm';
import { type JobQueue, QUEUES } from '../jobs/job-queue';
import type { NotificationData } from './notification-texts';

/** The kinds that may also be mailed at once, per the person's settings. */
const MAILED = { mention: 'email_on_mention', reply: 'email_on_reply' } as const satisfies Partial<Record<NotificationKind, string>>;

export interface NewNotification {
  kind: NotificationKind;
  /** Candidates; the one who acted, inactive people and people who cannot see the thing are left out. */
  userIds: readonly string[];
  /** Who caused it: never told about their own doing. */
  actorId: string | null;
  data: NotificationData;
  link: string;
  entity: { type: FollowEntityType; id: string };
  /** Back-dates it (the demo seed). */
  at?: Date;
}

/** The web path of a thing (and of a comment in its thread). */
export function linkTo(entity: { type: FollowEntityType; id: string }, commentId?: string): string {
  const base = `/${entity.type === 'partnership' ? 'partnerships' : entity.type === 'practice' ? 'practices' : 'projects'}/${entity.id}`;
  return commentId ? `${base}#comment-${commentId}` : base;
}

/**
 * SQL: may user `u` see the thing ($2 = type, $3 = id)? Practices are published to everyone signed in; a project or
 * partnership is seen by admins, members and observers, and by everyone when its partnership is `platform` —
 * the SQL twin of canSeePartnership, per user.
 */
export const USER_SEES_ENTITY_SQL = `(
  u.role = 'admin' OR $2 = 'practice' OR EXISTS (
    SELECT 1 FROM partnerships vp
    WHERE vp.id = CASE WHEN $2 = 'project' THEN (SELECT partnership_id FROM projects WHERE id = $3) ELSE $3 END
      AND (vp.visibility = 'platform'
        OR EXISTS (SELECT 1 FROM partnership_members vm WHERE vm.partnership_id = vp.id AND vm.organization_id = u.organization_id)
        OR EXISTS (SELECT 1 FROM partnership_observers vo WHERE vo.partnership_id = vp.id AND vo.organization_id = u.organization_id))))`;

/**
 * Raises notifications inside the caller's transaction: rows in `notifications` (whose insert trigger tells every
 * API process through NOTIFY when the transaction commits) and, for mentions and replies to people who want it, an
 * immediate-mail job in the same transaction.
 */
export class Notifier {
  constructor(private readonly queue: JobQueue | null) {}

  async raise(m: EntityManager, n: NewNotification): Promise<string[]> {
    if (n.userIds.length === 0) return [];
    const mailColumn = (MAILED as Partial<Record<NotificationKind, string>>)[n.kind];
    const rows = await m.query<{ id: string; mail: boolean }[]>(
      `INSERT INTO notifications (user_id, kind, data, link, entity_type, entity_id, created_at)
       SELECT u.id, $4, $5::jsonb, $6, $2, $3, coalesce($7::timestamptz, clock_timestamp())
       FROM users u
       WHERE u.id = ANY($1::uuid[]) AND u.active AND u.id IS DISTINCT FROM $8::uuid AND ${USER_SEES_ENTITY_SQL}
       RETURNING id, ${mailColumn ? `(SELECT ${mailColumn} FROM users WHERE users.id = notifications.user_id)` : 'false'} AS mail`,
      [[...new Set(n.userIds)], n.entity.type, n.entity.id, n.kind, JSON.stringify(n.data), n.link, n.at ?? null, n.actorId],
    );
    if (this.queue && !n.at) {
      for (const row of rows.filter((r) => r.mail)) {
        await this.queue.sendIn(m, QUEUES.immediateMail, { notificationId: row.id });
      }
    }
    return rows.map((r) => r.id);
  }

  /** The people who follow a thing. */
  async followersOf(m: EntityManager, entity: { type: FollowEntityType; id: string }): Promise<string[]> {
    const rows = await m.query<{ user_id: string }[]>(`SELECT user_id FROM follows WHERE entity_type = $1 AND entity_id = $2`, [
      entity.type,
      entity.id,
    ]);
    return rows.map((r) => r.user_id);
  }

  /** The active people of some organisations. */
  async peopleOf(m: EntityManager, organizationIds: readonly string[]): Promise<string[]> {
    if (organizationIds.length === 0) return [];
    const rows = await m.query<{ id: string }[]>(`SELECT id FROM users WHERE organization_id = ANY($1::uuid[]) AND active`, [
      [...organizationIds],
    ]);
    return rows.map((r) => r.id);
  }

  /** A person follows a thing (what they create or take part in); following twice changes nothing. */
  async follow(m: EntityManager, userId: string, entity: { type: FollowEntityType; id: string }): Promise<void> {
    await m.query(`INSERT INTO follows (user_id, entity_type, entity_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      userId,
      entity.type,
      entity.id,
    ]);
  }

  /** Stage moves and status changes: the people of the participating organisations and the project's followers. */
  async projectDecision(
    m: EntityManager,
    d: {
      projectId: string;
      actorId: string;
      kind: 'stage' | 'status';
      stage?: NotificationData['stage'];
      status?: NotificationData['status'];
      at?: Date;
    },
  ): Promise<void> {
    const [project] = await m.query<{ title: string; participant_ids: string[] }[]>(
      `SELECT title, (SELECT coalesce(array_agg(organization_id), '{}') FROM project_participants WHERE project_id = $1) AS participant_ids
       FROM projects WHERE id = $1`,
      [d.projectId],
    );
    if (!project) return;
    const entity = { type: 'project', id: d.projectId } as const;
    const userIds = [...(await this.peopleOf(m, project.participant_ids)), ...(await this.followersOf(m, entity))];
    await this.raise(m, {
      kind: d.kind,
      userIds,
      actorId: d.actorId,
      data: { title: project.title, ...(d.kind === 'stage' ? { stage: d.stage } : { status: d.status }) },
      link: linkTo(entity),
      entity,
      at: d.at,
    });
  }
}
