import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from './domain-exception';

/** The next page's address, the request's own with `cursor` set (an offset is spent once a cursor says where to go on). */
export function linkNext(request: FastifyRequest, reply: FastifyReply, cursor: string | null): void {
  if (!cursor) return;
  const next = new URL(request.url, 'http://samspill.invalid');
  next.searchParams.delete('offset');
  next.searchParams.set('cursor', cursor);
  void reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
}

export type SortKey = (string | number)[];

/** A row's place in its list's order as an opaque cursor. */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The place a cursor names, checked against the list's key shape (a 400 for any other). */
export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): SortKey {
  let key: unknown = null;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  if (
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) => typeof v === shape[i] && String(v).length <= 400 && !String(v).includes('\u0000'))
  ) {
    return key as SortKey;
  }
  throw new DomainException('VALIDATION_FAILED', 'cursor must be the one from the page before');
}

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/**
 * A page of a list held in memory in the order of `keyOf` (ascending keys):
 * the rows after the cursor's place, and the next cursor when more follow.
 */
export function pageAfter<T>(
  rows: readonly T[],
  keyOf: (row: T) => SortKey,
  limit: number,
  after: SortKey | null,
): { rows: T[]; next: string | null } {
  let start = 0;
  if (after) {
    // Rows are sorted by key: the first one past the cursor.
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareKeys(keyOf(rows[mid] as T), after) <= 0) low = mid + 1;
      else high = mid;
    }
    start = low;
  }
  const page = rows.slice(start, start + limit);
  const last = page.at(-1);
  return { rows: page, next: start + limit < rows.length && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
