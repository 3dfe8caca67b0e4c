import type { FastifyRequest } from 'fastify';

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
