import type { ErrorResponse } from '@samspill/contracts';
import { connect } from 'node:net';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration } from './support/collaboration-fixtures';

/*
 * What an outside probe sent, and what the API must answer: 4xx with the
 * common error body, nothing stored, never a 500 or a stall.
 */

let api: TestApi;
let c: Collaboration;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
  token = (await c.session('granStaff')).token;
});
afterAll(async () => {
  await api?.close();
});

/**
 * A raw request: the body is sent exactly as given. In English: refusals raised before the token is read
 * (the body, the address) follow Accept-Language.
 */
async function send(
  method: string,
  path: string,
  body?: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  as: string = token,
): Promise<{ status: number; body: ErrorResponse; text: string }> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${as}`, 'accept-language': 'en', ...headers },
    body: body as BodyInit | undefined,
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // asserted below
  }
  return { status: response.status, body: parsed as ErrorResponse, text };
}

/** The common error body: exactly statusCode, code and message (and reason where a code has several causes). */
function expectErrorShape(result: { status: number; body: ErrorResponse; text: string }, status: number): void {
  expect(result.status).toBe(status);
  expect(result.body).not.toBeNull();
  expect(Object.keys(result.body).filter((k) => k !== 'reason')).toEqual(['statusCode', 'code', 'message']);
  expect(result.body.statusCode).toBe(status);
  expect(result.body.code).toMatch(/^[A-Z_]+$/);
  // A sentence a person can act on: words, not a library's code or a stack.
  expect(result.body.message).toMatch(/^\S+( \S+){2,}/);
  expect(result.text.length).toBeLessThan(600);
}

const uuids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('huge arrays and bodies', () => {
  it('refuses a body larger than its route allows with 413, before parsing it', async () => {
    const body = JSON.stringify({ partnershipId: c.pilot.id, title: 'Stor', description: '', participantIds: uuids(26_500) });
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body.length).toBeLessThan(1_048_576);
    const before = await c.count('projects');
    const result = await send('POST', '/api/projects', body);
    expectErrorShape(result, 413);
    expect(result.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.body.message).toMatch(/at most \d+ KB/);
    expect(await c.count('projects')).toBe(before);
  });

  it('refuses an array over its maximum on its size alone, before any per-item check', async () => {
    const result = await send(
      'POST',
      '/api/projects',
      JSON.stringify({ partnershipId: c.pilot.id, title: 'Mange', description: '', participantIds: Array(1_000).fill('x') }),
    );
    expectErrorShape(result, 400);
    expect(result.body.message).toContain('participantIds must contain no more than 100 elements');
    expect(result.body.message).not.toContain('must not repeat');
    expect(result.body.message).not.toContain('must be organisation ids');
  });

  it('still checks the items of an array within its size', async () => {
    const result = await send(
      'POST',
      '/api/projects',
      JSON.stringify({ partnershipId: c.pilot.id, title: 'Få', description: '', participantIds: ['x', 'x'] }),
    );
    expectErrorShape(result, 400);
    expect(result.body.message).toContain('participantIds must not repeat an organisation');
    expect(result.body.message).toContain('participantIds must be organisation ids');
  });

  it('lets through the largest valid body of a route', async () => {
    const description = '€'.repeat(10_000);
    const result = await send(
      'POST',
      '/api/projects',
      JSON.stringify({ partnershipId: c.pilot.id, title: 'å'.repeat(200), description, participantIds: [c.org.gran, c.org.lunner] }),
    );
    expect(result.status).toBe(201);
  });

  it('gives a route without long text a small limit', async () => {
    const result = await send('POST', '/api/auth/login', JSON.stringify({ email: 'a@b.no', password: 'p'.repeat(40_000) }));
    expectErrorShape(result, 413);
  });
});

describe('deeply nested JSON', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it.each([
    ['arrays 3,000 deep', nested(3_000)],
    ['objects 33 deep', `${'{"a":'.repeat(33)}1${'}'.repeat(33)}`],
    ['a field 40 deep', JSON.stringify({ email: JSON.parse(nested(40)), password: 'x' })],
  ])('is refused in the parser with 400, without signing in: %s', async (_what, body) => {
    const result = await send('POST', '/api/auth/login', body, { 'content-type': 'application/json' });
    expectErrorShape(result, 400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toBe('The JSON body is nested more than 32 levels deep.');
  });

  it('lets through nesting any contract needs, for validation to judge', async () => {
    const result = await send('POST', '/api/auth/login', JSON.stringify({ email: JSON.parse(nested(30)), password: 'x' }));
    expectErrorShape(result, 400);
    expect(result.body.message).toContain('email must be a string');
  });

  it('counts brackets inside strings as text', async () => {
    const result = await send('POST', '/api/auth/login', JSON.stringify({ email: '['.repeat(100), password: '{'.repeat(100) }));
    expect(result.status).toBe(401);
  });
});

describe('dates', () => {
  let projectId: string;
  let entryId: string;
  let indicatorId: string;
  beforeAll(async () => {
    projectId = (await c.project('granStaff')).id;
    const entry = await c.call<{ id: string }>('granStaff', 'POST', `/api/projects/${projectId}/log`, { kind: 'lesson', text: 'Dato' });
    entryId = entry.body.id;
    const indicator = await c.call<{ id: string }>('granStaff', 'POST', `/api/projects/${projectId}/indicators`, {
      name: 'Ventetid',
      unit: 'dager',
      baseline: 14,
      target: 7,
      direction: 'decrease',
    });
    indicatorId = indicator.body.id;
  });

  const NOT_DATES = [
    '2026',
    '2026-11',
    '2026-W48-4',
    '2026-334',
    '2026-02-30',
    '2026-13-01',
    '2025-02-29',
    '0000-01-01',
    '2026-11-26T00:00:00Z',
    ' 2026-11-26',
    '+002026-11-26',
    '26-11-2026',
    '２０２６-11-26',
  ];

  it.each(NOT_DATES)('refuses "%s" in every date field with 400 and stores nothing', async (date) => {
    const before = { log: await c.count('log_entries'), measurements: await c.count('measurements') };
    const writes = [
      ['POST', `/api/projects/${projectId}/log`, { kind: 'lesson', text: 'x', occurredOn: date }, 'occurredOn'],
      ['PATCH', `/api/log-entries/${entryId}`, { occurredOn: date }, 'occurredOn'],
      ['POST', `/api/indicators/${indicatorId}/measurements`, { value: 9, measuredOn: date }, 'measuredOn'],
    ] as const;
    // A measurement is a fact, so its date also has a range (IsPastDay); the sentence says so.
    const range: Record<string, string> = { measuredOn: ', from 1990-01-01 up to today' };
    for (const [method, path, body, field] of writes) {
      const result = await c.call<ErrorResponse>('granStaff', method, path, body);
      expect(result.status).toBe(400);
      expect(result.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `${field} must be a date like 2026-11-26${range[field] ?? ''}`,
      });
    }
    expect({ log: await c.count('log_entries'), measurements: await c.count('measurements') }).toEqual(before);
    expect(await c.count('log_entry_revisions', 'entry_id = $1', [entryId])).toBe(0);
  });

  it('accepts real calendar dates, leap days included', async () => {
    const result = await c.call<{ occurredOn: string }>('granStaff', 'POST', `/api/projects/${projectId}/log`, {
      kind: 'lesson',
      text: 'Skuddår',
      occurredOn: '2024-02-29',
    });
    expect(result.status).toBe(201);
    expect(result.body.occurredOn).toBe('2024-02-29');
    const measured = await c.call<{ measuredOn: string }>('granStaff', 'POST', `/api/indicators/${indicatorId}/measurements`, {
      value: 9,
      // A measurement's day lies between 1990-01-01 and today; 2000 is the century leap year.
      measuredOn: '2000-02-29',
    });
    expect(measured.status).toBe(201);
    expect(measured.body.measuredOn).toBe('2000-02-29');
  });
});

describe('null where a value is required', () => {
  it.each(['name', 'role', 'active', 'locale'])('PATCH /api/users/:id refuses %s: null with 400 and changes nothing', async (field) => {
    const userId = await c.userId('baerumStaff');
    const [before] = await api.sql(`SELECT name, role, active, locale, token_version FROM users WHERE id = $1`, [userId]);
    const result = await c.call<ErrorResponse>('admin', 'PATCH', `/api/users/${userId}`, { [field]: null });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toMatch(new RegExp(`^${field} `));
    const [after] = await api.sql(`SELECT name, role, active, locale, token_version FROM users WHERE id = $1`, [userId]);
    expect(after).toEqual(before);
  });

  it('refuses null for every field that may be left out but has no "none"', async () => {
    const project = await c.project('granStaff');
    const entry = await c.call<{ id: string }>('granStaff', 'POST', `/api/projects/${project.id}/log`, { kind: 'lesson', text: 'Null' });
    const answer = await c.answer('granStaff', c.pilot, { toOrganizationId: c.org.lunner, question: 'doTogether', text: 'Null' });
    const focusAreaId = c.focus(c.pilot, 'Politikerrollen');
    const cases: [string, string, Record<string, unknown>][] = [
      ['PATCH', `/api/partnerships/${c.pilot.id}`, { name: null }],
      ['PATCH', `/api/partnerships/${c.pilot.id}`, { description: null }],
      ['PATCH', `/api/partnerships/${c.pilot.id}`, { memberIds: null }],
      ['PATCH', `/api/partnerships/${c.pilot.id}`, { visibility: null }],
      ['PATCH', `/api/focus-areas/${focusAreaId}`, { name: null }],
      ['PATCH', `/api/focus-areas/${focusAreaId}`, { description: null }],
      ['PATCH', `/api/projects/${project.id}`, { title: null, version: project.version }],
      ['PATCH', `/api/projects/${project.id}`, { description: null, version: project.version }],
      ['PATCH', `/api/projects/${project.id}`, { participantIds: null, version: project.version }],
      ['PATCH', `/api/log-entries/${entry.body.id}`, { kind: null }],
      ['PATCH', `/api/log-entries/${entry.body.id}`, { text: null }],
      ['PATCH', `/api/log-entries/${entry.body.id}`, { occurredOn: null }],
      ['PATCH', `/api/answers/${answer.id}`, { text: null }],
      ['POST', `/api/projects/${project.id}/log`, { kind: 'lesson', text: 'x', occurredOn: null }],
      ['POST', `/api/partnerships/${c.pilot.id}/focus-areas`, { name: 'Nytt', description: null }],
      ['POST', `/api/answers/${answer.id}/project`, { title: null }],
    ];
    for (const [method, path, body] of cases) {
      const result = await c.call<ErrorResponse>('granLeader', method, path, body);
      expect({ method, path, body, status: result.status, code: result.body.code }).toEqual({
        method,
        path,
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('still takes null where it means "none" (a project without a focus area)', async () => {
    const project = await c.project('granStaff', { focusAreaId: c.focus(c.pilot, 'Politikerrollen') });
    const result = await c.call<{ focusArea: unknown }>('granStaff', 'PATCH', `/api/projects/${project.id}`, {
      focusAreaId: null,
      version: project.version,
    });
    expect(result.status).toBe(200);
    expect(result.body.focusArea).toBeNull();
  });
});

describe('an e-mail with a lone surrogate', () => {
  it('is refused with 400 and no user is created', async () => {
    const before = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
    const body = `{"email":"ny\\ud800@gran.kommune.no","name":"Ny","role":"staff","organizationId":"${c.org.gran}","password":"long-enough-password"}`;
    const result = await send('POST', '/api/users', body, undefined, (await c.session('admin')).token);
    expectErrorShape(result, 400);
    expect(await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
  });
});

describe('broken Unicode', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = (await c.project('granStaff')).id;
  });

  const stored = async () =>
    (await api.sql<{ text: string }>(`SELECT text FROM log_entries WHERE project_id = $1 ORDER BY created_at`, [projectId])).map(
      (r) => r.text,
    );

  it.each([
    ['a byte that is not UTF-8', Buffer.concat([Buffer.from('{"kind":"lesson","text":"L'), Buffer.from([0xff]), Buffer.from('rdag"}')])],
    ['a truncated sequence', Buffer.concat([Buffer.from('{"kind":"lesson","text":"L'), Buffer.from([0xc3]), Buffer.from('"}')])],
    [
      'an encoded surrogate (CESU-8)',
      Buffer.concat([Buffer.from('{"kind":"lesson","text":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    ],
    ['an overlong encoding', Buffer.concat([Buffer.from('{"kind":"lesson","text":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
  ])('refuses a body with %s, and stores nothing', async (_what, body) => {
    const before = await stored();
    const result = await send('POST', `/api/projects/${projectId}/log`, new Uint8Array(body));
    expectErrorShape(result, 400);
    expect(result.body.message).toBe('The request body is not valid UTF-8.');
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['a lone high surrogate', '"L\\ud800rdag"'],
    ['a lone low surrogate', '"\\udc00"'],
    ['two high surrogates', '"\\ud83d\\ud83d"'],
    ['a reversed pair', '"\\ude00\\ud83d"'],
  ])('refuses %s escaped in a JSON string, and stores nothing', async (_what, text) => {
    const before = await stored();
    const result = await send('POST', `/api/projects/${projectId}/log`, `{"kind":"lesson","text":${text}}`);
    expectErrorShape(result, 400);
    expect(result.body.message).toBe('Text must be valid Unicode: it holds half of a surrogate pair.');
    expect(await stored()).toEqual(before);
    expect((await stored()).some((t) => t.includes('\uFFFD'))).toBe(false);
  });

  it('keeps a real pair, escaped or not, exactly as sent', async () => {
    expect((await send('POST', `/api/projects/${projectId}/log`, '{"kind":"lesson","text":"Glad \\ud83d\\ude00"}')).status).toBe(201);
    expect((await send('POST', `/api/projects/${projectId}/log`, '{"kind":"lesson","text":"Glad 😀 æøå"}')).status).toBe(201);
    expect((await stored()).slice(-2)).toEqual(['Glad 😀', 'Glad 😀 æøå']);
  });

  it.each([['%FF'], ['%ED%A0%80'], ['%C3'], ['%E0%80%AF']])('refuses a query string with %s', async (escape) => {
    const result = await send('GET', `/api/projects?q=${escape}`, undefined, {});
    expectErrorShape(result, 400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toBe('The query string is not valid UTF-8 once decoded.');
  });
});

describe('errors from the HTTP layer', () => {
  it('answers headers that are too large with 431 and the common body', async () => {
    const result = await send('GET', '/api/health', undefined, { 'x-padding': 'a'.repeat(20_000) });
    expectErrorShape(result, 431);
    expect(result.body.code).toBe('HEADERS_TOO_LARGE');
  });

  it.each([['/api/projects/%FF'], ['/api/projects/%E0%A4%A'], ['/api/projects/%ED%A0%80']])(
    'answers a malformed address (%s) with 400 and no extra keys',
    async (path) => {
      const result = await send('GET', path, undefined, {});
      expectErrorShape(result, 400);
      expect(result.body.code).toBe('BAD_URL');
    },
  );

  it('answers a path segment of 5,000 characters with 414, without repeating it', async () => {
    const result = await send('GET', `/api/projects/${'a'.repeat(5_000)}`, undefined, {});
    expectErrorShape(result, 414);
    expect(result.body.code).toBe('URI_TOO_LONG');
    expect(result.text).not.toContain('a'.repeat(100));
  });

  it('answers an address over 8 KB with 414', async () => {
    const result = await send('GET', `/api/health?padding=${'a'.repeat(9_000)}`, undefined, {});
    expectErrorShape(result, 414);
  });

  it('repeats no more than a short excerpt of an unknown address', async () => {
    const result = await send('GET', `/api/${'b'.repeat(3_000)}`, undefined, {});
    expectErrorShape(result, 404);
    expect(result.text).not.toContain('b'.repeat(100));
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'email=a%40b.no&password=x'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.no\r\n--x--'],
    ['application/json; charset=utf-16', '{"email":"a@b.no","password":"x"}'],
    ['application/json; charset=latin1', '{"email":"a@b.no","password":"x"}'],
    ['application/xml', '<login/>'],
  ])('answers a %s body with 415 and the common body', async (type, body) => {
    const result = await send('POST', '/api/auth/login', body, { 'content-type': type });
    expectErrorShape(result, 415);
    expect(result.body).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the body as JSON in UTF-8, with Content-Type: application/json.',
    });
  });

  it('answers a body without a content type with 415', async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      body: new Uint8Array(Buffer.from('{"email":"a@b.no"}')),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it.each([
    ['an empty body', '', 'The request body is empty: send a JSON object.'],
    ['broken JSON', '{"email":', 'The request body is not valid JSON.'],
    ['a prototype field', '{"__proto__":{"admin":true},"email":"a@b.no","password":"x"}', 'The field name "__proto__" is not allowed.'],
  ])('answers %s with 400 and a sentence', async (_what, body, message) => {
    const result = await send('POST', '/api/auth/login', body);
    expectErrorShape(result, 400);
    expect(result.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message });
  });
});

describe('hidden or missing', () => {
  it('every route with an id answers a thing the person may not see exactly as one that does not exist', async () => {
    const project = await c.project('granStaff');
    const entry = await c.call<{ id: string }>('granStaff', 'POST', `/api/projects/${project.id}/log`, { kind: 'lesson', text: 'Skjult' });
    const indicator = await c.call<{ id: string }>('granStaff', 'POST', `/api/projects/${project.id}/indicators`, {
      name: 'Skjult',
      unit: 'stk',
      baseline: 1,
      target: 2,
      direction: 'increase',
    });
    const answer = await c.answer('granStaff', c.pilot, { toOrganizationId: c.org.lunner, question: 'doTogether', text: 'Skjult' });
    // PILOTen Hadeland is members-only: Roskilde does not see it, nor anything in it.
    const hidden = {
      partnership: c.pilot.id,
      focusArea: c.focus(c.pilot, 'Politikerrollen'),
      project: project.id,
      entry: entry.body.id,
      indicator: indicator.body.id,
      answer: answer.id,
    };
    const routes: [string, string, keyof typeof hidden, unknown?][] = [
      ['GET', '/api/partnerships/:id', 'partnership'],
      ['PATCH', '/api/partnerships/:id', 'partnership', { name: 'Nytt navn' }],
      ['POST', '/api/partnerships/:id/focus-areas', 'partnership', { name: 'Nytt' }],
      ['GET', '/api/partnerships/:id/questions', 'partnership'],
      ['POST', '/api/partnerships/:id/answers', 'partnership', { toOrganizationId: c.org.gran, question: 'doTogether', text: 'x' }],
      ['GET', '/api/dashboard/partnerships/:id', 'partnership'],
      ['GET', '/api/dashboard/partnerships/:id/report.pdf', 'partnership'],
      ['PATCH', '/api/focus-areas/:id', 'focusArea', { name: 'Nytt navn' }],
      ['GET', '/api/projects/:id', 'project'],
      ['PATCH', '/api/projects/:id', 'project', { title: 'Nytt', version: 1 }],
      ['POST', '/api/projects/:id/transitions', 'project', { toStage: 'test', rationale: 'x' }],
      ['GET', '/api/projects/:id/transitions', 'project'],
      ['POST', '/api/projects/:id/status', 'project', { status: 'stopped', rationale: 'x' }],
      ['GET', '/api/projects/:id/log', 'project'],
      ['POST', '/api/projects/:id/log', 'project', { kind: 'lesson', text: 'x' }],
      ['GET', '/api/projects/:id/indicators', 'project'],
      ['POST', '/api/projects/:id/indicators', 'project', { name: 'x', unit: 'x', baseline: 1, target: 2, direction: 'increase' }],
      ['PATCH', '/api/log-entries/:id', 'entry', { text: 'x' }],
      ['POST', '/api/indicators/:id/measurements', 'indicator', { value: 1, measuredOn: '2026-01-01' }],
      ['PATCH', '/api/answers/:id', 'answer', { text: 'x' }],
      ['DELETE', '/api/answers/:id', 'answer'],
      ['POST', '/api/answers/:id/project', 'answer', {}],
    ];
    const missing = '6b1d7f0e-2c4a-4e8b-9f3d-5a7c9e1b3d5f';
    const differences: string[] = [];
    for (const who of ['roskildeStaff', 'navDrammenStaff'] as const) {
      for (const [method, path, kind, body] of routes) {
        const asHidden = await c.call(who, method, path.replace(':id', hidden[kind]), body);
        const asMissing = await c.call(who, method, path.replace(':id', missing), body);
        expect(asMissing.status).toBe(404);
        if (asHidden.status !== asMissing.status || JSON.stringify(asHidden.body) !== JSON.stringify(asMissing.body)) {
          differences.push(`${who} ${method} ${path}: ${JSON.stringify(asHidden.body)} vs ${JSON.stringify(asMissing.body)}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('found by the fuzzer', () => {
  it.each([['[["x"]]'], ['["x"]'], ['"x"'], ['42'], ['null']])(
    'answers a body that is not an object (%s) with 400, at sign-in too',
    async (body) => {
      for (const path of ['/api/auth/login', '/api/projects']) {
        const result = await send('POST', path, body);
        expectErrorShape(result, 400);
        expect(result.body.message).toBe('The request body must be a JSON object.');
      }
    },
  );

  it('names an unknown field of 5,000 characters by its first 40 only, and lists at most ten problems', async () => {
    const body = JSON.stringify({ ['x'.repeat(5_000)]: 1, ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra${i}`, i])) });
    const result = await send('POST', '/api/auth/login', body);
    expectErrorShape(result, 400);
    expect(result.body.message).toContain(`${'x'.repeat(40)}…: this field is not allowed`);
    expect(result.body.message).toMatch(/; and \d+ more$/);
  });
});

describe('a request that is not HTTP', () => {
  it('is answered with 400 in the common body before the connection closes', async () => {
    const { port } = new URL(api.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE / NOT-HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as ErrorResponse;
    expect(body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' });
  });
});
