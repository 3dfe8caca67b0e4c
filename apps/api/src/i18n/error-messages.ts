import type { CodeWithReasons, ErrorCode, ErrorReasonOf } from '@samspill/contracts';
import type { Findable } from '../common/domain-exception';

/**
 * The API's refusals in one language. English is not here: its sentences are the ones written where each
 * refusal is raised, with the detail of the case; the other languages say the same per code and reason.
 */
export interface ErrorMessages {
  codes: Record<ErrorCode, string>;
  reasons: { [C in CodeWithReasons]: Record<ErrorReasonOf<C>, string> };
  /** "No such project." — the one 404, naming what was asked for. */
  notFound: Record<Findable, string>;
  /** Before `GET /api/…` for an address the API does not have. */
  noSuchEndpoint: string;
  /** Before the (English) field-by-field details of a validation refusal. */
  details: string;
}
