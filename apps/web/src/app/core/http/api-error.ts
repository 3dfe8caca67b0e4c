import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorCode, ErrorResponse } from '@samspill/contracts';
import { nb } from '../i18n/nb';
import type { MessageKey } from '../i18n/messages';

/** What the web app shows for a failed request: a sentence, and the server's own words where they help. */
export interface ApiProblem {
  key: MessageKey;
  status: number;
  code: string | null;
  /** The server's message for a 400 or 409: it names the field that was refused. */
  detail: string | null;
}

const KNOWN_CODES = new Set<string>(Object.keys(nb.errors.codes));

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code);
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
    return { key: `errors.codes.${code}`, status: error.status, code, detail };
  }
  if (error.status === 429) return { key: 'errors.codes.TOO_MANY_ATTEMPTS', status: 429, code, detail: null };
  if (error.status >= 500) return { key: 'errors.server', status: error.status, code, detail: null };
  return { key: 'errors.unexpected', status: error.status, code, detail };
}
