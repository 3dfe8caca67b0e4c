import { Logger, type ArgumentsHost } from '@nestjs/common';
import type { ErrorResponse } from '@samspill/contracts';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainException, notFound } from './domain-exception';
import { HttpExceptionFilter } from './http-exception.filter';

/** The body and status the filter sends for an exception, to a reader of English unless told otherwise. */
function answerTo(
  exception: unknown,
  request: { headers?: Record<string, string>; user?: { locale: string } } = { headers: { 'accept-language': 'en' } },
): { status: number; body: ErrorResponse } {
  const sent = { status: 0, body: undefined as unknown };
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    header() {
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => reply,
      getRequest: () => ({ id: 'req-1', method: 'GET', url: '/api/projects', ...request }),
    }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return { status: sent.status, body: sent.body as ErrorResponse };
}

describe('HttpExceptionFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers in the signed-in person’s language before the browser’s, and in bokmål when neither is known', () => {
    const exception = new DomainException('INVALID_STAGE_TRANSITION', 'One stage at a time.', 400, 'SKIPS_A_STAGE');
    expect(answerTo(exception, { headers: { 'accept-language': 'en' }, user: { locale: 'da' } }).body.message).toBe(
      'Et projekt kan kun rykke én fase frem ad gangen.',
    );
    expect(answerTo(notFound('project'), { headers: { 'accept-language': 'sv-SE' } }).body.message).toBe('Projektet finns inte.');
    expect(answerTo(notFound('project'), {}).body.message).toBe('Vi fant ikke prosjektet.');
  });

  it('sends a domain refusal with its reason', () => {
    const exception = new DomainException('INVALID_STAGE_TRANSITION', 'One stage at a time.', 400, 'SKIPS_A_STAGE');
    expect(answerTo(exception)).toEqual({
      status: 400,
      body: { statusCode: 400, code: 'INVALID_STAGE_TRANSITION', message: 'One stage at a time.', reason: 'SKIPS_A_STAGE' },
    });
  });

  it('leaves reason out where the code has one cause', () => {
    expect(answerTo(notFound('project'))).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', message: 'No such project.' },
    });
  });

  it('answers DATABASE_UNAVAILABLE (503) when the database cannot be reached, without naming it', () => {
    const { status, body } = answerTo(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(status).toBe(503);
    expect(body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(body.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432/);
  });

  it.each([
    ['a broken pipe to a closed socket', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['a pooled client whose connection failed', new Error('Client has encountered a connection error and is not queryable')],
    ['a closed client', new Error('Client was closed and is not queryable')],
    ['a crash shutdown', Object.assign(new Error('terminating connection because of crash of another server process'), { code: '57P02' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    [
      'every address refused',
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''),
    ],
    ['a transaction whose connection was lost between two statements', new QueryRunnerAlreadyReleasedError()],
    ['a transaction’s entity manager whose connection was lost', new QueryRunnerProviderAlreadyReleasedError()],
    ['a wrapped cause', new Error('query failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
  ])('answers 503 for %s', (_case, error) => {
    expect(answerTo(error)).toMatchObject({ status: 503, body: { code: 'DATABASE_UNAVAILABLE' } });
  });

  it('answers INTERNAL_ERROR (500) for anything unexpected, and keeps the details to the log', () => {
    const { status, body } = answerTo(new TypeError("Cannot read properties of undefined (reading 'secret_column')"));
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Please try again.',
    });
    expect(Logger.prototype.error).toHaveBeenCalled();
  });
});
