/**
 * npm run bench:digest — one daily digest run for 50,000 people (BENCH_DIGEST_PEOPLE) on the bench database:
 * the bench people the seed made (one per organisation) are topped up to that many, as staff of the organisations
 * that are partnership members (so their digest lists their partnerships' lessons and open questions); they get
 * `digest = 'daily'` (everyone else `off`) and one notification today each; a real SMTP server in
 * this process (smtp-server) takes the mail and counts it; the built API (one process, the job queue's workers)
 * sends; `send-digests daily <today>` queues the period. Reports mails per second from queueing to the last
 * delivery and the API process's peak resident memory (VmHWM), and appends a section to bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { API_MAIN, BENCH_JWT_SECRET, benchDatabase, requireBuiltApi, ROOT, runApi } from './support';

const PEOPLE = Number(process.env['BENCH_DIGEST_PEOPLE'] ?? '50000');
/** argon2id of "bench-digest-password": nobody signs in as these people, and hashing 50,000 passwords would take minutes. */
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$iDa7UPnufPSbBfGKKAi90g$cdBiTGeyoXiqNKX/ZqRPFjrNQOQoj6K4TW92ncXGEiU';

/**
 * Makes the bench database hold at least `people` active bench people, set-based: `bench-person-<n>@example.no`,
 * spread round-robin over the organisations that are partnership members, reading their country's language.
 * Idempotent: a database that holds enough gets none.
 */
