import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CODES, ErrorResponse, REFRESH_COOKIE } from '@samspill/contracts';

/** What each refusal means; the body is always an ErrorResponse, like its example. */
const REFUSALS = {
  400: 'The request is not valid (VALIDATION_FAILED, naming each field) or breaks a rule (its own code, with a reason where the code has several).',
  401: 'Not signed in, or the session has ended (UNAUTHENTICATED); at sign-in, wrong email or password (INVALID_CREDENTIALS).',
  403: 'Signed in, but not allowed to do this (FORBIDDEN); the message says who may.',
  404: 'No such thing, or one hidden from you: both get the same answer (NOT_FOUND).',
  409: 'In conflict with what is stored (CONFLICT, STALE_VERSION, EMAIL_TAKEN or ANSWER_HAS_PROJECT).',
  429: 'Too many attempts (TOO_MANY_ATTEMPTS): wait a minute and try again.',
  503: 'The database is not available right now (DATABASE_UNAVAILABLE): try again shortly.',
} as const;
type Refusal = keyof typeof REFUSALS;

const EXAMPLES: Record<Refusal, ErrorResponse> = {
  400: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'title must not be empty' },
  401: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue.' },
  403: { statusCode: 403, code: 'FORBIDDEN', message: 'Politicians can read everything here but not change it.' },
  404: { statusCode: 404, code: 'NOT_FOUND', message: 'No such project.' },
  409: {
    statusCode: 409,
    code: 'STALE_VERSION',
    message: 'Someone else changed this project after you opened it. Reload it to see their changes, then try again.',
  },
  429: { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-in attempts. Wait a minute and try again.' },
  503: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is not available right now. Please try again shortly.' },
};

const SUCCESS: Record<string, string> = { '200': 'OK', '201': 'Created', '204': 'Done; no content.' };

/**
 * The refusals a route may answer beyond those its shape implies: 403 where a
 * rule about the person decides, 409 where stored state can conflict, 429
 * where attempts are counted. documentRefusals() adds the others.
 */
export const ApiRefusals = (...statuses: Refusal[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: REFUSALS[status], type: ErrorResponse })));

/**
 * A list answered a page at a time (see common/paging.ts): a JSON array of
 * `type`, and the next page's address in a Link header.
 */
export const ApiPage = (type: new () => object) =>
  ApiOkResponse({
    type,
    isArray: true,
    description: "One page, in the list's order.",
    headers: {
      Link: {
        description: 'The next page, as `<…?limit=…&cursor=…>; rel="next"`; absent on the last page.',
        schema: { type: 'string' },
      },
    },
  });

/** The OpenAPI document behind /api/docs and /api/docs-json. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Samspill API')
    .setDescription(
      'Municipalities learning from each other: partnerships, the three questions, joint projects. ' +
        'Sign in with POST /api/auth/login and send the access token as `Authorization: Bearer <token>`; ' +
        `renew it with POST /api/auth/refresh, which reads the refresh token from the ${REFRESH_COOKIE} cookie. ` +
        'Every refusal is an ErrorResponse: react to `code` (and `reason`), show `message`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE }, 'refresh')
    .build();
  return documentRefusals(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] }));
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * Adds the refusals every route of a kind can answer: 400 where it takes a
 * body, query or path parameter; 401 where it needs the bearer token; 404
 * where the path names a thing; 503 wherever it reads the database. Every
 * path parameter is an id checked by ParseUUIDPipe, so it is documented as
 * a UUID (an API test holds the routes to that).
 */
export function documentRefusals(document: OpenAPIObject): OpenAPIObject {
  const errorSchema = document.components?.schemas?.['ErrorResponse'];
  if (errorSchema && !('$ref' in errorSchema)) {
    errorSchema.description = `A refusal. \`code\` is one of ${ERROR_CODES.join(', ')}.`;
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).filter((p) => 'in' in p);
      for (const parameter of parameters) {
        if ('in' in parameter && parameter.in === 'path') parameter.schema = { type: 'string', format: 'uuid' };
      }
      const implied: Refusal[] = [];
      if (operation.requestBody || parameters.length > 0) implied.push(400);
      if (operation.security?.some((s) => 'bearer' in s)) implied.push(401);
      if (path.includes('{')) implied.push(404);
      if (path !== '/api/health') implied.push(503);
      for (const status of implied) {
        operation.responses[status] ??= { description: REFUSALS[status], content: { 'application/json': {} } };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || '$ref' in response) continue;
        if (!response.description) response.description = SUCCESS[status] ?? '';
        const refusal = EXAMPLES[Number(status) as Refusal];
        if (refusal && response.content?.['application/json']) {
          response.content['application/json'] = { schema: { $ref: '#/components/schemas/ErrorResponse' }, example: refusal };
        }
      }
    }
  }
  return document;
}
