import type { ErrorCode } from '@samspill/contracts';

/** A broken domain rule; the exception filter maps it to HTTP. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}
