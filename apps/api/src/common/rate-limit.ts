import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@samspill/contracts';

/** Every rate limit counts in fixed windows of this length (see the rate_counters migration). */
export const RATE_WINDOW_SECONDS = 60;

/**
 * One hit on the counter `key` (an SQL expression), in one statement: the
 * row lock makes parallel hits count one by one. `source` optionally makes
 * the hit conditional (`FROM … WHERE …`). Returns `hits` in the current
 * window and `retry_after`, the seconds until the window ends.
 */
export function countHitSql(key: string, source = ''): string {
  const expired = `c.window_start <= now() - interval '${RATE_WINDOW_SECONDS} seconds'`;
  return `INSERT INTO rate_counters AS c (key, window_start, hits)
    SELECT ${key}, now(), 1 ${source}
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN ${expired} THEN 1 ELSE c.hits + 1 END,
      window_start = CASE WHEN ${expired} THEN now() ELSE c.window_start END
    RETURNING c.hits, greatest(1, ceil(extract(epoch FROM c.window_start + interval '${RATE_WINDOW_SECONDS} seconds' - now())))::int AS retry_after`;
}

/** Old windows only matter for a minute; pruned now and then rather than on a timer. */
export const PRUNE_RATE_COUNTERS_SQL = `DELETE FROM rate_counters WHERE window_start < now() - interval '1 hour'`;

/** A 429 that tells the client when to try again (the filter sends it as Retry-After). */
export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    code: ErrorCode,
    message: string,
  ) {
    super({ code, message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
