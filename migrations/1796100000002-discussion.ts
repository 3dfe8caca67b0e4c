import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussion, follows, notifications and mail (issue 12):
 * - comments on a project, a practice or a partnership (one reply level, kept by the API), their mentions, and the
 *   earlier wordings of edited ones (append-only); a deleted comment keeps its row with `deleted_at`;
 * - follows (person × thing);
 * - notifications, listed newest first per person, with the unread ones counted by a partial index;
 * - each person's mail settings (on users), and one row per person and digest period, the guard that sends a digest
 *   exactly once however many API processes work the queue;
 * - when a follow-up's "due" notification went out.
 * pg-boss keeps its own tables in the schema `pgboss` of the same database and installs them itself.
 */
export class Discussion1796100000002 implements MigrationInterface {
  name = 'Discussion1796100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comments (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entity_type      text NOT NULL CHECK (entity_type IN ('project', 'practice', 'partnership')),
        entity_id        uuid NOT NULL,
        parent_id        uuid NULL REFERENCES comments (id) ON DELETE RESTRICT,
        author_id        uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        text             text NOT NULL CHECK (length(text) <= 10000),
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        edited_at        timestamptz NULL,
        deleted_at       timestamptz NULL,
        CHECK (deleted_at IS NOT NULL OR length(text) >= 1)
      )`);
    await q.query(`CREATE INDEX comments_thread_idx ON comments (entity_type, entity_id, created_at, id)`);
    await q.query(`CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`CREATE INDEX comments_author_idx ON comments (author_id)`);
    await q.query(`CREATE INDEX comments_created_idx ON comments (created_at)`);
    await q.query(`
      CREATE TABLE comment_mentions (
        comment_id  uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        PRIMARY KEY (comment_id, user_id)
      )`);
    await q.query(`CREATE INDEX comment_mentions_user_idx ON comment_mentions (user_id)`);
    await q.query(`
      CREATE TABLE comment_revisions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id   uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        text         text NOT NULL,
        replaced_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        edited_by    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX comment_revisions_comment_idx ON comment_revisions (comment_id, replaced_at)`);
    await q.query(`
      CREATE TRIGGER comment_revisions_append_only BEFORE UPDATE ON comment_revisions
      FOR EACH ROW EXECUTE FUNCTION samspill_append_only()`);

    await q.query(`
      CREATE TABLE follows (
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        entity_type  text NOT NULL CHECK (entity_type IN ('project', 'practice', 'partnership')),
        entity_id    uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (user_id, entity_type, entity_id)
      )`);
    await q.query(`CREATE INDEX follows_entity_idx ON follows (entity_type, entity_id)`);

    await q.query(`
      CREATE TABLE notifications (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind         text NOT NULL CHECK (kind IN ('mention', 'reply', 'comment', 'stage', 'status', 'answer', 'adoption', 'follow_up')),
        data         jsonb NOT NULL DEFAULT '{}',
        link         text NOT NULL,
        entity_type  text NULL,
        entity_id    uuid NULL,
        created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at      timestamptz NULL,
        mailed_at    timestamptz NULL
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_created_idx ON notifications (created_at)`);
    // Every API process listens on one direct connection; the notice goes out when the inserting transaction commits.
    await q.query(`
      CREATE FUNCTION samspill_notification_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('samspill_notifications', NEW.user_id::text || ':' || NEW.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER notifications_notify AFTER INSERT ON notifications
      FOR EACH ROW EXECUTE FUNCTION samspill_notification_notify()`);

    await q.query(`
      ALTER TABLE users
        ADD COLUMN digest text NOT NULL DEFAULT 'weekly' CHECK (digest IN ('off', 'daily', 'weekly')),
        ADD COLUMN email_on_mention boolean NOT NULL DEFAULT true,
        ADD COLUMN email_on_reply boolean NOT NULL DEFAULT true`);
    await q.query(`CREATE INDEX users_digest_idx ON users (digest, id) WHERE active AND digest <> 'off'`);

    await q.query(`
      CREATE TABLE digest_deliveries (
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        period      text NOT NULL,
        claimed_at  timestamptz NULL,
        sent_at     timestamptz NULL,
        attempts    integer NOT NULL DEFAULT 0,
        items       integer NULL,
        PRIMARY KEY (period, user_id)
      )`);
    await q.query(`CREATE INDEX digest_deliveries_unsent_idx ON digest_deliveries (period, user_id) WHERE sent_at IS NULL`);

    // The digest's "new lessons of the period": without it, every person's digest read the whole log.
    await q.query(`CREATE INDEX log_entries_lessons_created_idx ON log_entries (created_at) WHERE kind = 'lesson'`);
    await q.query(`ALTER TABLE follow_ups ADD COLUMN notified_at timestamptz NULL`);
    await q.query(`CREATE INDEX follow_ups_unnotified_idx ON follow_ups (due_on) WHERE notified_at IS NULL AND answer IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_ups DROP COLUMN notified_at`);
    await q.query(`DROP INDEX log_entries_lessons_created_idx`);
    await q.query(`DROP TABLE digest_deliveries`);
    await q.query(`ALTER TABLE users DROP COLUMN email_on_reply, DROP COLUMN email_on_mention, DROP COLUMN digest`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP FUNCTION samspill_notification_notify()`);
    await q.query(`DROP TABLE follows`);
    await q.query(`DROP TABLE comment_revisions`);
    await q.query(`DROP TABLE comment_mentions`);
    await q.query(`DROP TABLE comments`);
    await q.query(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  }
}
