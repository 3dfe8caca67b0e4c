/**
 * Issue 12 at Nordic scale: 1,000,000 comments on projects (a tenth of them replies, some with a mention) and the
 * notifications they caused (one per comment for a person of a participating organisation, a third of them read),
 * generated inside PostgreSQL in chunks. The benchmark's subject project gets a long thread (300 comments) and its
 * person 2,000 notifications, so the two rows measure a busy thread and a busy bell. The insert trigger that tells
 * live streams is switched off while seeding (nobody listens) and on again after. Runs once: a database with a
 * million comments is left alone.
 */
import type { Client } from 'pg';
import { progress } from './support';

export const COMMENTS = 1_000_000;
const CHUNK = 50_000;

export async function seedDiscussion(c: Client, subject: { email: string; project_id: string }): Promise<void> {
  const [{ n }] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments`)).rows as [{ n: number }];
  await c.query(`SET synchronous_commit = off`);
  await c.query(`ALTER TABLE notifications DISABLE TRIGGER notifications_notify`);
  try {
    if (n < COMMENTS) await seedComments(c, n);
    else console.log(`Discussion already seeded (${n.toLocaleString('en')} comments).`);
    await seedSubject(c, subject);
    await c.query(`ANALYZE comments; ANALYZE notifications`);
  } finally {
    await c.query(`ALTER TABLE notifications ENABLE TRIGGER notifications_notify`);
  }
}

async function seedComments(c: Client, n: number): Promise<void> {
  await c.query(`DROP TABLE IF EXISTS bench_projects; DROP TABLE IF EXISTS bench_people`);
  await c.query(`CREATE UNLOGGED TABLE bench_projects AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM projects`);
  // Per project, one participating organisation's person to write, and one to be told.
  await c.query(
    `CREATE UNLOGGED TABLE bench_people AS
       SELECT bp.n, bp.id AS project_id, u.id AS user_id, u.organization_id, v.id AS reader_id
       FROM bench_projects bp
       JOIN LATERAL (SELECT organization_id FROM project_participants WHERE project_id = bp.id ORDER BY organization_id LIMIT 1) pp ON true
       JOIN LATERAL (SELECT id, organization_id FROM users WHERE organization_id = pp.organization_id ORDER BY id LIMIT 1) u ON true
       JOIN LATERAL (SELECT id FROM users WHERE organization_id IN (SELECT organization_id FROM project_participants WHERE project_id = bp.id)
                     ORDER BY id DESC LIMIT 1) v ON true`,
  );
  await c.query(`CREATE INDEX ON bench_people (n)`);
  const [{ people }] = (await c.query<{ people: number }>(`SELECT count(*)::int AS people FROM bench_people`)).rows as [{ people: number }];
  const chunks = Math.ceil((COMMENTS - n) / CHUNK);
  progress('comments and notifications', 0, COMMENTS - n);
  for (let i = 0; i < chunks; i++) {
    const from = n + i * CHUNK;
    const to = Math.min(COMMENTS, from + CHUNK) - 1;
    await c.query(
      `WITH made AS (
           INSERT INTO comments (entity_type, entity_id, author_id, organization_id, text, created_at)
           SELECT 'project', p.project_id, p.user_id, p.organization_id,
                  'Hvordan gikk det med tavlemøtene i uke ' || (g % 52 + 1) || '? Vi prøver det samme hos oss.',
                  now() - (g % 8760) * interval '1 hour'
           FROM generate_series($1::int, $2::int) g JOIN bench_people p ON p.n = (g::bigint * 7919) % $3
           RETURNING id, entity_id, author_id, created_at
         )
         INSERT INTO notifications (user_id, kind, data, link, entity_type, entity_id, created_at, read_at)
         SELECT p.reader_id, 'comment', json_build_object('actor', 'Bench', 'title', 'Prosjekt'),
                '/projects/' || m.entity_id || '#comment-' || m.id, 'project', m.entity_id, m.created_at,
                CASE WHEN random() < 0.33 THEN m.created_at + interval '1 day' END
         FROM made m JOIN bench_people p ON p.project_id = m.entity_id`,
      [from, to, people],
    );
    progress('comments and notifications', to + 1 - n, COMMENTS - n);
  }
  await c.query(`DROP TABLE bench_projects; DROP TABLE bench_people`);
}

/** A long thread and a busy bell for the benchmark's subject (once). */
async function seedSubject(c: Client, subject: { email: string; project_id: string }): Promise<void> {
  const [thread] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE entity_id = $1`, [subject.project_id]))
    .rows;
  if ((thread?.n ?? 0) < 300) {
    await c.query(
      `INSERT INTO comments (entity_type, entity_id, author_id, organization_id, text, created_at)
       SELECT 'project', $1, u.id, u.organization_id, 'Innlegg ' || g || ' i en lang tråd.', now() - g * interval '1 minute'
       FROM generate_series(1, 300) g, users u WHERE u.email = $2`,
      [subject.project_id, subject.email],
    );
  }
  const [bell] = (
    await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1`, [
      subject.email,
    ])
  ).rows;
  if ((bell?.n ?? 0) < 2000) {
    await c.query(
      `INSERT INTO notifications (user_id, kind, data, link, entity_type, entity_id, created_at, read_at)
       SELECT u.id, 'comment', json_build_object('actor', 'Bench', 'title', 'Prosjekt'), '/projects/' || $1::text, 'project', $1::uuid,
              now() - g * interval '10 minutes', CASE WHEN g % 3 = 0 THEN now() END
       FROM generate_series(1, 2000) g, users u WHERE u.email = $2`,
      [subject.project_id, subject.email],
    );
  }
}
