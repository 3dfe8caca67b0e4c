import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainException } from './domain-exception';

/** The page size of a list when ?limit= is not given (organisations and partnerships excepted). */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of a list: sent as a JSON array, with a Link header when `next` is set (see PagingInterceptor). */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly limit: number,
    /** The cursor of the next page, or null on the last one. */
    readonly next: string | null,
  ) {}

  map<U>(toItem: (item: T) => U): Page<U> {
    return new Page(this.items.map(toItem), this.limit, this.next);
  }
}

/** What a position in a list's order is made of, part by part (each is checked before it reaches SQL). */
export type CursorPart = 'uuid' | 'timestamp' | 'date' | 'text';

const PART_PATTERNS: Record<Exclude<CursorPart, 'text'>, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  // PostgreSQL's text form of timestamptz, microseconds kept (a JS Date would drop them).
  timestamp: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/** Sort-key values of the last row shown, as an opaque URL-safe cursor. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor this API gave out, or a 400; undefined when there is none (the first page). */
export function decodeCursor(cursor: string | undefined, parts: CursorPart[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const valid =
    Array.isArray(values) &&
    values.length === parts.length &&
    values.every(
      (v, i) =>
        typeof v === 'string' &&
        v.length <= 400 &&
        !v.includes('\u0000') &&
        (parts[i] === 'text' || PART_PATTERNS[parts[i] as Exclude<CursorPart, 'text'>].test(v)),
    );
  if (!valid) throw new DomainException('VALIDATION_FAILED', 'cursor must be the one from the Link header of the page before');
  return values as string[];
}

/** Keeps `limit` of the `limit + 1` rows asked for: the extra row only tells that there is a next page. */
export function pageOf<R, T>(rows: R[], limit: number, cursorOf: (row: R) => string[], toItem: (row: R) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return new Page(shown.map(toItem), limit, rows.length > limit && last ? encodeCursor(cursorOf(last)) : null);
}

/**
 * A page of an entity query in (name, id) order, for the lists ordered by
 * name (users, organisations); `caseInsensitive` orders by lower(name).
 */
export async function pageByName<T extends ObjectLiteral & { id: string; name: string }>(
  query: SelectQueryBuilder<T>,
  page: { limit?: number; cursor?: string },
  defaultLimit: number,
  { caseInsensitive = false } = {},
): Promise<Page<T>> {
  const limit = page.limit ?? defaultLimit;
  const after = decodeCursor(page.cursor, ['text', 'uuid']);
  const alias = query.alias;
  const name = caseInsensitive ? `lower(${alias}.name)` : `${alias}.name`;
  query
    .orderBy(name, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(limit + 1);
  if (after) {
    query.andWhere(`(${name}, ${alias}.id) > (${caseInsensitive ? 'lower(:name)' : ':name'}, CAST(:id AS uuid))`, {
      name: after[0],
      id: after[1],
    });
  }
  return pageOf(
    await query.getMany(),
    limit,
    (row) => [row.name, row.id],
    (row) => row,
  );
}

/** Sends a Page as the plain array the contract promises, and the next page's address as `Link: <…>; rel="next"`. */
@Injectable()
export class PagingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Page)) return result;
        const http = context.switchToHttp();
        linkNext(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), result.next, result.limit);
        return result.items;
      }),
    );
  }
}

/**
 * Announces the next page as `Link: <…>; rel="next"`: the request's own address
 * (its filters kept) with `cursor` set and the page size spelled out; an offset
 * is spent once a cursor says where to go on.
 */
export function linkNext(request: FastifyRequest, reply: FastifyReply, cursor: string | null, limit?: number): void {
  if (!cursor) return;
  const next = new URL(request.url, 'http://samspill.invalid');
  next.searchParams.delete('offset');
  if (limit !== undefined) next.searchParams.set('limit', String(limit));
  next.searchParams.set('cursor', cursor);
  void reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
}

/** A place in the order of a list held in memory (the cached overview's rows). */
export type SortKey = (string | number)[];

/** The place a cursor names, checked against the key's shape (a 400 for any other). */
export function decodeSortKey(cursor: string, shape: ('string' | 'number')[]): SortKey {
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
  throw new DomainException('VALIDATION_FAILED', 'cursor must be the one from the Link header of the page before');
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
    // Rows are sorted by key: binary search for the first one past the cursor.
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
