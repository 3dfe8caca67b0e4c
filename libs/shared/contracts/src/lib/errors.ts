/**
 * Machine-readable error codes. Every API error body is
 * `{ statusCode, code, message }`; the web app reacts to `code`.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'TOO_MANY_REQUESTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'BAD_URL',
  'BAD_REQUEST',
  'REQUEST_TIMEOUT',
  'EMAIL_TAKEN',
  'UNKNOWN_ORGANIZATION',
  'ORGANIZATION_REQUIRED',
  'INVALID_STAGE_TRANSITION',
  'INVALID_STATUS_CHANGE',
  'STALE_VERSION',
  'INVALID_MEMBERS',
  'INVALID_PARTICIPANTS',
  'INVALID_FOCUS_AREA',
  'INVALID_ANSWER_TARGET',
  'NOT_A_DO_TOGETHER_ANSWER',
  'ANSWER_HAS_PROJECT',
  'PROJECT_NOT_ACTIVE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorResponse {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
}
