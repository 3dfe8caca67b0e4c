import { DEMO_ACCOUNTS, type DemoAccount } from '@samspill/demo';
import type { Actor } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { LogService } from '../improvement-logs/log.service';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { PracticesService } from '../practices/practices.service';
import { DEMO_LESSONS, DEMO_PRACTICES } from './demo-learning';
import { primaryOnly } from '../database/database';

const at = (day: string, hour = 11) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Adds the demo lessons and practices through the API's services, each once
 * (a lesson by its text, a practice by its title): a second start adds nothing.
 * Returns how many practices were added.
 */
export async function seedLearning(dataSource: DataSource): Promise<number> {
  const users = await dataSource.query<{ id: string; email: string; role: Actor['role']; organization_id: string | null }[]>(
    `SELECT id, email, role, organization_id FROM users WHERE email = ANY($1)`,
    [Object.values(DEMO_ACCOUNTS)],
  );
  const person = (account: DemoAccount) => {
    const user = users.find((u) => u.email === DEMO_ACCOUNTS[account]);
    if (!user) throw new Error(`demo seed: unknown ${account}`);
    return { userId: user.id, actor: { role: user.role, organizationId: user.organization_id } };
  };
  const projectId = async (title: string) => {
    const [found] = await dataSource.query<{ id: string }[]>(`SELECT id FROM projects WHERE title = $1 ORDER BY created_at LIMIT 1`, [
      title,
    ]);
    if (!found) throw new Error(`demo seed: no project ${title}`);
    return found.id;
  };

  const db = primaryOnly(dataSource);
  const log = new LogService(dataSource, db, new PartnershipAccess(dataSource, db));
  for (const lesson of DEMO_LESSONS) {
    const exists = await dataSource.query(`SELECT 1 FROM log_entries WHERE text = $1`, [lesson.text]);
    if (exists.length > 0) continue;
    const who = person(lesson.by);
    await log.add(
      who.actor,
      who.userId,
      await projectId(lesson.project),
      { kind: lesson.kind, text: lesson.text, occurredOn: lesson.on },
      at(lesson.on),
    );
  }

  const practices = new PracticesService(dataSource);
  let added = 0;
  for (const p of DEMO_PRACTICES) {
    const exists = await dataSource.query(`SELECT 1 FROM practices WHERE title = $1`, [p.title]);
    if (exists.length > 0) continue;
    const owner = person(p.by);
    const basedOn = [];
    for (const b of p.basedOn ?? []) {
      const [origin] = await dataSource.query<{ id: string }[]>(`SELECT id FROM practices WHERE title = $1`, [b.title]);
      if (!origin) throw new Error(`demo seed: no practice ${b.title}`);
      basedOn.push({ practiceId: origin.id, kind: b.kind, changes: b.changes });
    }
    const created = await practices.create(owner.actor, owner.userId, {
      title: p.title,
      summary: p.summary,
      description: p.description,
      projectId: p.project ? await projectId(p.project) : undefined,
      basedOn,
      at: at(p.on),
    });
    for (const a of p.adoptions) {
      const who = person(a.by);
      await practices.adopt(
        who.actor,
        who.userId,
        created.id,
        { kind: a.kind, changes: a.changes, projectId: a.project ? await projectId(a.project) : undefined },
        at(a.on),
      );
    }
    added++;
  }
  return added;
}
