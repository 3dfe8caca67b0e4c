/**
 * npm run bench:seed — fills a database with Nordic-scale data: about 1,120
 * organisations, 2,000 partnerships, 100,000 projects, 300,000 stage
 * transitions, 2,000,000 log entries, 500,000 answers and 200,000 indicator
 * measurements. Everything is generated inside PostgreSQL in chunks, with a
 * progress bar. Re-running on a seeded database does nothing unless --force.
 */
import { Client } from 'pg';
import { seedLearning } from './seed-learning';
import { seedDiscussion } from './seed-discussion';
import { SUBJECT_SQL, type Subject } from './api';
import { BENCH_JWT_SECRET, benchDatabase, CHART_INDICATOR, progress, requireBuiltApi, runApi } from './support';

const SCALE = Number(process.env['BENCH_SCALE'] ?? '1');
const N = {
  partnerships: Math.round(2_000 * SCALE),
  projects: Math.round(100_000 * SCALE),
  logPerProject: 20,
  answersPerPartnership: 250,
  measurementsPerIndicator: 4,
};
const CHUNK = 10_000;

async function main(): Promise<void> {
  requireBuiltApi();
  const started = Date.now();
  const db = await benchDatabase();
  try {
    console.log(`Seeding ${db.embedded ? 'the embedded PostgreSQL' : 'DATABASE_URL'} (database ${new URL(db.url).pathname.slice(1)})`);
    await runApi(['seed-demo'], { DATABASE_URL: db.url, JWT_SECRET: BENCH_JWT_SECRET });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects`)).rows as [{ n: number }];
      if (n >= N.projects && !process.argv.includes('--force')) {
        console.log(`Already seeded (${n.toLocaleString('en')} projects). Use --force to add another round.`);
      } else {
        await seed(client);
      }
      // Issue 11: added to a database seeded before benefits and follow-ups existed, too.
      await seedMeasuring(client);
      // Issue 9: lesson texts, practices, adoptions and the search indexes (once).
      await seedLearning(client);
      // Issue 12: a million comments and the notifications they caused.
      await seedDiscussion(client, (await client.query<Subject>(SUBJECT_SQL)).rows[0] as Subject);
    } finally {
      await client.end();
    }
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await db.stop();
  }
}

async function seed(c: Client): Promise<void> {
  await c.query(`SET synchronous_commit = off`);
  const step = async (label: string, total: number, chunks: number, run: (i: number) => Promise<void>) => {
    progress(label, 0, total);
    for (let i = 0; i < chunks; i++) {
      await run(i);
      progress(label, Math.min(total, Math.round(((i + 1) / chunks) * total)), total);
    }
  };

  await step('organisations', 1, 1, async () => {
    await c.query(`
      INSERT INTO organizations (name, kind, code, country)
      SELECT format('%s kommune %s', country, lpad(g::text, 4, '0')), 'municipality', (9000 + g)::text, country
      FROM (VALUES ('NO', 353), ('SE', 290), ('DK', 97), ('FI', 308), ('IS', 62)) AS c(country, n), generate_series(1, n) g
      ON CONFLICT DO NOTHING`);
    await c.query(`
      INSERT INTO organizations (name, kind, code, country)
      SELECT format('Statlig etat %s', g), 'state_agency', NULL, 'NO' FROM generate_series(1, 12) g
      ON CONFLICT DO NOTHING`);
  });

  await step('users (one per organisation)', 1, 1, async () => {
    await c.query(`
      INSERT INTO users (email, name, role, organization_id, password_hash)
      SELECT format('bench-%s@example.no', o.id), format('Ansatt i %s', o.name), 'staff', o.id,
             (SELECT password_hash FROM users WHERE email = 'admin@samspill.no')
      FROM organizations o
      ON CONFLICT (email) DO NOTHING`);
  });

  // Bulk loading goes faster without per-row triggers (counters, data versions, foreign-key checks on
  // data generated consistent by construction); the counters are rebuilt at the end.
  await c.query(`SET session_replication_role = replica`);

  await step('partnerships', N.partnerships, 1, async () => {
    await c.query(
      `WITH p AS (
         INSERT INTO partnerships (name, description, visibility)
         SELECT format('Samarbeid %s', g), 'Benchmark partnership', CASE WHEN g % 10 = 0 THEN 'platform' ELSE 'members' END
         FROM generate_series(1, $1) g RETURNING id
       ), m AS (
         INSERT INTO partnership_members (partnership_id, organization_id)
         SELECT p.id, o.id FROM p CROSS JOIN LATERAL (
           SELECT id FROM organizations WHERE p.id IS NOT NULL ORDER BY random() LIMIT 2 + floor(random() * 4)::int
         ) o
       )
       INSERT INTO focus_areas (partnership_id, name)
       SELECT p.id, f FROM p, unnest(ARRAY['Helse og omsorg', 'Oppvekst', 'Organisering og ledelse']) f`,
      [N.partnerships],
    );
  });

  await c.query(`DROP TABLE IF EXISTS bench_pm`);
  await c.query(`
    CREATE UNLOGGED TABLE bench_pm AS
    SELECT row_number() OVER (ORDER BY p.id) AS n, p.id AS partnership_id,
           (SELECT array_agg(organization_id ORDER BY organization_id) FROM partnership_members WHERE partnership_id = p.id) AS members,
           (SELECT array_agg(id ORDER BY name) FROM focus_areas WHERE partnership_id = p.id) AS focus
    FROM partnerships p`);
  await c.query(`CREATE INDEX ON bench_pm (n)`);
  const [{ pcount }] = (await c.query<{ pcount: number }>(`SELECT count(*)::int AS pcount FROM bench_pm`)).rows as [{ pcount: number }];

  const projectChunks = Math.ceil(N.projects / CHUNK);
  await step('projects, participants, transitions', N.projects, projectChunks, async (i) => {
    const size = Math.min(CHUNK, N.projects - i * CHUNK);
    await c.query(
      `WITH src AS (
         SELECT g, pm.partnership_id, pm.members, pm.focus,
                now() - (random() * interval '1000 days') AS created_at,
                CASE WHEN random() < 0.45 THEN 'learn' WHEN random() < 0.64 THEN 'test' ELSE 'establish' END AS stage,
                CASE WHEN random() < 0.85 THEN 'active' WHEN random() < 0.67 THEN 'stopped' ELSE 'completed' END AS status
         FROM generate_series(1, $1) g JOIN bench_pm pm ON pm.n = 1 + (g * 7919 + $2) % $3
       ), p AS (
         INSERT INTO projects (partnership_id, title, description, focus_area_id, stage, status, created_by, created_at, updated_at)
         SELECT partnership_id, format('Prosjekt %s-%s', $2, g), 'Et felles utviklingsprosjekt i benchmark-data.',
                CASE WHEN random() < 0.8 THEN focus[1 + (g % 3)] END, stage, status,
                (SELECT id FROM users WHERE organization_id = members[1] LIMIT 1), created_at, created_at + interval '1 day'
         FROM src RETURNING id, partnership_id, stage, created_at, created_by
       ), parts AS (
         INSERT INTO project_participants (project_id, organization_id)
         SELECT p.id, m FROM p JOIN bench_pm pm ON pm.partnership_id = p.partnership_id,
           LATERAL unnest(pm.members[1:1 + floor(random() * least(3, array_length(pm.members, 1)))::int]) m
       )
       INSERT INTO stage_transitions (project_id, kind, from_stage, to_stage, rationale, decided_by, decided_at)
       SELECT p.id, 'stage', s.f, s.t, 'Besluttet i styringsgruppen etter gjennomgang av erfaringene.',
              p.created_by, p.created_at + (s.k * interval '20 days')
       FROM p CROSS JOIN LATERAL (
         SELECT * FROM (VALUES
           ('learn', 1, 'learn', 'test'), ('learn', 2, 'test', 'learn'), ('learn', 3, 'learn', 'test'), ('learn', 4, 'test', 'learn'),
           ('test', 1, 'learn', 'test'), ('test', 2, 'test', 'learn'), ('test', 3, 'learn', 'test'),
           ('establish', 1, 'learn', 'test'), ('establish', 2, 'test', 'establish')
         ) v(stage, k, f, t) WHERE v.stage = p.stage
       ) s`,
      [size, i, pcount],
    );
  });

  await c.query(`CREATE INDEX IF NOT EXISTS bench_projects_created_idx ON projects (created_at)`);
  const [{ total: projectTotal }] = (await c.query<{ total: number }>(`SELECT count(*)::int AS total FROM projects`)).rows as [
    { total: number },
  ];

  const logTotal = N.projects * N.logPerProject;
  await step('log entries', logTotal, projectChunks, async (i) => {
    await c.query(
      `INSERT INTO log_entries (project_id, kind, text, occurred_on, author_id, organization_id, created_at)
       SELECT pr.id, (ARRAY['observation','experiment','result','lesson','decision'])[1 + (g % 5)],
              'Vi prøvde en ny rutine for morgenmøtet og så at ventetiden gikk ned.',
              (pr.created_at + g * interval '7 days')::date, pr.created_by, u.organization_id, pr.created_at + g * interval '7 days'
       FROM (SELECT id, created_at, created_by FROM projects ORDER BY id OFFSET $1 LIMIT $2) pr
       JOIN users u ON u.id = pr.created_by, generate_series(1, $3) g`,
      [i * CHUNK, CHUNK, N.logPerProject],
    );
  });

  const answerTotal = pcount * N.answersPerPartnership;
  const answerChunks = Math.ceil(pcount / 200);
  await step('answers', answerTotal, answerChunks, async (i) => {
    await c.query(
      `INSERT INTO answers (partnership_id, from_organization_id, to_organization_id, question, text, focus_area_id, author_id)
       SELECT pm.partnership_id, pm.members[1 + g % array_length(pm.members, 1)], pm.members[1 + (g + 1) % array_length(pm.members, 1)],
              (ARRAY['theyLearnFromUs','weLearnFromThem','doTogether'])[1 + (g / 7) % 3],
              'Vi kan dele erfaringene våre med digitale tjenester og tavlemøter.',
              CASE WHEN g % 5 <> 0 THEN pm.focus[1 + g % 3] END,
              (SELECT id FROM users WHERE organization_id = pm.members[1 + g % array_length(pm.members, 1)] LIMIT 1)
       FROM bench_pm pm, generate_series(1, $3) g
       WHERE pm.n > $1 AND pm.n <= $1 + $2`,
      [i * 200, 200, N.answersPerPartnership],
    );
  });

  const indicatorProjects = Math.round(projectTotal / 2);
  await step('indicators and measurements', indicatorProjects * N.measurementsPerIndicator, 1, async () => {
    await c.query(
      `WITH i AS (
         INSERT INTO indicators (project_id, name, unit, baseline, target, direction, created_by)
         SELECT id, 'Ventetid hjemmetjeneste', 'dager', 14, 7, 'decrease', created_by
         FROM projects WHERE (hashtext(id::text) % 2) = 0 LIMIT $1 RETURNING id, project_id, created_by
       )
       INSERT INTO measurements (indicator_id, organization_id, value, measured_on, recorded_by)
       SELECT i.id, u.organization_id, 14 - g * random() * 2, current_date - (g * 30), i.created_by
       FROM i JOIN users u ON u.id = i.created_by, generate_series(1, $2) g`,
      [indicatorProjects, N.measurementsPerIndicator],
    );
  });

  // Triggers are off while seeding (session_replication_role): what they keep is filled here in one pass each.
  await step('participants kept on each project', 1, 1, async () => {
    await c.query(`UPDATE projects SET participants = samspill_participants_of(id)`);
  });

  await step('dashboard counters', 1, 1, async () => {
    await c.query(`SET session_replication_role = DEFAULT`);
    await c.query(`TRUNCATE partnership_project_counts, partnership_organization_counts`);
    await c.query(`
      INSERT INTO partnership_project_counts (partnership_id, learn, test, establish, active, stopped, completed)
      SELECT p.id,
        count(pr.id) FILTER (WHERE pr.status = 'active' AND pr.stage = 'learn'), count(pr.id) FILTER (WHERE pr.status = 'active' AND pr.stage = 'test'),
        count(pr.id) FILTER (WHERE pr.status = 'active' AND pr.stage = 'establish'), count(pr.id) FILTER (WHERE pr.status = 'active'),
        count(pr.id) FILTER (WHERE pr.status = 'stopped'), count(pr.id) FILTER (WHERE pr.status = 'completed')
      FROM partnerships p LEFT JOIN projects pr ON pr.partnership_id = p.id GROUP BY p.id`);
    await c.query(`
      INSERT INTO partnership_organization_counts (partnership_id, organization_id, active_projects)
      SELECT pr.partnership_id, pp.organization_id, count(*) FROM project_participants pp
      JOIN projects pr ON pr.id = pp.project_id AND pr.status = 'active' GROUP BY 1, 2`);
    await c.query(`DROP TABLE bench_pm`);
  });

  await step('VACUUM ANALYZE', 1, 1, async () => {
    await c.query(`VACUUM ANALYZE`);
  });

  const counts = await c.query<{ t: string; n: number }>(`
    SELECT 'organisations' t, count(*)::int n FROM organizations UNION ALL SELECT 'partnerships', count(*) FROM partnerships
    UNION ALL SELECT 'projects', count(*) FROM projects UNION ALL SELECT 'stage transitions', count(*) FROM stage_transitions
    UNION ALL SELECT 'log entries', count(*) FROM log_entries UNION ALL SELECT 'answers', count(*) FROM answers
    UNION ALL SELECT 'indicator measurements', count(*) FROM measurements`);
  for (const r of counts.rows) console.log(`  ${r.t.padEnd(24)} ${r.n.toLocaleString('en').padStart(12)}`);
}

/**
 * Issue 11: benefits on a third of the projects (one to three each, in
 * several units, half of them realised), the follow-ups of every project in
 * establish (those already due mostly answered), and in one project of every
 * partnership an indicator with 60 monthly measurements per participant, for
 * the run-chart benchmark. Each part runs once.
 */
async function seedMeasuring(c: Client): Promise<void> {
  const count = async (sql: string) => ((await c.query<{ n: number }>(sql)).rows[0] as { n: number }).n;
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET session_replication_role = replica`);
  try {
    if ((await count(`SELECT count(*)::int AS n FROM benefits`)) < 1000) {
      progress('benefits', 0, 1);
      await c.query(`
        INSERT INTO benefits (project_id, organization_id, kind, description, unit, identified, realised, realised_on, created_by, created_at)
        SELECT pr.id, pp.organization_id, (ARRAY['time','money','quality','other'])[1 + g % 4], 'Gevinst fra benchmark-data',
               (ARRAY['fte','hours','nok','dkk','sek','eur','isk','count'])[1 + (abs(hashtext(pr.id::text) % 8) + g) % 8],
               round((1 + random() * 100)::numeric, 1), r.realised, CASE WHEN r.realised IS NOT NULL THEN current_date - 30 END,
               pr.created_by, pr.created_at + interval '10 days'
        FROM projects pr
        JOIN LATERAL (SELECT organization_id FROM project_participants WHERE project_id = pr.id LIMIT 1) pp ON true
        CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(pr.id::text)) % 3) g
        CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.5 THEN round((random() * 50)::numeric, 1) END AS realised) r
        WHERE abs(hashtext(pr.id::text)) % 3 = 0`);
      progress('benefits', 1, 1);
    }
    if ((await count(`SELECT count(*)::int AS n FROM follow_ups`)) < 1000) {
      progress('follow-ups', 0, 1);
      await c.query(`
        INSERT INTO follow_ups (project_id, organization_id, decision_id, months, due_on, answer, note, answered_by, answered_at, created_at)
        SELECT pr.id, pp.organization_id, t.id, m.months, d.due_on, a.answer,
               CASE WHEN a.answer IS NOT NULL THEN 'Svar fra benchmark-data' END,
               CASE WHEN a.answer IS NOT NULL THEN pr.created_by END, CASE WHEN a.answer IS NOT NULL THEN d.due_on + 7 END, t.decided_at
        FROM projects pr
        JOIN LATERAL (SELECT id, decided_at FROM stage_transitions WHERE project_id = pr.id AND kind = 'stage' AND to_stage = 'establish'
                      ORDER BY decided_at DESC LIMIT 1) t ON true
        JOIN project_participants pp ON pp.project_id = pr.id
        CROSS JOIN (VALUES (6), (12), (24)) AS m(months)
        CROSS JOIN LATERAL (SELECT ((t.decided_at AT TIME ZONE 'UTC')::date + make_interval(months => m.months))::date AS due_on) d
        CROSS JOIN LATERAL (SELECT CASE WHEN d.due_on <= current_date AND random() < 0.8
                                        THEN (ARRAY['held','held','held','slipped','abandoned'])[1 + floor(random() * 5)::int] END AS answer) a
        WHERE pr.stage = 'establish' AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.project_id = pr.id)`);
      progress('follow-ups', 1, 1);
    }
    if ((await count(`SELECT count(*)::int AS n FROM indicators WHERE name = '${CHART_INDICATOR}'`)) === 0) {
      progress('run-chart indicators (60 points per organisation)', 0, 1);
      await c.query(`
        WITH i AS (
          INSERT INTO indicators (project_id, name, unit, baseline, target, direction, created_by)
          SELECT DISTINCT ON (pr.partnership_id) pr.id, '${CHART_INDICATOR}', 'dager', 14, 7, 'decrease', pr.created_by
          FROM projects pr ORDER BY pr.partnership_id, pr.id
          RETURNING id, project_id, created_by
        )
        INSERT INTO measurements (indicator_id, organization_id, value, measured_on, recorded_by)
        SELECT i.id, pp.organization_id,
               -- Five years of months: a level of about 14 that shifts to about 10 half way.
               round((CASE WHEN g <= 30 THEN 14 ELSE 10 END + random() * 3 - 1.5)::numeric, 1),
               (date_trunc('month', current_date) - make_interval(months => 60 - g))::date + 27, i.created_by
        FROM i JOIN project_participants pp ON pp.project_id = i.project_id, generate_series(1, 60) g`);
      progress('run-chart indicators (60 points per organisation)', 1, 1);
    }
  } finally {
    await c.query(`SET session_replication_role = DEFAULT`);
  }
  await c.query(`ANALYZE benefits, follow_ups, indicators, measurements`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
