/**
 * Machine-readable error codes. Every API error body is
 * `{ statusCode, code, message }`, plus `reason` where one code has several
 * causes; the web app reacts to `code` and `reason`.
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
  'FOLLOW_UP_ANSWERED',
  // People, organisations, invitations, sessions and the audit trail (issue 10)
  'INACTIVE_ORGANIZATION',
  'INVALID_SUCCESSOR',
  'INVALID_OBSERVERS',
  'INVALID_TOKEN',
  'INVITATION_PENDING',
  'INVITATION_NOT_PENDING',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
  // Issue 9: practices and adoptions.
  'OWN_PRACTICE',
  'ALREADY_ADOPTED',
  'UNKNOWN_PRACTICE',
  'INVALID_PROJECT',
  // Single sign-on through an organisation's own OpenID Connect provider (issue 15)
  'USE_SINGLE_SIGN_ON',
  'INVALID_ISSUER',
  'EMAIL_DOMAIN_TAKEN',
  'SSO_PROVIDER_UNAVAILABLE',
  'SSO_STATE_INVALID',
  'SSO_NONCE_MISMATCH',
  'SSO_ISSUER_MISMATCH',
  'SSO_TOKEN_EXPIRED',
  'SSO_TOKEN_INVALID',
  'SSO_PROVIDER_REFUSED',
  'SSO_EMAIL_NOT_VERIFIED',
  'SSO_OTHER_ORGANIZATION',
  'SSO_NOT_INVITED',
  'SSO_ACCOUNT_INACTIVE',
  // Discussion and notifications (issue 12)
  'INVALID_PARENT',
  'INVALID_MENTIONS',
  'COMMENT_DELETED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a request was refused, for the codes that have more than one cause. */
export const ERROR_REASONS = {
  INVALID_STAGE_TRANSITION: ['SAME_STAGE', 'SKIPS_A_STAGE', 'PROJECT_NOT_ACTIVE'],
  INVALID_STATUS_CHANGE: ['SAME_STATUS', 'ALREADY_CLOSED'],
  INVALID_MEMBERS: ['TOO_FEW_MEMBERS', 'NOT_AN_ORGANIZATION', 'OWN_ORGANIZATION_REMOVED', 'MEMBER_HAS_PROJECTS'],
  INVALID_PARTICIPANTS: ['NOT_A_MEMBER', 'OWN_ORGANIZATION_REMOVED', 'NOT_A_PARTICIPANT'],
  INVALID_ANSWER_TARGET: ['ANSWERING_ORGANIZATION_MISSING', 'ANSWERING_ORGANIZATION_NOT_A_MEMBER', 'NOT_ANOTHER_MEMBER'],
  INVALID_SUCCESSOR: ['SAME_ORGANIZATION', 'ALREADY_MERGED', 'UNKNOWN_SUCCESSOR'],
  INVALID_OBSERVERS: ['NOT_AN_ORGANIZATION', 'ALSO_A_MEMBER'],
  // issue 15
  INVALID_ISSUER: ['NOT_A_URL', 'NOT_HTTPS', 'HAS_QUERY'],
  // issue 12: a reply must answer a top-level comment of the same thread
  INVALID_PARENT: ['REPLY_TO_A_REPLY', 'NOT_IN_THREAD'],
} as const satisfies Partial<Record<ErrorCode, readonly string[]>>;

export type CodeWithReasons = keyof typeof ERROR_REASONS;
/** The reasons one code may carry (never for a code with a single cause). */
export type ErrorReasonOf<C extends ErrorCode> = C extends CodeWithReasons ? (typeof ERROR_REASONS)[C][number] : never;
export type ErrorReason = ErrorReasonOf<CodeWithReasons>;

export class ErrorResponse {
  /**
   * The HTTP status, repeated in the body.
   * @example 400
   */
  statusCode!: number;
  /**
   * One of ERROR_CODES (or `HTTP_<status>` for a refusal by the HTTP layer itself).
   * @example "INVALID_STAGE_TRANSITION"
   */
  code!: ErrorCode | string;
  /**
   * A sentence a person can act on; never a stack trace or SQL.
   * @example "A project moves forward one stage at a time: learn, then test, then establish."
   */
  message!: string;
  /**
   * Why, where one code has several causes (see ERROR_REASONS).
   * @example "SKIPS_A_STAGE"
   */
  reason?: ErrorReason;
}
