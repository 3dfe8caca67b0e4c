import type { DigestFrequency } from '@samspill/contracts';
import type { DataSource } from 'typeorm';
import { DIGEST_ITEMS_MAX, DIGEST_PARTNERSHIP_ITEMS_MAX, type DigestContents } from './digest-builder';

type Db = Pick<DataSource, 'query'>;

/** A batch of a digest period: its people after `afterId` up to and including `upToId` (either end open when null). */
export interface DigestRange {
  period: { frequency: Exclude<DigestFrequency, 'off'>; key: string; from: string; to: string };
  afterId: string | null;
  upToId: string | null;
}

/** The people of a range, as SQL over users `u`, with the range's parameters at $1 (frequency), $2 and $3. */
export const RANGE_PEOPLE = `u.active AND u.digest = $1 AND u.id > coalesce($2::uuid, '00000000-0000-0000-0000-000000000000')
  AND ($3::uuid IS NULL OR u.id <= $3::uuid)`;

/**
 * The period's new lessons and open questions from the floor, for the organisations of the range's people still
 * to be sent: read once per batch (a partnership's news is the same for all its members' people), at most five of
 * each per organisation, newest first.
 */
export async function readPartnershipNews(db: Db, range: DigestRange): Promise<Pick<DigestContents, 'lessons' | 'questions'>> {
  const organizations = `SELECT DISTINCT u.organization_id FROM digest_deliveries d JOIN users u ON u.id = d.user_id
    WHERE d.period = $1 AND d.user_id > coalesce($2::uuid, '00000000-0000-0000-0000-000000000000') AND ($3::uuid IS NULL OR d.user_id <= $3::uuid)
      AND d.sent_at IS NULL AND u.organization_id IS NOT NULL`;
  const params = [range.period.key, range.afterId, range.upToId];
  const [lessons, questions] = await Promise.all([
    db.query<DigestContents['lessons']>(
      `SELECT "organizationId", "projectId", title, text FROM (
         SELECT pm.organization_id AS "organizationId", pr.id AS "projectId", pr.title, l.text, l.created_at, l.id,
                row_number() OVER (PARTITION BY pm.organization_id ORDER BY l.created_at DESC, l.id DESC) AS n
         FROM log_entries l
         JOIN projects pr ON pr.id = l.project_id
         JOIN partnership_members pm ON pm.partnership_id = pr.partnership_id
         WHERE l.kind = 'lesson' AND l.created_at >= $4 AND l.created_at < $5 AND pm.organization_id IN (${organizations})
       ) s WHERE n <= ${DIGEST_PARTNERSHIP_ITEMS_MAX} ORDER BY "organizationId", created_at DESC, id DESC`,
      [...params, range.period.from, range.period.to],
    ),
    // Open: asked from outside the partnership, and no member has answered yet.
    db.query<DigestContents['questions']>(
      `SELECT "organizationId", id, "partnershipId", name, text FROM (
         SELECT pm.organization_id AS "organizationId", c.id, p.id AS "partnershipId", p.name, c.text, c.created_at,
                row_number() OVER (PARTITION BY pm.organization_id ORDER BY c.created_at DESC, c.id DESC) AS n
         FROM partnership_members pm
         JOIN partnerships p ON p.id = pm.partnership_id
         JOIN comments c ON c.entity_type = 'partnership' AND c.entity_id = p.id
         WHERE pm.organization_id IN (${organizations})
           AND c.parent_id IS NULL AND c.deleted_at IS NULL AND c.created_at < $4
           AND NOT EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = p.id AND m.organization_id = c.organization_id)
           AND NOT EXISTS (SELECT 1 FROM comments r JOIN partnership_members rm ON rm.partnership_id = p.id AND rm.organization_id = r.organization_id
                           WHERE r.parent_id = c.id AND r.deleted_at IS NULL)
       ) s WHERE n <= ${DIGEST_PARTNERSHIP_ITEMS_MAX} ORDER BY "organizationId", created_at DESC, id DESC`,
      [...params, range.period.to],
    ),
  ]);
  return { lessons, questions };
}

/** The claimed people and their notifications of the period (at most DIGEST_ITEMS_MAX each, newest first, with their count). */
export async function readDigestPeople(
  db: Db,
  userIds: string[],
  period: { from: string; to: string },
): Promise<Pick<DigestContents, 'people' | 'notifications'>> {
  const [people, notifications] = await Promise.all([
    db.query<DigestContents['people']>(
      `SELECT id, email, name, locale, organization_id AS "organizationId" FROM users WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [userIds],
    ),
    db.query<DigestContents['notifications']>(
      `SELECT u.id AS "userId", n.kind, n.data, n.link, n.total
       FROM unnest($1::uuid[]) AS u(id)
       CROSS JOIN LATERAL (
         SELECT kind, data, link, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY created_at DESC, id DESC) AS i
         FROM notifications
         WHERE user_id = u.id AND created_at >= $2 AND created_at < $3 AND kind <> 'follow_up'
         ORDER BY created_at DESC, id DESC LIMIT ${DIGEST_ITEMS_MAX}
       ) n
       ORDER BY u.id, n.i`,
      [userIds, period.from, period.to],
    ),
  ]);
  return { people, notifications };
}
