import { HttpErrorResponse } from '@angular/common/http';
import { toApiProblem } from './api-error';

const failure = (status: number, error: unknown = null) => new HttpErrorResponse({ status, error });

describe('toApiProblem', () => {
  it('maps a known code to its sentence', () => {
    const problem = toApiProblem(failure(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' }));
    expect(problem.key).toBe('errors.codes.INVALID_CREDENTIALS');
    expect(problem.detail).toBeNull();
  });

  it('treats a 429 as too many attempts, with or without a body', () => {
    expect(toApiProblem(failure(429, { code: 'TOO_MANY_ATTEMPTS' })).key).toBe('errors.codes.TOO_MANY_ATTEMPTS');
    expect(toApiProblem(failure(429, 'Too Many Requests')).key).toBe('errors.codes.TOO_MANY_ATTEMPTS');
  });

  it('keeps the server’s message for a refused form, so the field is named', () => {
    const problem = toApiProblem(
      failure(400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'code must be the official number, 1 to 8 digits' }),
    );
    expect(problem).toEqual({
      key: 'errors.codes.VALIDATION_FAILED',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'code must be the official number, 1 to 8 digits',
    });
  });

  it('says "network" when the server cannot be reached, and "server" for a bare 5xx', () => {
    expect(toApiProblem(failure(0)).key).toBe('errors.network');
    expect(toApiProblem(failure(502, '<html>Bad gateway</html>')).key).toBe('errors.server');
  });

  it('never passes an unknown code or a status number through', () => {
    expect(toApiProblem(failure(418, { code: 'HTTP_418', message: 'teapot' })).key).toBe('errors.unexpected');
    expect(toApiProblem(new Error('boom')).key).toBe('errors.unexpected');
  });
});
