import type { ErrorResponse } from '@samspill/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { localizeError } from '../i18n/localize-error';
import { requestLocale } from '../i18n/locale';
import { DomainException } from './domain-exception';

/** Longer addresses are answered 414 (Node itself answers 431 past 16 KB of request line and headers). */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Routes whose query carries text a person wrote (a search, "similar work"
 * for a draft project): their contract answers any text with 200 or a 400
 * that names the field, so a long address there goes on to validation, up
 * to Node's own limit, instead of a 414.
 */
const FREE_TEXT_ROUTES = /^\/api\/(lessons|practices|similar)(\?|$)/;
export const MAX_FREE_TEXT_URL_LENGTH = 16 * 1024;

/** The longest address a request to `url` may have. */
export function maxUrlLength(url: string): number {
  return FREE_TEXT_ROUTES.test(url) ? MAX_FREE_TEXT_URL_LENGTH : MAX_URL_LENGTH;
}

/** Deeper than any contract needs; deeper bodies are refused before JSON.parse builds them. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The only body parser: JSON in UTF-8. Every other content type is a 415
 * (Fastify answers a type without a parser so). The body is refused with
 * 400, before anything else sees it, when it is not valid UTF-8, holds a
 * lone surrogate, nests deeper than MAX_JSON_DEPTH, or names a prototype
 * field. Query strings are held to UTF-8 too.
 */
export function registerRequestParsing(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    const max = maxUrlLength(request.url);
    if (request.url.length > max) {
      throw new DomainException('URI_TOO_LONG', `The address is too long: at most ${max / 1024} KB.`, 414);
    }
    checkQueryString(request.url);
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // RFC 8058: a mail client's one-click unsubscribe posts `List-Unsubscribe=One-Click` as a form. Only that route
  // takes a form, and it reads nothing from it (the token is in the address); everywhere else a form stays a 415.
  fastify.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'buffer' },
    (request, _body, done) => {
      if (request.url.split('?')[0] === ONE_CLICK_UNSUBSCRIBE_PATH) return done(null, {});
      done(
        new DomainException('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON in UTF-8, with Content-Type: application/json.', 415),
        undefined,
      );
    },
  );
}

/** The one route that accepts a form body (see registerRequestParsing). */
export const ONE_CLICK_UNSUBSCRIBE_PATH = '/api/unsubscribe';

/**
 * Fastify's query parser keeps a value whose percent-encoding is not UTF-8
 * (%FF, an encoded surrogate) rather than refusing it; this refuses it.
 */
export function checkQueryString(url: string): void {
  const start = url.indexOf('?');
  if (start < 0) return;
  for (const part of url.slice(start + 1).split(/[&=]/)) {
    if (!part.includes('%')) continue;
    try {
      decodeURIComponent(part);
    } catch {
      throw invalid('The query string is not valid UTF-8 once decoded.');
    }
  }
}

export function parseJsonBody(request: FastifyRequest, body: Buffer): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new DomainException('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON in UTF-8, with Content-Type: application/json.', 415);
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw invalid('The request body is not valid UTF-8.');
  }
  if (text.trim() === '') throw invalid('The request body is empty: send a JSON object.');
  checkDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  // Every route takes an object; an array, a string or null would only reach the validators as something odd.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('The request body must be a JSON object.');
  checkValues(value);
  return value;
}

const invalid = (message: string) => new DomainException('VALIDATION_FAILED', message);

/** One pass over the text, brackets inside strings not counted. */
function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw invalid(`The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds half of a surrogate pair (a `\ud800` escape in JSON), which no UTF-8 can store. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export const BROKEN_TEXT_MESSAGE = 'Text must be valid Unicode: it holds half of a surrogate pair.';

/**
 * Every field name and string, walked once: a lone surrogate would be
 * stored as U+FFFD (or break a validator), and `__proto__` or
 * `constructor` as a field name could reach an object's prototype when
 * the body is copied.
 */
function checkValues(value: unknown): void {
  const pending = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) throw invalid(BROKEN_TEXT_MESSAGE);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      if (key === '__proto__' || key === 'constructor') throw invalid(`The field name "${key}" is not allowed.`);
      if (hasLoneSurrogate(key)) throw invalid(BROKEN_TEXT_MESSAGE);
      pending.push(child);
    }
  }
}

/** A sentence for an error the HTTP framework raised (Nest hands those on with the framework's own wording). */
export function frameworkMessage(statusCode: number, request: FastifyRequest): string {
  switch (statusCode) {
    case 413:
      return `The request body is too large: ${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]} accepts at most ${Math.floor((request.routeOptions.bodyLimit ?? 0) / 1024)} KB.`;
    case 415:
      return 'Send the body as JSON in UTF-8, with Content-Type: application/json.';
    case 400:
      return 'The request body is not valid JSON.';
    default:
      return 'The request could not be handled as sent.';
  }
}

/** At most `max` characters of something a client sent, for a message that names it. */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * Errors Fastify raises before a route is found (the address cannot be
 * decoded, or a path segment is longer than any id) get the common body,
 * without repeating the address.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const english: ErrorResponse =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { statusCode: 414, code: 'URI_TOO_LONG', message: 'A part of the address is too long to be an id.' }
      : { statusCode: 400, code: 'BAD_URL', message: 'The address is not valid: it holds a broken %-escape.' };
  const body = localizeError(english, requestLocale(request));
  void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Errors of the HTTP parser itself (headers too large, a malformed request) are answered in the common body too. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body: ErrorResponse =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large: together at most 16 KB.' }
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive. Please send it again.' }
        : { statusCode: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
