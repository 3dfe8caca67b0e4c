import type { ErrorResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { createTestDatabase, dropTestDatabase, spawnApi, type ApiProcess } from './support/api-server';
import { login, request } from './support/http';

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
  [a, b] = await Promise.all([
    spawnApi({ DATABASE_URL: databaseUrl, TRUST_PROXY: 'true' }),
    spawnApi({ DATABASE_URL: databaseUrl, TRUST_PROXY: 'true' }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropTestDatabase(databaseUrl);
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });

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

  it('answers 429 after 10 failed attempts from one address, whatever the accounts', async () => {
    const ip = '10.0.4.4';
    for (let i = 0; i < 10; i++) {
      const result = await request(b.baseUrl, 'POST', '/api/auth/login', {
        body: { email: `guess-${i}@example.no`, password: 'guess' },
        headers: from(ip),
      });
      expect(result.status).toBe(401);
    }
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

describe('revocation across API processes', () => {
  it('a token revoked through one process is refused by the other', async () => {
    const session = await login(a.baseUrl, DEMO_ACCOUNTS.roskildeStaff);
    expect((await request(b.baseUrl, 'GET', '/api/auth/me', { token: session.token })).status).toBe(200);

    expect((await request(a.baseUrl, 'POST', '/api/auth/logout', { token: session.token, cookie: session.cookie })).status).toBe(204);

    expect((await request(b.baseUrl, 'GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await request(b.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
  });

  it('a refresh token rotated by one process cannot be replayed at the other', async () => {
    const session = await login(b.baseUrl, DEMO_ACCOUNTS.baerumStaff);
    expect((await request(a.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(200);
    expect((await request(b.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
  });
});
