import type { ErrorResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase, spawnApi, type ApiProcess } from './support/api-server';
import { type HttpResult, login, request } from './support/http';

/** The limits the README states (apps/api/src/auth/login-throttle.service.ts). */
const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
const MAX_FAILURES_PER_ADDRESS = 100;
const WRITES_PER_MINUTE = 600;

/**
 * Two API processes on one database, as behind a load balancer: throttle
 * counters and revocations must hold across both. TRUST_PROXY lets the test
 * speak for different client addresses through X-Forwarded-For.
 */
let databaseUrl: string;
let a: ApiProcess;
let b: ApiProcess;
beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  // EXPOSE_QUERY_COUNT shows when a read used a token check the process kept (one statement fewer).
  [a, b] = await Promise.all([
    spawnApi({ DATABASE_URL: databaseUrl, TRUST_PROXY: 'true', EXPOSE_QUERY_COUNT: 'true' }),
    spawnApi({ DATABASE_URL: databaseUrl, TRUST_PROXY: 'true', EXPOSE_QUERY_COUNT: 'true' }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropTestDatabase(databaseUrl);
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });

/** Asks again (every 20 ms, for at most 5 s: far less than the 30 s a check may be kept) until `done` holds, and returns the last answer. */
async function polled<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sign-in throttling', () => {
  it('answers 429 after 10 failed attempts for one account, counted across processes', async () => {
    const email = DEMO_ACCOUNTS.granPolitician;
    for (let i = 0; i < 10; i++) {
      const api = i % 2 === 0 ? a : b;
      const result = await request(api.baseUrl, 'POST', '/api/auth/login', {
        body: { email, password: `wrong-${i}` },
        headers: from(`10.0.1.${i + 1}`),
      });
      expect(result.status).toBe(401);
    }
    // Even the right password is refused now, from any address, through either process.
    for (const api of [a, b]) {
      const blocked = await request<ErrorResponse>(api.baseUrl, 'POST', '/api/auth/login', {
        body: { email, password: DEMO_PASSWORD },
        headers: from('10.0.2.1'),
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        statusCode: 429,
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Too many failed sign-in attempts. Wait a minute and try again.',
      });
    }
    // Other accounts from other addresses are not affected.
    const other = await request(a.baseUrl, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.granLeader, password: DEMO_PASSWORD },
      headers: from('10.0.3.1'),
    });
    expect(other.status).toBe(200);
  });

  it('reserves each attempt before the password is checked: 60 parallel wrong passwords give 429s', async () => {
    const email = DEMO_ACCOUNTS.vestreTotenStaff;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        request<ErrorResponse>(i % 2 === 0 ? a.baseUrl : b.baseUrl, 'POST', '/api/auth/login', {
          body: { email, password: `wrong-${i}` },
          headers: from('10.0.6.6'),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const refused = results.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('failures from one address for other accounts do not lock out the right password behind it', async () => {
    // Behind a load balancer without TRUST_PROXY every person shares one address.
    const shared = '10.0.4.4';
    for (let i = 0; i < 10; i++) {
      const result = await request(b.baseUrl, 'POST', '/api/auth/login', {
        body: { email: `guess-${i}@example.no`, password: 'guess' },
        headers: from(shared),
      });
      expect(result.status).toBe(401);
    }
    const admin = await request(a.baseUrl, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD },
      headers: from(shared),
    });
    expect(admin.status).toBe(200);
  });

  it('a lone address that keeps guessing one account is stopped without locking the account for others', async () => {
    const email = DEMO_ACCOUNTS.lunnerStaff;
    const attacker = '10.0.7.7';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await request(a.baseUrl, 'POST', '/api/auth/login', { body: { email, password: `x-${i}` }, headers: from(attacker) })).status,
      );
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)).toEqual(Array(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS).fill(401));
    expect(statuses.slice(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)).toEqual(Array(8 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS).fill(429));
    const owner = await request(b.baseUrl, 'POST', '/api/auth/login', {
      body: { email, password: DEMO_PASSWORD },
      headers: from('10.0.8.8'),
    });
    expect(owner.status).toBe(200);
  });

  it('answers 429 from one address after its much higher ceiling, whatever the accounts', async () => {
    const ip = '10.0.9.9';
    // In batches, so that a loaded machine answers them all (a burst of 100 sign-ins can exhaust the pool: 503).
    const guesses = [];
    for (let batch = 0; batch < MAX_FAILURES_PER_ADDRESS / 20; batch++) {
      guesses.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            request(i % 2 === 0 ? a.baseUrl : b.baseUrl, 'POST', '/api/auth/login', {
              body: { email: `someone-${batch}-${i}@example.no`, password: 'guess' },
              headers: from(ip),
            }),
          ),
        )),
      );
    }
    expect(guesses.map((g) => g.status)).toEqual(Array(MAX_FAILURES_PER_ADDRESS).fill(401));
    const blocked = await request(a.baseUrl, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.lunnerPolitician, password: DEMO_PASSWORD },
      headers: from(ip),
    });
    expect(blocked.status).toBe(429);
    const elsewhere = await request(a.baseUrl, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.lunnerPolitician, password: DEMO_PASSWORD },
      headers: from('10.0.5.5'),
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('the per-person write limit', () => {
  it('answers 429 with Retry-After after 600 writes a minute, counted across processes; reads and other people go on', async () => {
    const writer = await login(a.baseUrl, DEMO_ACCOUNTS.granStaff);
    const other = await login(b.baseUrl, DEMO_ACCOUNTS.lunnerStaff);
    const unknownProject = '00000000-0000-4000-8000-000000000000';
    const write = (api: ApiProcess, token: string) =>
      request<ErrorResponse>(api.baseUrl, 'POST', `/api/projects/${unknownProject}/log`, { token, body: { kind: 'lesson', text: 'x' } });
    // Refused writes count too: the limit is on what a person sends, not on what succeeds.
    for (let batch = 0; batch < WRITES_PER_MINUTE / 20; batch++) {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => write(i % 2 === 0 ? a : b, writer.token)));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(404));
    }
    const limited = await write(b, writer.token);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(limited.body.message).toMatch(/600 changes a minute/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await request(a.baseUrl, 'GET', '/api/auth/me', { token: writer.token })).status).toBe(200);
    expect((await write(a, other.token)).status).toBe(404);
  });
});

