import { DEMO_ACCOUNTS } from '@samspill/demo';
import type { Actor } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { BenefitsService } from '../benefits/benefits.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { DEMO_GAINS } from './demo-gains';
import { primaryOnly } from '../database/database';

const at = (day: string, hour = 11) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * The demo's benefits and follow-up answers, through the API's services.
 * Idempotent, and also for a demo database seeded before benefits existed:
 * a project that has benefits keeps them, an answered follow-up stays answered.
 */
export async function seedGains(dataSource: DataSource): Promise<{ benefits: number; answers: number }> {
  const access = new PartnershipAccess(dataSource, primaryOnly(dataSource));
  const benefitsService = new BenefitsService(dataSource, access);
  const followUps = new FollowUpsService(dataSource, access);
  const users = await dataSource.query<{ id: string; email: string; role: Actor['role']; organization_id: string | null }[]>(
    `SELECT id, email, role, organization_id FROM users WHERE email = ANY($1)`,
    [Object.values(DEMO_ACCOUNTS)],
  );
  const person = (account: keyof typeof DEMO_ACCOUNTS) => {
    const user = users.find((u) => u.email === DEMO_ACCOUNTS[account]);
    if (!user) throw new Error(`demo seed: unknown ${account}`);
    return { userId: user.id, actor: { role: user.role, organizationId: user.organization_id } satisfies Actor };
  };
  let benefits = 0;
  let answers = 0;
  for (const gains of DEMO_GAINS) {
    const [project] = await dataSource.query<{ id: string; benefits: number }[]>(
      `SELECT pr.id, (SELECT count(*)::int FROM benefits b WHERE b.project_id = pr.id) AS benefits
       FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id WHERE p.name = $1 AND pr.title = $2`,
      [gains.partnership, gains.project],
    );
    if (!project) continue;
    if (project.benefits === 0) {
      for (const b of gains.benefits) {
        const who = person(b.by);
        await benefitsService.create(
          who.actor,
          who.userId,
          project.id,
          {
            kind: b.kind,
            description: b.description,
            unit: b.unit,
            identified: b.identified,
            realised: b.realised?.amount,
            realisedOn: b.realised?.on,
          },
          at(b.on),
        );
        benefits++;
      }
    }
    for (const a of gains.followUpAnswers) {
      const who = person(a.by);
      const [followUp] = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM follow_ups WHERE project_id = $1 AND organization_id = $2 AND months = $3 AND answer IS NULL
         ORDER BY due_on DESC LIMIT 1`,
        [project.id, who.actor.organizationId, a.months],
      );
      if (!followUp) continue;
      await followUps.answer(who.actor, who.userId, followUp.id, { status: a.status, note: a.note }, at(a.on, 14));
      answers++;
    }
  }
  return { benefits, answers };
}
