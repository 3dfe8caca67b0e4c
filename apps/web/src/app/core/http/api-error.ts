import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorCode, ErrorReason, ErrorResponse } from '@samspill/contracts';
import { ERROR_CODES, ERROR_REASONS } from '@samspill/contracts/values';
import type { MessageKey } from '../i18n/messages';

/** What the web app shows for a failed request: a sentence, and the server's own words where they help. */
export interface ApiProblem {
  key: MessageKey;
  status: number;
  code: string | null;
  /** Why, where one code has several causes; the key is then that cause's own sentence. */
  reason?: ErrorReason;
  /** The server's message for a 400 or 409: it names the field that was refused. */
  detail: string | null;
}

function isKnownCode(code: unknown): code is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(code);
}

/** The code's reasons, none for a code with a single cause. */
const REASONS: Partial<Record<ErrorCode, readonly string[]>> = ERROR_REASONS;

function isReasonOf(code: ErrorCode, reason: unknown): reason is ErrorReason {
  return REASONS[code]?.includes(reason as string) ?? false;
}

/**
 * The sentence for a refusal: the reason's own when it has one. The cast is
 * safe: the bokmål dictionary must name every reason of every code (its type
 * says so), and every other dictionary has the bokmål keys.
 */
function codeKey(code: ErrorCode, reason: ErrorReason | undefined): MessageKey {
  return reason ? (`errors.reasons.${code}.${reason}` as MessageKey) : `errors.codes.${code}`;
}

function errorBody(error: HttpErrorResponse): Partial<ErrorResponse> | null {
  const body: unknown = error.error;
  return typeof body === 'object' && body !== null ? (body as Partial<ErrorResponse>) : null;
}

/** Maps any failure to a message key; never shows a bare status number. */
export function toApiProblem(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { key: 'errors.unexpected', status: 0, code: null, detail: null };
  }
  const body = errorBody(error);
  const code = typeof body?.code === 'string' ? body.code : null;
  const detail = (error.status === 400 || error.status === 409) && typeof body?.message === 'string' ? body.message : null;
  if (error.status === 0) return { key: 'errors.network', status: 0, code, detail: null };
  if (isKnownCode(code)) {
    const given = body?.reason;
    const reason = isReasonOf(code, given) ? given : undefined;
    return { key: codeKey(code, reason), status: error.status, code, ...(reason ? { reason } : {}), detail };
  }
  if (error.status === 429) return { key: 'errors.codes.TOO_MANY_ATTEMPTS', status: 429, code, detail: null };
  if (error.status >= 500) return { key: 'errors.server', status: error.status, code, detail: null };
  return { key: 'errors.unexpected', status: error.status, code, detail };
}
