import type { ErrorResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { spawnApi, startTestApi, type ApiProcess, type TestApi } from './support/api-server';
import { login, request } from './support/http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ CORS_ORIGINS: 'https://samspill.example' });
});
afterAll(async () => {
  await api?.close();
});

describe('GET /api/health', () => {
  it('reports the database', async () => {
    const result = await request(api.baseUrl, 'GET', '/api/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors none, HSTS, nosniff and a referrer policy', async () => {
    const { headers } = await request(api.baseUrl, 'GET', '/api/health');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('echoes a request id, or makes one', async () => {
    const given = await request(api.baseUrl, 'GET', '/api/health', { headers: { 'x-request-id': 'trace-me-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-me-123');
    const made = await request(api.baseUrl, 'GET', '/api/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  it('answers configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://samspill.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://samspill.example');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('errors', () => {
  it('answers an unknown endpoint with the common error body', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
    const result = await request<ErrorResponse>(api.baseUrl, 'GET', '/api/no-such-thing', { token: session.token });
    expect(result.status).toBe(404);
    expect(result.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such endpoint: GET /api/no-such-thing' });
  });
});

describe('OpenAPI', () => {
  it('serves the docs page and a document listing the contract', async () => {
    const page = await fetch(`${api.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
    const document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/organizations',
        '/api/users',
        '/api/health',
      ]),
    );
  });
});

describe('logs', () => {
  it('are JSON lines with a request id and never carry a password or a token', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.granLeader);
    await request(api.baseUrl, 'GET', '/api/auth/me', { token: session.token, headers: { 'x-request-id': 'log-check-1' } });
    await request(api.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie });
    await request(api.baseUrl, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.granLeader, password: 'a-wrong-secret-password' },
    });
    await new Promise((r) => setTimeout(r, 200));
    const output = api.output();
    expect(output).not.toContain(DEMO_PASSWORD);
    expect(output).not.toContain('a-wrong-secret-password');
    expect(output).not.toContain(session.token);
    expect(output).not.toContain(session.refreshToken);
    const line = output.split('\n').find((l) => l.includes('log-check-1'));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      req: { id: 'log-check-1', method: 'GET', url: '/api/auth/me' },
      res: { statusCode: 200 },
    });
  });
});

describe('configuration', () => {
  it('refuses to start on bad values and says what is wrong with each', async () => {
    let proc: ApiProcess | undefined;
    let error: Error | undefined;
    try {
      proc = await spawnApi({ DATABASE_URL: api.databaseUrl, PORT: '99999', JWT_SECRET: 'short', LOG_LEVEL: 'chatty' });
    } catch (e) {
      error = e as Error;
    } finally {
      await proc?.stop();
    }
    expect(error?.message).toContain('exited with 78');
    expect(error?.message).toContain('JWT_SECRET must be at least 32 characters long');
    expect(error?.message).toContain('LOG_LEVEL must be one of');
  });
});