async function ensureBenchPeople(c: Client, people: number): Promise<number> {
  const [have] = (
    await c.query<{ n: number; numbered: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE email LIKE 'bench-person-%')::int AS numbered
       FROM users WHERE email LIKE 'bench-%' AND active AND organization_id IS NOT NULL`,
    )
  ).rows as [{ n: number; numbered: number }];
  const missing = people - have.n;
  if (missing <= 0) return 0;
  const made = await c.query(
    `WITH orgs AS (
       SELECT o.id, o.name, o.country, row_number() OVER (ORDER BY o.id) - 1 AS i, count(*) OVER () AS n
       FROM organizations o WHERE EXISTS (SELECT 1 FROM partnership_members pm WHERE pm.organization_id = o.id)
     )
     INSERT INTO users (email, name, role, organization_id, password_hash, locale)
     SELECT format('bench-person-%s@example.no', g), format('Ansatt %s i %s', g, o.name), 'staff', o.id, $3,
            CASE o.country WHEN 'SE' THEN 'sv' WHEN 'DK' THEN 'da' WHEN 'FI' THEN 'fi' WHEN 'IS' THEN 'en' ELSE 'nb' END
     FROM generate_series($1::int + 1, $1::int + $2::int) g JOIN orgs o ON o.i = g % o.n
     ON CONFLICT (email) DO NOTHING`,
    [have.numbered, missing, PASSWORD_HASH],
  );
  await c.query(`ANALYZE users`);
  return made.rowCount ?? 0;
}

/** The process's peak resident memory so far (VmHWM), in kB. */
const memoryOf = (pid: number | undefined) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const mb = (kB: number) => (Number.isNaN(kB) ? '?' : `${(kB / 1024).toFixed(0)} MB`);
/** User and system CPU the process has used (/proc/<pid>/stat, in clock ticks of 1/100 s). */
const cpuSecondsOf = (pid: number | undefined) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function main(): Promise<void> {
  requireBuiltApi();
  const db = await benchDatabase();
  const c = new Client({ connectionString: db.url });
  await c.connect();
  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails++;
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const { port } = (smtp as unknown as { server: { address(): AddressInfo } }).server.address();
  const today = new Date().toISOString().slice(0, 10);
  try {
    await runApi(['migrate'], { DATABASE_URL: db.url, JWT_SECRET: BENCH_JWT_SECRET });
    process.stderr.write(`Preparing ${PEOPLE.toLocaleString('en')} people with a daily digest…\n`);
    const made = await ensureBenchPeople(c, PEOPLE);
    if (made > 0) process.stderr.write(`  ${made.toLocaleString('en')} bench people added\n`);
    // A bench database migrated before the digest's lesson index was added to the issue-12 migration gets it here.
    await c.query(`CREATE INDEX IF NOT EXISTS log_entries_lessons_created_idx ON log_entries (created_at) WHERE kind = 'lesson'`);
    await c.query(`UPDATE users SET digest = 'off' WHERE digest <> 'off'`);
    await c.query(
      `UPDATE users SET digest = 'daily' WHERE id IN (SELECT id FROM users WHERE email LIKE 'bench-%' AND active ORDER BY id LIMIT $1)`,
      [PEOPLE],
    );
    const [{ n }] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE digest = 'daily'`)).rows as [{ n: number }];
    await c.query(`DELETE FROM digest_deliveries WHERE period = $1`, [`daily:${today}`]);
    await c.query(`ALTER TABLE notifications DISABLE TRIGGER notifications_notify`);
    // One notification today for each (once: a second run the same day adds none).
    await c.query(
      `INSERT INTO notifications (user_id, kind, data, link, entity_type, entity_id)
       SELECT u.id, 'stage', json_build_object('title', 'Tavlemøter', 'stage', 'test'), '/projects/' || p.id, 'project', p.id
       FROM users u, (SELECT id FROM projects ORDER BY id LIMIT 1) p
       WHERE u.digest = 'daily'
         AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.kind = 'stage' AND n.entity_id = p.id
                         AND n.created_at >= $1::timestamptz)`,
      [`${today}T00:00:00Z`],
    );
    await c.query(`ALTER TABLE notifications ENABLE TRIGGER notifications_notify`);
    // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API (written when it stops).
    const nodeArgs = (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
    const api = spawn(process.execPath, [...nodeArgs, API_MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        JWT_SECRET: BENCH_JWT_SECRET,
        PORT: '3989',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        WEB_ROOT: '',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        JOB_POLL_SECONDS: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      for (let ok = false; !ok;) {
        if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode} before it was up`);
        ok = await fetch('http://127.0.0.1:3989/api/health')
          .then((r) => r.ok)
          .catch(() => false);
        if (!ok) await new Promise((r) => setTimeout(r, 300));
      }
      const idle = memoryOf(api.pid);
      const cpuBefore = cpuSecondsOf(api.pid);
      const started = Date.now();
      await runApi(['send-digests', 'daily', today], { DATABASE_URL: db.url, JWT_SECRET: BENCH_JWT_SECRET });
      let sent = 0;
      while (sent < n) {
        await new Promise((r) => setTimeout(r, 1000));
        sent = (
          (
            await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM digest_deliveries WHERE period = $1 AND sent_at IS NOT NULL`, [
              `daily:${today}`,
            ])
          ).rows[0] as { n: number }
        ).n;
        process.stderr.write(
          `\r  ${sent.toLocaleString('en')} / ${n.toLocaleString('en')} digests sent, ${mails.toLocaleString('en')} mails received   `,
        );
      }
      const seconds = (Date.now() - started) / 1000;
      const cpu = cpuSecondsOf(api.pid) - cpuBefore;
      const peak = memoryOf(api.pid);
      const section = [
        '',
        `## Issue 12: a daily digest for ${n.toLocaleString('en')} people (${new Date().toISOString().slice(0, 16)} UTC)`,
        '',
        `One API process working the queue (pg-boss, batches of 500 people), PostgreSQL and the SMTP server on the same machine; load average at the end ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')}.`,
        '',
        '| people | mails received | seconds | mails/s | API CPU seconds | mails per API CPU second | API memory before the run (VmHWM) | API peak memory (VmHWM) |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${n.toLocaleString('en')} | ${mails.toLocaleString('en')} | ${seconds.toFixed(1)} | ${(mails / seconds).toFixed(0)} | ${cpu.toFixed(1)} | ${(mails / cpu).toFixed(0)} | ${mb(idle)} | ${mb(peak)} |`,
        '',
      ].join('\n');
      console.log(section);
      appendFileSync(join(ROOT, 'bench', 'RESULTS.md'), section);
    } finally {
      // Stopped before the database, so it shuts down cleanly (and writes its profile when asked for one).
      const exited = new Promise((r) => api.once('exit', r));
      if (api.exitCode === null && api.kill('SIGTERM')) await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
  } finally {
    await c.end();
    smtp.close();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
