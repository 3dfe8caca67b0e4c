import type { ErrorCode, ErrorReasonOf } from '@samspill/contracts';

/** A broken domain rule; the exception filter maps it to HTTP, with its reason where the code has several. */
export class DomainException<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly statusCode = 400,
    readonly reason?: ErrorReasonOf<C>,
  ) {
    super(message);
  }

  /** What a 404 did not find, so that each language can name it. */
  thing?: Findable;
}

/** What a 404 names, in the words the person used to ask. */
export type Findable =
  | 'partnership'
  | 'focus area'
  | 'project'
  | 'answer'
  | 'log entry'
  | 'indicator'
  | 'user'
  | 'measurement'
  | 'benefit'
  | 'follow-up'
  | 'practice'
  // issue 10
  | 'organization'
  | 'invitation'
  | 'session'
  // issue 15
  | 'identity provider'
  // issue 12
  | 'comment';

/**
 * The one 404: the same answer whether the thing does not exist or is hidden
 * from the asker, so outsiders cannot learn that it exists.
 */
export function notFound(thing: Findable): DomainException<'NOT_FOUND'> {
  const exception = new DomainException('NOT_FOUND', `No such ${thing}.`, 404);
  exception.thing = thing;
  return exception;
}
