import type { ProjectListResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { startTestApi, type TestApi } from './support/api-server';
import { login, request, type Session } from './support/http';

/*
 * /api/docs-json is a contract an integrator generates a client from: every
 * route with its request and response schemas, its refusals and its security,
 * and the API answers as the document says.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
}
interface MediaType {
  schema?: Schema;
  example?: unknown;
}
interface Operation {
  operationId: string;
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PUBLIC = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  // issue 10: what a person does from a link in a mail, before they can sign in
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/invitations/accept',
  // issue 15: e-mail-first sign-in, and where the identity provider sends the browser back
  'POST /api/auth/sign-in-method',
  'GET /api/auth/oidc/callback',
  // issue 13: public partnerships and their open data, for anyone
  'GET /api/public/partnerships',
  'GET /api/public/partnerships/{id}',
  'GET /api/public/partnerships/{id}/dashboard',
  'GET /api/public/partnerships/{id}/data.json',
  'GET /api/public/partnerships/{id}/data.csv',
  // issue 12: the one-click unsubscribe of a mail (RFC 8058), signed by its token
  'POST /api/unsubscribe',
];
/** Public addresses answer an id that is no id like a partnership that is not public: the one 404 (issue 13). */
const NOT_AN_ID_IS_NOT_FOUND = (path: string) => path.startsWith('/api/public/');

let api: TestApi;
let doc: Document;
let admin: Session;
const operations: { method: string; path: string; op: Operation }[] = [];
beforeAll(async () => {
  api = await startTestApi();
  const served = await request<Document>(api.baseUrl, 'GET', '/api/docs-json');
  expect(served.status).toBe(200);
  doc = served.body;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) operations.push({ method, path, op });
    }
  }
  admin = await login(api.baseUrl, DEMO_ACCOUNTS.admin);
});
afterAll(async () => {
  await api?.close();
});

const resolve = (schema: Schema): Schema => {
  if (!schema.$ref) return schema;
  const found = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  if (!found) throw new Error(`unresolved ${schema.$ref}`);
  return found;
};

/** Every way `value` breaks `schema`, with its path; an empty list when it conforms. */
function violations(schema: Schema, value: unknown, at = '$'): string[] {
  const s = resolve(schema);
  if (value === null) return s.nullable ? [] : [`${at} is null`];
  if (s.allOf) return s.allOf.flatMap((part) => violations(part, value, at));
  if (s.enum && !s.enum.includes(value)) return [`${at} = ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`];
  switch (s.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at} is not a string`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => violations(s.items ?? {}, v, `${at}[${i}]`)) : [`${at} is not an array`];
    default: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
      const record = value as Record<string, unknown>;
      const missing = (s.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key} is missing`);
      const undocumented = s.properties ? Object.keys(record).filter((key) => !(key in (s.properties ?? {}))) : [];
      return [
        ...missing,
        ...undocumented.map((key) => `${at}.${key} is not documented`),
        ...Object.entries(s.properties ?? {}).flatMap(([key, sub]) => (key in record ? violations(sub, record[key], `${at}.${key}`) : [])),
      ];
    }
  }
}

