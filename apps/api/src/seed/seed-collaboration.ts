import { DEMO_ACCOUNTS, type DemoAccount } from '@samspill/demo';
import type { Actor } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { IndicatorsService } from '../indicators/indicators.service';
import { LogService } from '../improvement-logs/log.service';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { ProjectLoader } from '../projects/project-loader';
import { ProjectsService } from '../projects/projects.service';
import { AnswersService } from '../reciprocal-questions/answers.service';
import { DEMO_PARTNERSHIPS, type DemoPartnership, type DemoProject } from './demo-data';

/** The services the API writes with, so the demo data obeys the same rules as a person would. */
function services(dataSource: DataSource) {
  const access = new PartnershipAccess(dataSource);
  const projects = new ProjectsService(dataSource, access, new ProjectLoader(dataSource));
  return {
    partnerships: new PartnershipsService(dataSource, access),
    answers: new AnswersService(dataSource, access, projects),
    projects,
    log: new LogService(dataSource, access),
    indicators: new IndicatorsService(dataSource, access),
  };
}
type Services = ReturnType<typeof services>;

interface Person {
  userId: string;
  actor: Actor;
}

/** A demo day as a moment; `hour` orders what happened on the same day. */
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Adds the demo partnerships with their history, each once: an existing
 * partnership (by name) is left alone. A partnership that fails half-way is
 * removed again, so the next start tries it afresh.
 */
export async function seedCollaboration(dataSource: DataSource): Promise<number> {
  const existing = new Set(
    (
      await dataSource.query<{ name: string }[]>(`SELECT name FROM partnerships WHERE name = ANY($1)`, [
        DEMO_PARTNERSHIPS.map((p) => p.name),
      ])
    ).map((p) => p.name),
  );
  const missing = DEMO_PARTNERSHIPS.filter((p) => !existing.has(p.name));
  if (missing.length === 0) {
    await addMissingObservers(dataSource);
    return 0;
  }
  const organizations = new Map(
    (await dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM organizations`)).map((o) => [o.name, o.id]),
  );
  const users = await dataSource.query<{ id: string; email: string; role: Actor['role']; organization_id: string | null }[]>(
    `SELECT id, email, role, organization_id FROM users WHERE email = ANY($1)`,
    [Object.values(DEMO_ACCOUNTS)],
  );
  const world: World = {
    services: services(dataSource),
    org: (name) => need(organizations.get(name), name),
    person: (account) => {
      const user = need(
        users.find((u) => u.email === DEMO_ACCOUNTS[account]),
        account,
      );
      return { userId: user.id, actor: { role: user.role, organizationId: user.organization_id } };
    },
  };
  for (const partnership of missing) {
    try {
      await seedPartnership(world, partnership);
    } catch (error) {
      await dataSource.query(`DELETE FROM partnerships WHERE name = $1`, [partnership.name]);
      throw error;
    }
  }
  return missing.length;
}

interface World {
  services: Services;
  org(name: string): string;
  person(account: DemoAccount): Person;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo seed: unknown ${what}`);
  return value;
}

async function seedPartnership(world: World, p: DemoPartnership): Promise<void> {
  const { services: s } = world;
  const owner = world.person(p.by);
  const created = await s.partnerships.create(owner.actor, owner.userId, {
    name: p.name,
    description: p.description,
    visibility: p.visibility,
    memberIds: p.members.map(world.org),
    observerIds: (p.observers ?? []).map(world.org),
  });
  const focus = new Map<string, string>();
  for (const f of p.focusAreas) {
    focus.set(f.name, (await s.partnerships.addFocusArea(owner.actor, created.id, f)).id);
  }
  const focusId = (name: string | null) => (name === null ? null : need(focus.get(name), name));

  const answers = new Map<string, string>();
  for (const a of p.answers) {
    const who = world.person(a.by);
    const answer = await s.answers.create(
      who.actor,
      who.userId,
      created.id,
      { toOrganizationId: world.org(a.to), question: a.question, text: a.text, focusAreaId: focusId(a.focusArea) },
      at(a.on),
    );
    answers.set(a.text, answer.id);
  }

  for (const project of p.projects) {
    const who = world.person(project.by);
    const fromAnswer = project.fromAnswer === undefined ? undefined : need(answers.get(project.fromAnswer), project.fromAnswer);
    const { id } = fromAnswer
      ? await s.answers.toProject(
          who.actor,
          who.userId,
          fromAnswer,
          { title: project.title, description: project.description },
          at(project.on, 9),
        )
      : await s.projects.createProject(who.actor, who.userId, {
          partnershipId: created.id,
          title: project.title,
          description: project.description,
          focusAreaId: focusId(project.focusArea),
          participantIds: project.participants.map(world.org),
          createdAt: at(project.on, 9),
        });
    await seedHistory(world, project, id);
  }
}

/** A project's decisions, log and indicators with their measurements, each on its day. */
async function seedHistory(world: World, project: DemoProject, id: string): Promise<void> {
  const { services: s } = world;
  // Decisions come after what was logged on the same day (hour 16), so the history reads in order.
  for (const d of project.decisions) {
    const who = world.person(d.by);
    if ('to' in d) {
      await s.projects.transition(who.actor, who.userId, id, { toStage: d.to, rationale: d.rationale }, at(d.on, 16));
    } else {
      await s.projects.changeStatus(who.actor, who.userId, id, { status: d.status, rationale: d.rationale }, at(d.on, 16));
    }
  }
  for (const entry of project.log) {
    const who = world.person(entry.by);
    await s.log.add(who.actor, who.userId, id, { kind: entry.kind, text: entry.text, occurredOn: entry.on }, at(entry.on, 12));
  }
  for (const indicator of project.indicators ?? []) {
    const owner = world.person(indicator.by);
    const { name, unit, baseline, target, direction } = indicator;
    const created = await s.indicators.create(owner.actor, owner.userId, id, { name, unit, baseline, target, direction }, at(indicator.on));
    for (const [n, series] of indicator.series.entries()) {
      const who = world.person(series.by);
      for (const [month, value] of series.values.entries()) {
        const measuredOn = monthDay(indicator.firstMonth, month);
        // Each organisation records at its own hour: "the latest" is never a tie.
        await s.indicators.addMeasurement(who.actor, who.userId, created.id, { value, measuredOn }, at(measuredOn, 9 + n));
      }
    }
  }
}

/** The 28th of the month `offset` months after `firstMonth` (a day every month has). */
function monthDay(firstMonth: string, offset: number): string {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 + offset, 28));
  return date.toISOString().slice(0, 10);
}

