import { MIGRATIONS } from '@samspill/migrations';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from './support/api-server';

/** Migrations are reversible: down() restores the old shape and its data, up() brings the new one back. */
describe('DecisionKinds1764489600000', () => {
  let databaseUrl: string;
  let db: DataSource;
  const sql = <T>(text: string, params: unknown[] = []) => db.query<T[]>(text, params);
  const columns = async (table: string) =>
    (await sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [table])).map(
      (c) => c.column_name,
    );

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: databaseUrl, migrations: MIGRATIONS, migrationsTableName: 'migrations' });
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('goes down to status rows told apart by from_status and a stage_changed_at per project, and up again', async () => {
    const kinds = await sql<{ id: string; kind: string }>(`SELECT id, kind FROM stage_transitions ORDER BY id`);
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['stage', 'status']));
    expect(await columns('projects')).not.toContain('stage_changed_at');

    // Later migrations go down first, and come up again below with it.
    const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'DecisionKinds1764489600000');
    for (let i = 0; i < later; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await columns('stage_transitions')).not.toContain('kind');
    const old = await sql<{ id: string; from_status: string | null }>(`SELECT id, from_status FROM stage_transitions ORDER BY id`);
    expect(old.map((r) => ({ id: r.id, kind: r.from_status === null ? 'stage' : 'status' }))).toEqual(kinds);
    const wrong = await sql<{ id: string }>(
      `SELECT pr.id FROM projects pr WHERE pr.stage_changed_at IS DISTINCT FROM coalesce(
         (SELECT max(t.decided_at) FROM stage_transitions t WHERE t.project_id = pr.id AND t.from_status IS NULL), pr.created_at)`,
    );
    expect(wrong).toEqual([]);
    // The old code wrote status changes this way; they must migrate up as well.
    await sql(
      `INSERT INTO stage_transitions (project_id, from_stage, to_stage, from_status, to_status, rationale, decided_by)
       SELECT id, stage, stage, status, status, 'old shape', created_by FROM projects LIMIT 1`,
    );

    await db.runMigrations({ transaction: 'each' });
    expect(await columns('projects')).not.toContain('stage_changed_at');
    const again = await sql<{ id: string; kind: string; rationale: string }>(
      `SELECT id, kind, rationale FROM stage_transitions ORDER BY id`,
    );
    expect(again.filter((r) => r.rationale !== 'old shape').map(({ id, kind }) => ({ id, kind }))).toEqual(kinds);
    expect(again.filter((r) => r.rationale === 'old shape').map((r) => r.kind)).toEqual(['status']);
    // Each kind keeps its shape.
    await expect(
      sql(
        `INSERT INTO stage_transitions (project_id, kind, from_stage, to_stage, rationale, decided_by)
         SELECT id, 'stage', stage, stage, 'same stage', created_by FROM projects LIMIT 1`,
      ),
    ).rejects.toThrow(/stage_transitions_kind_shape_check/);
  });
});
