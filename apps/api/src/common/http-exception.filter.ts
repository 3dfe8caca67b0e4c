import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorCode, ErrorResponse } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { localizeError, type ErrorHint } from '../i18n/localize-error';
import { requestLocale } from '../i18n/locale';
import { DomainException } from './domain-exception';
import { excerpt, frameworkMessage } from './http-layer';
import { TooManyRequestsException } from './rate-limit';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'DATABASE_UNAVAILABLE',
};

const CONNECTION_ERROR =
  /Query read timeout|canceling statement due to statement timeout|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|timeout exceeded when trying to connect|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|is not queryable|Connection ended unexpectedly/i;

/**
 * Every error leaves the API as `{ statusCode, code, message }`: a code the
 * web app can react to and a sentence a person can act on, never a stack
 * trace or an SQL fragment.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const hint: ErrorHint = {};
    const body = localizeError(this.toBody(exception, request, hint), requestLocale(request), hint);
    if (body.statusCode >= 500) {
      const err = exception instanceof Error ? { name: exception.name, message: exception.message, code: errorCode(exception) } : exception;
      // An unreachable database is the operator's business (warn); anything else answered 500 is a bug (error).
      if (body.statusCode === 503) this.logger.warn({ err, reqId: request.id }, 'database unavailable');
      else this.logger.error({ err, reqId: request.id }, 'request failed');
    }
    if (exception instanceof TooManyRequestsException) void reply.header('retry-after', String(exception.retryAfterSeconds));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest, hint: ErrorHint): ErrorResponse {
    if (exception instanceof DomainException) {
      hint.thing = exception.thing;
      const { statusCode, code, message, reason } = exception;
      return reason === undefined ? { statusCode, code, message } : { statusCode, code, message, reason };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      let code: string = CODE_BY_STATUS[statusCode] ?? `HTTP_${statusCode}`;
      let message = exception.message;
      // A string response is an error of the HTTP framework itself, which Nest wraps; its wording is not for people.
      if (typeof response === 'string') message = frameworkMessage(statusCode, request);
      else if (typeof response === 'object' && response !== null) {
        const r = response as { code?: unknown; message?: unknown };
        if (typeof r.code === 'string') code = r.code;
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
      }
      if (statusCode === 404 && message.startsWith('Cannot ')) {
        hint.endpoint = `${request.method} ${excerpt(request.url.split('?')[0] ?? '')}`;
        message = `No such endpoint: ${hint.endpoint}`;
      }
      return { statusCode, code, message };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is not available right now. Please try again shortly.',
      };
    }
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string } | undefined;
      if (driverError?.code === '23505') {
        return { statusCode: 409, code: 'CONFLICT', message: 'That already exists.' };
      }
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Please try again.',
    };
  }
}

function errorCode(e: Error): string | undefined {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Error codes that mean "the database is not there right now": the socket
 * (refused, reset, broken pipe, timed out), PostgreSQL's own (statement
 * cancelled by timeout, administrator/crash shutdown, cannot connect now,
 * too many connections, connection exceptions of class 08).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/**
 * Whether an error (or what it wraps: TypeORM's `driverError`, an
 * `AggregateError`'s attempts, a `cause`) says the database is unreachable.
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!(e instanceof Error) || depth > 4) return false;
  // A connection that fails inside a transaction emits `error`, on which
  // TypeORM releases its query runner: the transaction's next statement then
  // fails with one of these (the runner's own, or the entity manager's)
  // instead of the socket's error, which went to the event.
  if (e instanceof QueryRunnerAlreadyReleasedError || e instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const code = errorCode(e);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  if (CONNECTION_ERROR.test(e.message)) return true;
  const wrapped = [(e as { driverError?: unknown }).driverError, e.cause, ...(e instanceof AggregateError ? e.errors : [])];
  return wrapped.some((inner) => inner !== e && isDatabaseUnavailable(inner, depth + 1));
}
