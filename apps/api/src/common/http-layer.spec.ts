import type { Socket } from 'node:net';
import { clientErrorHandler } from './http-layer';

/** What the handler writes to a connection the HTTP parser gave up on. */
function answerTo(code: string): { head: string; body: unknown; destroyed: boolean } {
  let written = '';
  let destroyed = false;
  const socket = { destroyed: false, writable: true, write: (text: string) => (written += text), destroy: () => (destroyed = true) };
  clientErrorHandler(Object.assign(new Error(code), { code }), socket as unknown as Socket);
  const [head = '', body = ''] = written.split('\r\n\r\n');
  return { head, body: body ? JSON.parse(body) : null, destroyed };
}

describe('clientErrorHandler', () => {
  it.each([
    [
      'HPE_HEADER_OVERFLOW',
      431,
      { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large: together at most 16 KB.' },
    ],
    [
      'ERR_HTTP_REQUEST_TIMEOUT',
      408,
      { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive. Please send it again.' },
    ],
    ['HPE_INVALID_METHOD', 400, { statusCode: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' }],
  ])('answers %s with %i in the common body and closes the connection', (code, status, body) => {
    const answer = answerTo(code);
    expect(answer.head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(answer.head).toContain('Content-Type: application/json; charset=utf-8');
    expect(answer.body).toEqual(body);
    expect(answer.destroyed).toBe(true);
  });

  it('writes nothing to a connection the client already reset', () => {
    expect(answerTo('ECONNRESET')).toEqual({ head: '', body: null, destroyed: false });
  });
});
