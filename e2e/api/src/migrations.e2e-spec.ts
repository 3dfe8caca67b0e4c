import { MIGRATIONS } from '@samspill/migrations';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from './support/api-server';

/** Undoes the newest migrations until `name` is undone too: the ones after it come off first. */
async function undoThrough(db: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last] = await db.query<{ name: string }[]>(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await db.undoLastMigration({ transaction: 'each' });
    if (!last || last.name === name) return;
  }
}

/** A test database of its own for a describe block, with every migration run, and a way to send it SQL. */
function migratedDatabase(): { readonly db: DataSource; sql: <T>(text: string, params?: unknown[]) => Promise<T[]> } {
  let databaseUrl: string | undefined;
  let db: DataSource | undefined;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: databaseUrl, migrations: MIGRATIONS, migrationsTableName: 'migrations' });
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });
  const opened = () => {
    if (!db) throw new Error('the test database is opened in beforeAll');
    return db;
  };
  return {
    get db() {
      return opened();
    },
    sql: <T>(text: string, params: unknown[] = []) => opened().query<T[]>(text, params),
  };
}

/** Migrations are reversible: down() restores the old shape and its data, up() brings the new one back. */
describe('DecisionKinds1764489600000', () => {
  const migrated = migratedDatabase();
  const { sql } = migrated;
  const columns = async (table: string) =>
    (await sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [table])).map(
      (c) => c.column_name,
    );

  it('goes down to status rows told apart by from_status and a stage_changed_at per project, and up again', async () => {
    const kinds = await sql<{ id: string; kind: string }>(`SELECT id, kind FROM stage_transitions ORDER BY id`);
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['stage', 'status']));
    expect(await columns('projects')).not.toContain('stage_changed_at');

    // Later migrations go down first, and come up again below with it.
    const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'DecisionKinds1764489600000');
    for (let i = 0; i < later; i++) await migrated.db.undoLastMigration({ transaction: 'each' });
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

    await migrated.db.runMigrations({ transaction: 'each' });
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

describe('MeasuringGains1796092660656', () => {
  const migrated = migratedDatabase();
  const { sql } = migrated;
  const tables = async () =>
    (await sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map(
      (t) => t.table_name,
    );

  it('goes down to measurements without notes and no benefits or follow-ups, keeping every measurement, and up again', async () => {
    const measurements = await sql<{ id: string; value: number }>(`SELECT id, value FROM measurements ORDER BY id`);
    expect(measurements.length).toBeGreaterThan(0);
    const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'MeasuringGains1796092660656');
    for (let i = 0; i < later; i++) await migrated.db.undoLastMigration({ transaction: 'each' });
    for (const gone of ['benefits', 'benefit_revisions', 'follow_ups', 'measurement_revisions', 'indicator_targets']) {
      expect(await tables()).not.toContain(gone);
    }
    expect(await sql(`SELECT id, value FROM measurements ORDER BY id`)).toEqual(measurements);
    expect(
      await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'measurements' AND column_name = 'note'`),
    ).toEqual([]);

    await migrated.db.runMigrations({ transaction: 'each' });
    expect(await sql(`SELECT id, value FROM measurements ORDER BY id`)).toEqual(measurements);
    // Practices established before the migration get their follow-ups: 6, 12 and 24 months on, for each participant.
    const established = await sql<{ project_id: string; participants: number }>(
      `SELECT pr.id AS project_id, (SELECT count(*)::int FROM project_participants pp WHERE pp.project_id = pr.id) AS participants
       FROM projects pr WHERE pr.stage = 'establish' ORDER BY pr.id`,
    );
    expect(established.length).toBeGreaterThan(0);
    const followUps = await sql<{ project_id: string; n: number; months: number[]; later: boolean }>(
      `SELECT f.project_id, count(*)::int AS n, array_agg(DISTINCT f.months ORDER BY f.months) AS months,
              bool_and(f.due_on > (t.decided_at AT TIME ZONE 'UTC')::date) AS later
       FROM follow_ups f JOIN stage_transitions t ON t.id = f.decision_id GROUP BY f.project_id ORDER BY f.project_id`,
    );
    expect(followUps).toEqual(
      established.map((p) => ({ project_id: p.project_id, n: p.participants * 3, months: [6, 12, 24], later: true })),
    );
    expect(await sql(`SELECT DISTINCT note, version FROM measurements`)).toEqual([{ note: null, version: 1 }]);
    // The rules come back with the tables: realised goes with its day, an answered follow-up never changes.
    await expect(
      sql(
        `INSERT INTO benefits (project_id, organization_id, kind, description, unit, identified, realised, created_by)
         SELECT pr.id, pp.organization_id, 'time', 'x', 'fte', 1, 1, pr.created_by
         FROM projects pr JOIN project_participants pp ON pp.project_id = pr.id LIMIT 1`,
      ),
    ).rejects.toThrow(/benefits_check/);
  });
});

describe('ListOrderIndexes1796093164491', () => {
  const migrated = migratedDatabase();
  const indexes = async () =>
    (
      await migrated.db.query<{ name: string }[]>(`SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE '%order_idx' ORDER BY 1`)
    ).map((r) => r.name);

  it('drops the list-order indexes going down and makes them again going up', async () => {
    const made = ['partnerships_name_order_idx', 'projects_order_idx', 'projects_partnership_order_idx'];
    expect(await indexes()).toEqual(made);
    await undoThrough(migrated.db, 'ListOrderIndexes1796093164491');
    expect(await indexes()).toEqual([]);
    await migrated.db.runMigrations({ transaction: 'each' });
    expect(await indexes()).toEqual(made);
  });
});

describe('ProjectParticipantNames1796100000004', () => {
  const migrated = migratedDatabase();
  const { sql } = migrated;
  /** Projects whose kept participants differ from what project_participants and organizations say. */
  const differing = () =>
    sql<{ id: string }>(
      `SELECT pr.id FROM projects pr WHERE pr.participants::jsonb IS DISTINCT FROM (
         SELECT coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name) ORDER BY o.name, o.id), '[]')
         FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id WHERE pp.project_id = pr.id)`,
    );

  it('copies every project’s participants when it comes up, and keeps them right through changes made in SQL', async () => {
    await undoThrough(migrated.db, 'ProjectParticipantNames1796100000004');
    expect(await sql(`SELECT 1 FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'participants'`)).toEqual(
      [],
    );

    await migrated.db.runMigrations({ transaction: 'each' });
    const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE participants::text <> '[]'`)) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    expect(await differing()).toEqual([]);

    // Whatever writes: several projects' participants in one statement, a removal, a rename.
    await sql(
      `INSERT INTO project_participants (project_id, organization_id)
       SELECT pr.id, m.organization_id FROM projects pr JOIN partnership_members m ON m.partnership_id = pr.partnership_id
       ON CONFLICT DO NOTHING`,
    );
    await sql(`DELETE FROM project_participants WHERE ctid IN (SELECT ctid FROM project_participants ORDER BY project_id LIMIT 3)`);
    await sql(`UPDATE organizations SET name = name || ' (ny)' WHERE id IN (SELECT organization_id FROM project_participants LIMIT 1)`);
    expect(await differing()).toEqual([]);
  });
});
