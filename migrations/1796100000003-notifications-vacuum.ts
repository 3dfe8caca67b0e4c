import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bell's unread count is an index-only scan of notifications_unread_idx, but only over heap pages the visibility
 * map knows to be all-visible; the rest are fetched one by one. Notifications are mostly inserted, and by default an
 * insert-driven vacuum waits for 20 % of the table (200,000 rows of a million), so the newest notifications — the
 * ones each bell counts — stayed unmarked: at bench scale the count read 392 pages for a person with 2,311 unread
 * instead of 26. Vacuuming after 1 % keeps the newest pages marked; a vacuum of an insert-mostly table reads only the
 * pages not yet marked. The existing indexes already serve the list (user, newest first) and the thread (entity,
 * oldest first), so no index is added.
 */
export class NotificationsVacuum1796100000003 implements MigrationInterface {
  name = 'NotificationsVacuum1796100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications SET (autovacuum_vacuum_insert_scale_factor = 0.01)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications RESET (autovacuum_vacuum_insert_scale_factor)`);
  }
}
