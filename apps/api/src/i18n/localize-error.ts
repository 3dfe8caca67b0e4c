import type { ErrorResponse } from '@samspill/contracts';
import { ERROR_CODES, type ErrorCode, type Locale } from '@samspill/contracts/values';
import type { Findable } from '../common/domain-exception';
import type { ErrorMessages } from './error-messages';
import { errorMessagesDa } from './error-messages.da';
import { errorMessagesFi } from './error-messages.fi';
import { errorMessagesNb } from './error-messages.nb';
import { errorMessagesNn } from './error-messages.nn';
import { errorMessagesSv } from './error-messages.sv';

const ERROR_MESSAGES: Record<Exclude<Locale, 'en'>, ErrorMessages> = {
  nb: errorMessagesNb,
  nn: errorMessagesNn,
  da: errorMessagesDa,
  sv: errorMessagesSv,
  fi: errorMessagesFi,
};

/** What the refusal was about, where its sentence names it. */
export interface ErrorHint {
  /** What a 404 did not find. */
  thing?: Findable;
  /** `GET /api/…` for an address the API does not have. */
  endpoint?: string;
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The refusal in the reader's language: the sentence for its code (and reason), keeping a validation refusal's
 * field-by-field details. English keeps the sentence written where the refusal was raised.
 */
export function localizeError(body: ErrorResponse, locale: Locale, hint: ErrorHint = {}): ErrorResponse {
  if (locale === 'en') return body;
  const m = ERROR_MESSAGES[locale];
  const code = body.code;
  let message: string;
  if (hint.endpoint) message = `${m.noSuchEndpoint}: ${hint.endpoint}`;
  else if (code === 'NOT_FOUND' && hint.thing) message = m.notFound[hint.thing];
  else if (body.reason && code in m.reasons) message = (m.reasons as Record<string, Record<string, string>>)[code]?.[body.reason] ?? '';
  else if (isErrorCode(code)) message = m.codes[code];
  else message = body.statusCode >= 500 ? m.codes.INTERNAL_ERROR : m.codes.BAD_REQUEST;
  if (!message) message = isErrorCode(code) ? m.codes[code] : m.codes.BAD_REQUEST;
  if (code === 'VALIDATION_FAILED' && body.message) message = `${message} ${m.details}: ${body.message}`;
  return { ...body, message };
}
