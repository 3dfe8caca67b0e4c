import { EntityManager } from 'typeorm';
import { DEMO_PARTNERSHIPS } from './demo-data';

/** Adds the demo partnerships with their answers and projects, once: an existing partnership is left alone. */
export async function seedCollaboration(manager: EntityManager): Promise<number> {
  const orgs = new Map<string, string>(
    (await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM organizations`)).map((o) => [o.name, o.id]),
  );
  const users = new Map<string, string>(
    (await manager.query<{ id: string; email: string }[]>(`SELECT id, email FROM users`)).map((u) => [u.email, u.id]),
  );
  const need = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`demo seed: unknown ${key}`);
    return value;
  };
  let created = 0;
  for (const p of DEMO_PARTNERSHIPS) {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO partnerships (name, description, visibility)
       SELECT $1, $2, 'members' WHERE NOT EXISTS (SELECT 1 FROM partnerships WHERE name = $1)
       RETURNING id`,
      [p.name, p.description],
    );
    if (!row) continue;
    created++;
    const partnershipId = row.id;
    await manager.query(`INSERT INTO partnership_members (partnership_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
      partnershipId,
      p.members.map((m) => need(orgs, m)),
    ]);
    const focus = new Map<string, string>();
    for (const f of p.focusAreas) {
      const [fa] = await manager.query<{ id: string }[]>(
        `INSERT INTO focus_areas (partnership_id, name, description) VALUES ($1, $2, $3) RETURNING id`,
        [partnershipId, f.name, f.description],
      );
      focus.set(f.name, (fa as { id: string }).id);
    }
    for (const [from, to, question, text, focusArea, author] of p.answers) {
      await manager.query(
        `INSERT INTO answers (partnership_id, from_organization_id, to_organization_id, question, text, focus_area_id, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [partnershipId, need(orgs, from), need(orgs, to), question, text, focusArea ? need(focus, focusArea) : null, need(users, author)],
      );
    }
    for (const project of p.projects) {
      const ago = (days: number) => `now() - interval '${days} days'`;
      const [pr] = await manager.query<{ id: string }[]>(
        `INSERT INTO projects (partnership_id, title, description, focus_area_id, created_by, created_at, updated_at, stage_changed_at)
         VALUES ($1, $2, $3, $4, $5, ${ago(project.startedDaysAgo)}, ${ago(project.startedDaysAgo)}, ${ago(project.startedDaysAgo)})
         RETURNING id`,
        [
          partnershipId,
          project.title,
          project.description,
          project.focusArea ? need(focus, project.focusArea) : null,
          need(users, project.createdBy),
        ],
      );
      const projectId = (pr as { id: string }).id;
      await manager.query(`INSERT INTO project_participants (project_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
        projectId,
        project.participants.map((o) => need(orgs, o)),
      ]);
      let stage = 'learn';
      for (const move of project.moves) {
        await manager.query(
          `INSERT INTO stage_transitions (project_id, from_stage, to_stage, rationale, decided_by, decided_at)
           VALUES ($1, $2, $3, $4, $5, ${ago(move.daysAgo)})`,
          [projectId, stage, move.to, move.rationale, need(users, move.by)],
        );
        await manager.query(
          `UPDATE projects SET stage = $2, stage_changed_at = ${ago(move.daysAgo)}, updated_at = ${ago(move.daysAgo)}, version = version + 1 WHERE id = $1`,
          [projectId, move.to],
        );
        stage = move.to;
      }
      for (const entry of project.log) {
        await manager.query(
          `INSERT INTO log_entries (project_id, kind, text, occurred_on, author_id, organization_id, created_at)
           VALUES ($1, $2, $3, (${ago(entry.daysAgo)})::date, $4, (SELECT organization_id FROM users WHERE id = $4), ${ago(entry.daysAgo)})`,
          [projectId, entry.kind, entry.text, need(users, entry.by)],
        );
      }
    }
  }
  return created;
}
