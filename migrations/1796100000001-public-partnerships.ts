import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partnership may be `public` (issue 13): anyone reads it without signing
 * in. Going down, public partnerships become `platform` ones, the nearest
 * visibility that existed: every signed-in person still reads them.
 */
export class PublicPartnerships1796100000001 implements MigrationInterface {
  name = 'PublicPartnerships1796100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnerships DROP CONSTRAINT partnerships_visibility_check`);
    await q.query(
      `ALTER TABLE partnerships ADD CONSTRAINT partnerships_visibility_check CHECK (visibility IN ('members', 'platform', 'public'))`,
    );
    // The public list reads only these rows.
    await q.query(`CREATE INDEX partnerships_public_idx ON partnerships (name, id) WHERE visibility = 'public'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX partnerships_public_idx`);
    await q.query(`UPDATE partnerships SET visibility = 'platform' WHERE visibility = 'public'`);
    await q.query(`ALTER TABLE partnerships DROP CONSTRAINT partnerships_visibility_check`);
    await q.query(`ALTER TABLE partnerships ADD CONSTRAINT partnerships_visibility_check CHECK (visibility IN ('members', 'platform'))`);
  }
}
