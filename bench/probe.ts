/*
 * A hostile probe of a running API, as an outsider would run one: generated
 * hostile requests to every route in /api/docs-json as every role, then the
 * attacks the first outside probe used (parallel wrong passwords, huge
 * arrays, deep JSON, broken Unicode, long addresses and headers, foreign
 * content types, a log flood, forged tokens, outsiders asking for hidden
 * things), while /api/health is watched. Reports what was sent, every 5xx
 * (the target is none) and the slowest answer.
 *
 *   npm start &            # or any running Samspill with the demo data
 *   npm run probe          # PROBE_URL (default http://localhost:3000), PROBE_REQUESTS (default 3000), PROBE_SEED
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/demo';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { Inputs, type OpenApiDocument, type Operation, operationsOf, wire } from '@samspill/testing';

const BASE = (process.env['PROBE_URL'] ?? 'http://localhost:3000').replace(/\/$/, '');
const GENERATED = Number(process.env['PROBE_REQUESTS'] ?? 3000);
const SEED = Number(process.env['PROBE_SEED'] ?? Date.now() % 2 ** 31);
const CONCURRENCY = 16;

interface Sent {
  what: string;
  status: number;
  ms: number;
  excerpt: string;
}
const sent: Sent[] = [];

async function send(what: string, path: string, init: RequestInit = {}): Promise<Sent> {
  const started = performance.now();
  let status = 0;
  let excerpt = '';
  try {
    const response = await fetch(`${BASE}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
    excerpt = (await response.text()).slice(0, 200);
    status = response.status;
  } catch (error) {
    excerpt = (error as Error).message;
  }
  const result = { what, status, ms: Math.round(performance.now() - started), excerpt };
  sent.push(result);
  return result;
}

/** Runs the jobs `CONCURRENCY` at a time. */
async function pool(jobs: (() => Promise<unknown>)[], concurrency = CONCURRENCY): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]?.();
    }),
  );
}

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/**
 * Watches /api/health from a process of its own (the probe's own event loop
 * is busy and would make the API look slower than it is): every 250 ms, one
 * request on a fresh connection. `mark` labels what happens meanwhile.
 */
