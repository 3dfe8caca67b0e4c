import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists read a page in their display order and stop (keyset): the project
 * list newest change first, within a partnership or across all, and the
 * partnerships by name. Without these PostgreSQL sorts every matching row
 * to show fifty (bench/plans/before.md: 310 ms for an admin's project list).
 */
export class ListOrderIndexes1796093164491 implements MigrationInterface {
  name = 'ListOrderIndexes1796093164491';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX projects_partnership_order_idx ON projects (partnership_id, updated_at DESC, id)`);
    await q.query(`CREATE INDEX projects_order_idx ON projects (updated_at DESC, id)`);
    await q.query(`CREATE INDEX partnerships_name_order_idx ON partnerships (lower(name), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX partnerships_name_order_idx`);
    await q.query(`DROP INDEX projects_order_idx`);
    await q.query(`DROP INDEX projects_partnership_order_idx`);
  }
}
