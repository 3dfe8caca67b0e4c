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
export function encodeCursor(values: string[]): string {
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
        if (result.next) {
          const http = context.switchToHttp();
          const path = http.getRequest<FastifyRequest>().url.split('?')[0];
          void http.getResponse<FastifyReply>().header('link', `<${path}?limit=${result.limit}&cursor=${result.next}>; rel="next"`);
        }
        return result.items;
      }),
    );
  }
}
