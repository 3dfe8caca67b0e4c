/**
 * A mixed workload of simulated people: each reads a board (their
 * partnership's project list), a project with its log, and the partnership's
 * dashboard, writes a log entry now and then, and thinks between steps.
 * Run at rising numbers of people until p95 passes the target or errors appear.
 */
import { Agent, request } from 'node:http';
import type { Pool } from 'pg';
import { login } from './api';

export interface Person {
  token: string;
  partnershipId: string;
  projectIds: string[];
}

export interface Level {
  people: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  writes: number;
}

/** Think time between steps, uniform in this range (ms). */
export const THINK_MS: [number, number] = [1000, 3000];
export const WRITE_SHARE = 0.1;

/** People of typical partnerships, signed in (a few accounts shared by many simulated people: sign-in is not what is measured). */
export async function preparePeople(pool: Pool, base: string, accounts: number): Promise<Person[]> {
  const { rows } = await pool.query<{ email: string; partnership_id: string; project_ids: string[] }>(
    `SELECT u.email, pm.partnership_id,
       (SELECT array_agg(pr.id) FROM (SELECT pr.id FROM projects pr JOIN project_participants pp ON pp.project_id = pr.id
          WHERE pr.partnership_id = pm.partnership_id AND pp.organization_id = u.organization_id AND pr.status = 'active'
          ORDER BY pr.id LIMIT 20) pr) AS project_ids
     FROM partnership_members pm JOIN users u ON u.organization_id = pm.organization_id AND u.email LIKE 'bench-%'
     WHERE EXISTS (SELECT 1 FROM projects pr JOIN project_participants pp ON pp.project_id = pr.id
                   WHERE pr.partnership_id = pm.partnership_id AND pp.organization_id = u.organization_id AND pr.status = 'active')
     ORDER BY hashtext(pm.partnership_id::text || u.email) LIMIT $1`,
    [accounts],
  );
  const people: Person[] = [];
  for (const r of rows) {
    const { token } = await login(base, r.email);
    people.push({ token, partnershipId: r.partnership_id, projectIds: r.project_ids });
  }
  return people;
}

export async function runLevel(base: string, people: Person[], count: number, seconds: number): Promise<Level> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const latencies: number[] = [];
  let errors = 0;
  let writes = 0;
  const deadline = Date.now() + seconds * 1000;
  const send = (method: string, path: string, token: string, body?: unknown) =>
    new Promise<void>((resolveSend) => {
      const started = process.hrtime.bigint();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'accept-encoding': 'br, gzip',
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (Date.now() <= deadline) {
              latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
              if ((res.statusCode ?? 0) >= 400) errors++;
            }
            resolveSend();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolveSend();
      });
      req.end(payload);
    });
  const think = () => new Promise((r) => setTimeout(r, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
  const person = async (i: number) => {
    const me = people[i % people.length] as Person;
    // Start spread over the first think time, as people do not all arrive in the same millisecond.
    await new Promise((r) => setTimeout(r, Math.random() * THINK_MS[1]));
    while (Date.now() < deadline) {
      await send('GET', `/api/projects?partnershipId=${me.partnershipId}`, me.token);
      await think();
      const project = me.projectIds[Math.floor(Math.random() * me.projectIds.length)] as string;
      await send('GET', `/api/projects/${project}`, me.token);
      await send('GET', `/api/projects/${project}/log`, me.token);
      await think();
      if (Math.random() < WRITE_SHARE) {
        writes++;
        await send('POST', `/api/projects/${project}/log`, me.token, {
          kind: 'observation',
          text: 'Tavlemøtet i dag: ventetiden gikk ned igjen.',
        });
        await think();
      }
      await send('GET', `/api/dashboard/partnerships/${me.partnershipId}`, me.token);
      await think();
    }
  };
  await Promise.all(Array.from({ length: count }, (_, i) => person(i)));
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { people: count, requests: sorted.length, rps: sorted.length / seconds, p50: at(50), p95: at(95), p99: at(99), errors, writes };
}