/**
 * Demo data seeded before partnerships had observers gets them now, once,
 * through the same service (as the partnership's owner): a partnership that
 * has any observer is left as it is.
 */
async function addMissingObservers(dataSource: DataSource): Promise<void> {
  const rows = await dataSource.query<{ id: string; name: string }[]>(
    `SELECT p.id, p.name FROM partnerships p
     WHERE p.name = ANY($1) AND NOT EXISTS (SELECT 1 FROM partnership_observers o WHERE o.partnership_id = p.id)`,
    [DEMO_PARTNERSHIPS.filter((p) => (p.observers ?? []).length > 0).map((p) => p.name)],
  );
  if (rows.length === 0) return;
  const organizations = new Map(
    (await dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM organizations`)).map((o) => [o.name, o.id]),
  );
  const partnerships = services(dataSource).partnerships;
  for (const row of rows) {
    const demo = need(
      DEMO_PARTNERSHIPS.find((p) => p.name === row.name),
      row.name,
    );
    const [owner] = await dataSource.query<{ role: Actor['role']; organization_id: string | null }[]>(
      `SELECT role, organization_id FROM users WHERE email = $1`,
      [DEMO_ACCOUNTS[demo.by]],
    );
    if (!owner) continue;
    await partnerships.update({ role: owner.role, organizationId: owner.organization_id }, row.id, {
      observerIds: (demo.observers ?? []).map((name) => need(organizations.get(name), name)),
    });
  }
}