function watchHealth(): { mark(label: string): void; stop(): Promise<{ ms: number; phase: string }[]> } {
  const script = `
    const { get } = require('node:http');
    let phase = 'start';
    const seen = [];
    let running = true;
    process.stdin.on('data', (d) => { for (const line of String(d).split('\\n').filter(Boolean)) line === 'stop' ? (running = false) : (phase = line); });
    (async () => {
      while (running) {
        const t = performance.now();
        await new Promise((r) => get(process.argv[1] + '/api/health', { agent: false }, (res) => { res.resume(); res.on('end', r); }).on('error', r));
        seen.push({ ms: Math.round(performance.now() - t), phase });
        await new Promise((r) => setTimeout(r, 250));
      }
      process.stdout.write(JSON.stringify(seen));
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ['-e', script, BASE], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  return {
    mark: (label) => child.stdin.write(`${label}\n`),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(JSON.parse(output || '[]') as { ms: number; phase: string }[]));
        child.stdin.write('stop\n');
      }),
  };
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/login`, json({ email, password: DEMO_PASSWORD }));
  if (response.status !== 200) throw new Error(`cannot sign in as ${email} (${response.status}); is the demo data there?`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function main(): Promise<void> {
  const roles = {
    admin: await signIn(DEMO_ACCOUNTS.admin),
    leader: await signIn(DEMO_ACCOUNTS.granLeader),
    staff: await signIn(DEMO_ACCOUNTS.granStaff),
    politician: await signIn(DEMO_ACCOUNTS.granPolitician),
    outsider: await signIn(DEMO_ACCOUNTS.roskildeStaff),
    flooder: await signIn(DEMO_ACCOUNTS.lunnerStaff),
  };
  const get = async <T>(path: string, token = roles.admin): Promise<T> =>
    (await (await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
  const document = await get<OpenApiDocument>('/api/docs-json');
  const partnerships = await get<{ id: string; name: string; members: { id: string }[] }[]>('/api/partnerships');
  const projects = (await get<{ items: { id: string; partnershipId: string }[] }>('/api/projects?limit=50')).items;
  const users = await get<{ id: string; email: string }[]>('/api/users');
  const bystander = users.find((u) => u.email === DEMO_ACCOUNTS.baerumStaff)?.id;
  const ids = { partnership: partnerships.map((p) => p.id), project: projects.map((p) => p.id) };
  // Signing out or changing a password would end the probe's own sessions; the fuzzer covers those routes.
  const operations = operationsOf(document).filter((o) => !/auth\/(logout|password)$/.test(o.path));
  const inputs = new Inputs(document.components?.schemas ?? {}, ids);
  const started = Date.now();
  const watcher = watchHealth();

  watcher.mark('generated');
  // 1. Generated: every operation, every role, hostile bodies, ids and query strings.
  const tokens = [roles.admin, roles.leader, roles.staff, roles.politician, roles.outsider, undefined];
  const cases = fc.sample(
    fc.constantFrom(...operations).chain((operation: Operation) =>
      fc.record({
        operation: fc.constant(operation),
        token: fc.constantFrom(...tokens),
        path: inputs
          .pathValue(operation.path.split('/').find((_, i, parts) => parts[i + 1]?.startsWith('{')))
          .map((id) => operation.path.replace(/\{\w+\}/, id)),
        query: inputs.query(operation.parameters),
        body: operation.body ? wire(inputs.body(operation.body)) : fc.constant(null),
      }),
    ),
    { seed: SEED, numRuns: GENERATED },
  );
  await pool(
    cases.map((c) => () => {
      const headers: Record<string, string> = {};
      if (c.token) headers['authorization'] = `Bearer ${c.token}`;
      if (c.body?.contentType) headers['content-type'] = c.body.contentType;
      return send(`${c.operation.method} ${c.operation.path}`, `${c.path}${c.query}`, {
        method: c.operation.method,
        headers,
        body: c.body ? (c.body.payload as BodyInit) : undefined,
      });
    }),
  );

  watcher.mark('attacks');
  // 2. The first probe's attacks, by hand.
  const pilot = partnerships.find((p) => p.name === 'PILOTen Hadeland') ?? partnerships[0];
  const project = projects.find((p) => p.partnershipId === pilot?.id) ?? projects[0];
  const huge = JSON.stringify({ partnershipId: pilot?.id, title: 'x', description: '', participantIds: Array(26_500).fill(pilot?.id) });
  const attacks: (() => Promise<unknown>)[] = [
    ...Array.from(
      { length: 60 },
      (_, i) => () =>
        send('60 parallel wrong passwords', '/api/auth/login', json({ email: DEMO_ACCOUNTS.vestreTotenStaff, password: `x${i}` })),
    ),
    ...Array.from({ length: 8 }, () => () => send('1 MB of participantIds', '/api/projects', json(huge, roles.staff))),
    () => send('JSON 3,000 deep, no token', '/api/auth/login', json('['.repeat(3_000) + ']'.repeat(3_000))),
    () =>
      send(
        'dates PostgreSQL refuses',
        `/api/projects/${project?.id}/log`,
        json({ kind: 'lesson', text: 'x', occurredOn: '2026-W48-4' }, roles.staff),
      ),
    () => send('null for a required field', `/api/users/${bystander}`, { ...json({ name: null }, roles.admin), method: 'PATCH' }),
    () =>
      send(
        'lone surrogate in an e-mail',
        '/api/users',
        json('{"email":"a\\ud800@b.no","name":"x","role":"admin","password":"long-enough-pass"}', roles.admin),
      ),
    () => send('431', '/api/health', { headers: { 'x-big': 'a'.repeat(20_000) } }),
    () => send('%FF in the path', '/api/projects/%FF', { headers: { authorization: `Bearer ${roles.staff}` } }),
    () => send('5,000-character path', `/api/projects/${'a'.repeat(5_000)}`),
    () => send('text/plain', '/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
    () =>
      send('form body', '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=b',
      }),
    () =>
      send('utf-16', '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' }),
    () =>
      send('invalid UTF-8', `/api/projects/${project?.id}/log`, {
        ...json('', roles.staff),
        body: new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      }),
    () => send('token without exp', '/api/auth/me', { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x' } }),
    ...partnerships.flatMap((p) => [
      () => send('outsider reads', `/api/partnerships/${p.id}`, { headers: { authorization: `Bearer ${roles.outsider}` } }),
      () => send('outsider writes', `/api/partnerships/${p.id}/focus-areas`, json({ name: 'x' }, roles.outsider)),
      () =>
        send(
          'politician writes',
          `/api/partnerships/${p.id}/answers`,
          json({ toOrganizationId: p.members[0]?.id, question: 'doTogether', text: 'x' }, roles.politician),
        ),
    ]),
    // A log flood by one person: 700 writes, as fast as they go (the limit is 600 a minute).
    ...Array.from(
      { length: 700 },
      (_, i) => () => send('log flood', `/api/projects/${project?.id}/log`, json({ kind: 'lesson', text: `flom ${i}` }, roles.flooder)),
    ),
    ...Array.from(
      { length: 40 },
      () => () => send('read the log', `/api/projects/${project?.id}/log`, { headers: { authorization: `Bearer ${roles.staff}` } }),
    ),
  ];
  await pool(attacks, 20);
  const health = await watcher.stop();

  const seconds = (Date.now() - started) / 1000;
  const byStatus = new Map<number, number>();
  for (const s of sent) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  const failures = sent.filter((s) => s.status >= 500 || s.status === 0);
  const ms = sent.map((s) => s.ms).sort((a, b) => a - b);
  const slowest = sent.reduce((a, b) => (b.ms > a.ms ? b : a));
  const flood = sent.filter((s) => s.what === 'log flood');
  const lines = [
    `probe of ${BASE} (seed ${SEED}): ${sent.length} hostile requests in ${seconds.toFixed(1)} s`,
    `statuses: ${[...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s || 'no answer'}: ${n}`)
      .join(', ')}`,
    `5xx or no answer: ${failures.length}${
      failures.length
        ? ` — ${failures
            .slice(0, 5)
            .map((f) => `${f.what} → ${f.status} ${f.excerpt}`)
            .join(' | ')}`
        : ''
    }`,
    `latency: p50 ${ms[Math.floor(ms.length / 2)]} ms, p99 ${ms[Math.floor(ms.length * 0.99)]} ms, slowest ${slowest.ms} ms (${slowest.what})`,
    `/api/health meanwhile: ${health.length} checks, slowest ${Math.max(...health.map((h) => h.ms))} ms ` +
      `(generated phase ${Math.max(0, ...health.filter((h) => h.phase === 'generated').map((h) => h.ms))} ms, ` +
      `attacks ${Math.max(0, ...health.filter((h) => h.phase === 'attacks').map((h) => h.ms))} ms)`,
    `log flood: ${flood.filter((s) => s.status === 201).length} written, ${flood.filter((s) => s.status === 429).length} refused with 429`,
    `60 parallel wrong passwords: ${sent.filter((s) => s.what === '60 parallel wrong passwords' && s.status === 429).length} × 429`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`probe failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
