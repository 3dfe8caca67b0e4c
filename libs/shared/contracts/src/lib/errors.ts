/**
 * Machine-readable error codes. Every API error body is
 * `{ statusCode, code, message }`; the web app reacts to `code`.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'UNKNOWN_ORGANIZATION',
  'ORGANIZATION_REQUIRED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorResponse {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
}