describe('GET /api/docs-json', () => {
  it('is an OpenAPI 3 document served to anyone, like the page at /api/docs', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const page = await fetch(`${api.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    process.stdout.write(
      `OpenAPI: ${Object.keys(doc.paths).length} paths, ${operations.length} operations, ${Object.keys(doc.components.schemas).length} schemas\n`,
    );
  });

  it('declares the bearer scheme and the refresh cookie', () => {
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes['refresh']).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });

  it('gives every operation a summary and a schema for its success answer', () => {
    const lacking = operations.flatMap(({ method, path, op }) => {
      // A route the browser is sent to (the identity provider's callback) answers with a redirect, not JSON.
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2') || status.startsWith('3'));
      const problems: string[] = [];
      if (!op.summary) problems.push('no summary');
      if (success.length !== 1) problems.push(`${success.length} success statuses`);
      for (const [status, response] of success) {
        if (status === '204' || status.startsWith('3')) continue;
        const media = Object.values(response.content ?? {});
        if (media.length === 0 || media.some((m) => !m.schema)) problems.push(`no schema for ${status}`);
      }
      return problems.map((p) => `${method.toUpperCase()} ${path}: ${p}`);
    });
    expect(lacking).toEqual([]);
  });

  it('gives every operation that takes a body a JSON request schema with its fields', () => {
    const withBody = operations.filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(15);
    for (const { method, path, op } of withBody) {
      const schema = op.requestBody?.content['application/json']?.schema;
      expect({ route: `${method} ${path}`, hasSchema: !!schema }).toEqual({ route: `${method} ${path}`, hasSchema: true });
      expect(Object.keys(resolve(schema as Schema).properties ?? {}).length).toBeGreaterThan(0);
    }
    // Every write outside sign-in and sign-out reads a body, and documents it.
    // The one-click unsubscribe (RFC 8058) reads its token from the address; a mail client posts a form it ignores.
    const writes = operations.filter(
      ({ method, path }) => method !== 'get' && method !== 'delete' && !path.startsWith('/api/auth/') && path !== '/api/unsubscribe',
    );
    expect(writes.filter(({ op }) => !op.requestBody).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('documents the refusals: ErrorResponse with an example for every 4xx and 503, 401 wherever a token is needed, 404 wherever the path names a thing', () => {
    const problems = operations.flatMap(({ method, path, op }) => {
      const route = `${method.toUpperCase()} ${path}`;
      const found: string[] = [];
      const isPublic = PUBLIC.includes(route);
      if (!isPublic && !op.security?.some((s) => 'bearer' in s)) found.push('no bearer security');
      if (!isPublic && !op.responses['401']) found.push('no 401');
      if (path.includes('{') && !op.responses['404']) found.push('no 404');
      if ((op.requestBody || op.parameters?.length) && !op.responses['400']) found.push('no 400');
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^4|^503$/.test(status) || path === '/api/health') continue;
        const media = response.content?.['application/json'];
        if (media?.schema?.$ref !== '#/components/schemas/ErrorResponse') found.push(`${status} is not an ErrorResponse`);
        else if (
          violations(media.schema, media.example).length > 0 ||
          (media.example as { statusCode?: number }).statusCode !== Number(status)
        ) {
          found.push(`${status} has no fitting example`);
        }
      }
      return found.map((p) => `${route}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('gives examples for the fields of the request and response schemas', () => {
    const fields = Object.values(doc.components.schemas).flatMap((s) => Object.values(s.properties ?? {}));
    const withExample = fields.filter((f) => 'example' in f);
    expect(withExample.length / fields.length).toBeGreaterThan(0.6);
  });
});

describe('the API answers as the document says', () => {
  it('knows every documented route: without a token each answers 401 (or, where public, not 404)', async () => {
    const unknown: string[] = [];
    for (const { method, path } of operations) {
      const concrete = path.replaceAll(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      // Redirects are the answer, not followed: the callback sends the browser on to the web app.
      const result = await fetch(`${api.baseUrl}${concrete}`, { method: method.toUpperCase(), redirect: 'manual' });
      const isPublic = PUBLIC.includes(`${method.toUpperCase()} ${path}`);
      // A public route may say that the thing is not there (issue 13), never that the route is not.
      const routeUnknown = result.status === 404 && (await result.text()).includes('No such endpoint');
      if (isPublic ? routeUnknown : result.status !== 401) unknown.push(`${method} ${path}: ${result.status}`);
    }
    expect(unknown).toEqual([]);
  });

  it('checks every path parameter as the UUID it is documented as', async () => {
    const withId = operations.filter(({ path }) => path.includes('{'));
    expect(withId.length).toBeGreaterThan(20);
    for (const { method, path, op } of withId) {
      for (const parameter of op.parameters?.filter((p) => p.in === 'path') ?? []) {
        expect({ path, parameter: parameter.name, schema: parameter.schema }).toEqual({
          path,
          parameter: parameter.name,
          schema: { type: 'string', format: 'uuid' },
        });
      }
      const result = await request(api.baseUrl, method.toUpperCase(), path.replaceAll(/\{[^}]+\}/g, 'not-a-uuid'), {
        token: admin.token,
        body: method === 'get' || method === 'delete' ? undefined : {},
      });
      const status = NOT_AN_ID_IS_NOT_FOUND(path) ? 404 : 400;
      expect({ route: `${method} ${path}`, status: result.status }).toEqual({ route: `${method} ${path}`, status });
    }
  });

  it('sends bodies that fit their schemas', async () => {
    const projects = await request<ProjectListResponse>(api.baseUrl, 'GET', '/api/projects', { token: admin.token });
    const project = projects.body.items[0];
    if (!project) throw new Error('the demo data has no project');
    const partnershipId = project.partnershipId;
    const practiceId = (await api.row<{ id: string }>(`SELECT id FROM practices WHERE title = 'NAV Drammens Lean-modell'`)).id;
    const publicId = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE visibility = 'public' LIMIT 1`)).id;
    const membersOnlyId = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE visibility = 'members' LIMIT 1`)).id;
    const checks: [string, string, number][] = [
      ['get', '/api/auth/me', 200],
      ['get', '/api/users', 200],
      ['get', '/api/organizations', 200],
      ['get', '/api/partnerships', 200],
      ['get', '/api/projects', 200],
      ['get', `/api/projects/${project.id}`, 200],
      ['get', `/api/projects/${project.id}/transitions`, 200],
      ['get', `/api/projects/${project.id}/log`, 200],
      ['get', `/api/projects/${project.id}/indicators`, 200],
      ['get', `/api/partnerships/${partnershipId}/questions`, 200],
      ['get', `/api/dashboard/partnerships/${partnershipId}`, 200],
      ['get', '/api/dashboard/overview', 200],
      ['get', '/api/dashboard/overview/partnerships', 200],
      ['get', '/api/dashboard/overview/organizations', 200],
      ['get', '/api/invitations', 200],
      ['get', '/api/audit', 200],
      // issue 15
      ['get', '/api/auth/me/sign-in-method', 200],
      ['get', `/api/projects/00000000-0000-4000-8000-000000000000`, 404],
      ['post', `/api/projects/${project.id}/transitions`, 400],
      // Issue 9
      ['get', '/api/lessons?q=tavlem%C3%B8te', 200],
      ['get', '/api/lessons?projectStatus=stopped', 200],
      ['get', '/api/practices?q=lean', 200],
      ['get', `/api/practices/${practiceId}`, 200],
      ['get', `/api/practices/${practiceId}/lineage`, 200],
      // issue 12
      ['get', `/api/projects/${project.id}/comments`, 200],
      ['get', `/api/partnerships/${partnershipId}/comments`, 200],
      ['get', `/api/practices/${practiceId}/comments`, 200],
      ['get', `/api/projects/${project.id}/comments/mentionable`, 200],
      ['get', '/api/notifications', 200],
      ['get', '/api/auth/me/settings', 200],
      ['get', `/api/follows?entityType=project&entityId=${project.id}`, 200],
      ['get', `/api/projects/${project.id}/similar`, 200],
      ['get', '/api/similar?text=tavlem%C3%B8ter', 200],
      ['get', '/api/dashboard/spread', 200],
      // Issue 13
      ['get', '/api/public/partnerships', 200],
      ['get', `/api/public/partnerships/${publicId}`, 200],
      ['get', `/api/public/partnerships/${publicId}/dashboard`, 200],
      ['get', `/api/public/partnerships/${publicId}/data.json`, 200],
      ['get', `/api/public/partnerships/${membersOnlyId}`, 404],
    ];
    const problems: string[] = [];
    for (const [method, concrete, status] of checks) {
      const entry = operations.find(
        ({ method: m, path }) =>
          m === method && new RegExp(`^${path.replaceAll(/\{[^}]+\}/g, '[^/]+')}$`).test(concrete.split('?')[0] ?? ''),
      );
      if (!entry) throw new Error(`${method} ${concrete} is not documented`);
      const result = await request(api.baseUrl, method.toUpperCase(), concrete, {
        token: admin.token,
        body: method === 'post' ? { toStage: project.stage, rationale: 'Samme fase.' } : undefined,
      });
      expect({ route: `${method} ${concrete}`, status: result.status }).toEqual({ route: `${method} ${concrete}`, status });
      const schema = entry.op.responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${method} ${entry.path} documents no schema for ${status}`);
      problems.push(...violations(schema, result.body, `${method} ${concrete}`));
    }
    expect(problems).toEqual([]);
  });
});
