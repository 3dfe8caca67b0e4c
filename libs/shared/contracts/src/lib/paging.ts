import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { all } from './validators';

/** The largest page most lists answer; `?limit=` above it is refused. */
export const PAGE_SIZE_MAX = 500;
/** Organisations and partnerships: the web app shows them whole in pickers, so their pages are larger. */
export const DIRECTORY_PAGE_SIZE_MAX = 2000;

const CURSOR_MESSAGE = 'cursor must be the one from the Link header of the page before';

const limitUpTo = (max: number) =>
  all(
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );

const cursorField = () =>
  all(
    IsOptional(),
    IsString({ message: CURSOR_MESSAGE }),
    MaxLength(1000, { message: CURSOR_MESSAGE }),
    Matches(/^[A-Za-z0-9_-]+$/, { message: CURSOR_MESSAGE }),
  );

/**
 * `?limit=&cursor=` of a list. The answer stays a JSON array; when there is
 * more, a `Link: <…>; rel="next"` header gives the next page's address with
 * its cursor (a position in the order, never an offset).
 */
export class PageQuery {
  @limitUpTo(PAGE_SIZE_MAX) limit?: number;
  @cursorField() cursor?: string;
}

export class DirectoryPageQuery {
  @limitUpTo(DIRECTORY_PAGE_SIZE_MAX) limit?: number;
  @cursorField() cursor?: string;
}
