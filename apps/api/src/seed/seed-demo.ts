import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from '@samspill/demo';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { seedCollaboration } from './seed-collaboration';
import { seedGains } from './seed-gains';
import { seedLearning } from './seed-learning';
import { seedDiscussion } from './seed-discussion';

/**
 * Seeds the demo organisations and accounts, then the demo partnerships with
 * their history. Idempotent: what exists is left as it is (a changed demo
 * password stays changed).
 */
export async function seedDemo(dataSource: DataSource): Promise<{ organizations: number; users: number; partnerships: number }> {
  const { organizations, users } = await dataSource.transaction(async (manager) => {
    let organizations = 0;
    for (const o of DEMO_ORGANIZATIONS) {
      const inserted = await manager.query(
        `INSERT INTO organizations (name, kind, code, country)
         SELECT $1, $2, $3, $4
         WHERE NOT EXISTS (SELECT 1 FROM organizations WHERE country = $4 AND lower(name) = lower($1))
         RETURNING id`,
        [o.name, o.kind, o.code, o.country],
      );
      organizations += inserted.length;
    }
    const emails = DEMO_USERS.map((u) => DEMO_ACCOUNTS[u.account]);
    const [{ n: present }] = await manager.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM users WHERE email = ANY($1)`, [emails]);
    if (present === DEMO_USERS.length) return { organizations, users: 0 };
    // One hash for all demo accounts: they share a password, and hashing is deliberately slow.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    let users = 0;
    for (const u of DEMO_USERS) {
      const inserted = await manager.query(
        `INSERT INTO users (email, name, role, organization_id, password_hash)
         VALUES ($1, $2, $3, (SELECT id FROM organizations WHERE name = $4), $5)
         ON CONFLICT (email) DO NOTHING
         RETURNING id`,
        [DEMO_ACCOUNTS[u.account], u.name, u.role, u.organization, passwordHash],
      );
      users += inserted.length;
    }
    return { organizations, users };
  });
  const partnerships = await seedCollaboration(dataSource);
  // Issue 11: benefits and follow-up answers, also into a demo seeded before they existed.
  await seedGains(dataSource);
  // Issue 9: lessons in Norwegian and Danish, the demo practices and their adoptions.
  await seedLearning(dataSource);
  // Issue 12: a discussion on a PILOTen project and questions from the floor on Roskilde's platform network.
  await seedDiscussion(dataSource);
  return { organizations, users, partnerships };
}