describe('revocation across API processes', () => {
  it('a token revoked through one process is refused by the other', async () => {
    const session = await login(a.baseUrl, DEMO_ACCOUNTS.roskildeStaff);
    expect((await request(b.baseUrl, 'GET', '/api/auth/me', { token: session.token })).status).toBe(200);

    expect((await request(a.baseUrl, 'POST', '/api/auth/logout', { token: session.token, cookie: session.cookie })).status).toBe(204);

    expect((await request(b.baseUrl, 'GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await request(b.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
  });

  it('reads at the other process that used a kept token check are refused as soon as the revocation is announced; writes at once', async () => {
    const session = await login(a.baseUrl, DEMO_ACCOUNTS.lunnerLeader);
    const read = (api: ApiProcess) => request(api.baseUrl, 'GET', '/api/partnerships', { token: session.token });
    const statements = (result: HttpResult) => Number(result.headers.get('x-sql-statements'));
    // The first read checks the token in the database; B keeps that check once it hears PostgreSQL's notices.
    const checked = await read(b);
    expect(checked.status).toBe(200);
    const kept = await polled(
      () => read(b),
      (r) => statements(r) === statements(checked) - 1,
    );
    expect({ status: kept.status, statements: statements(kept) }).toEqual({ status: 200, statements: statements(checked) - 1 });

    expect((await request(a.baseUrl, 'POST', '/api/auth/logout', { token: session.token, cookie: session.cookie })).status).toBe(204);

    // A write never uses a kept check: refused at once (signed in, this empty project would be a 400).
    const write = await request(b.baseUrl, 'POST', '/api/projects', { token: session.token, body: {} });
    expect(write.status).toBe(401);
    // A read is refused once B has heard the notice (within 5 s here; a check may be kept for 30 s).
    const refused = await polled(
      () => read(b),
      (r) => r.status === 401,
    );
    expect(refused.status).toBe(401);
  });

  it('a refresh token rotated by one process cannot be replayed at the other', async () => {
    const session = await login(b.baseUrl, DEMO_ACCOUNTS.baerumStaff);
    expect((await request(a.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(200);
    expect((await request(b.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
  });
});

describe('X-Forwarded-For without TRUST_PROXY', () => {
  it('is ignored, and the log says so once', async () => {
    const direct = await spawnApi({ DATABASE_URL: databaseUrl });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await request(direct.baseUrl, 'GET', '/api/health', { headers: from(`10.1.0.${i}`) })).status).toBe(200);
      }
      // The sign-in throttle counts the connection's address, not the header's.
      const stored = await request(direct.baseUrl, 'POST', '/api/auth/login', {
        body: { email: 'nobody@example.no', password: 'guess' },
        headers: from('10.1.1.1'),
      });
      expect(stored.status).toBe(401);
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      const keys = (
        await db.query<{ key: string }>(`SELECT key FROM rate_counters WHERE key LIKE 'login:address:%'`).finally(() => db.end())
      ).rows;
      expect(keys.map((k) => k.key)).toContain('login:address:127.0.0.1');
      expect(keys.map((k) => k.key)).not.toContain('login:address:10.1.1.1');
      const warnings = direct
        .output()
        .split('\n')
        .filter((line) => line.includes('X-Forwarded-For'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('TRUST_PROXY');
    } finally {
      await direct.stop();
    }
  });
});
