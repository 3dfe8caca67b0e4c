import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: a person reads Samspill in bokmål, nynorsk, Danish, Swedish, Finnish or English. The first schema
 * allowed nb, en, nn and da; Swedish and Finnish join them. Invitations already accept any two-letter code.
 */
export class NordicLanguages1796100000000 implements MigrationInterface {
  name = 'NordicLanguages1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_locale_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_locale_check CHECK (locale IN ('nb', 'nn', 'da', 'sv', 'fi', 'en'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The old rule knows no Swedish or Finnish: those readers fall back to the default language, bokmål.
    await q.query(`UPDATE users SET locale = 'nb' WHERE locale IN ('sv', 'fi')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_locale_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_locale_check CHECK (locale IN ('nb', 'en', 'nn', 'da'))`);
  }
}
