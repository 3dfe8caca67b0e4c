import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { OrganizationRef } from './organizations';
import { PersonRef } from './projects';
import { trim } from './transforms';
import { all, IdList, Optional } from './validators';
import {
  COMMENT_MAX_LENGTH,
  DIGEST_FREQUENCIES,
  type DigestFrequency,
  FOLLOW_ENTITY_TYPES,
  type FollowEntityType,
  MENTIONS_MAX,
  type NotificationKind,
  NOTIFICATIONS_PAGE_MAX,
  type UnsubscribeKind,
} from './values';

export { COMMENT_MAX_LENGTH, DIGEST_FREQUENCIES, FOLLOW_ENTITY_TYPES, MENTIONS_MAX, NOTIFICATIONS_PAGE_MAX } from './values';
export type { DigestFrequency, FollowEntityType, NotificationKind, UnsubscribeKind } from './values';

/**
 * Discussion next to the work (issue 12): threads on a project, a practice and a partnership; follows;
 * notifications (list, read, live stream); notification and e-mail settings; one-click unsubscribe.
 *
 * Paths (all under /api, signed in unless said otherwise):
 * - GET/POST /projects/:id/comments, /practices/:id/comments, /partnerships/:id/comments
 *   (GET: `Comment[]`, every comment of the thread oldest first; a reply carries its `parentId`)
 * - GET /projects/:id/comments/mentionable?q= (likewise practices, partnerships): people who may be mentioned
 * - PATCH /comments/:id `UpdateCommentDto` → 200 Comment (author only); DELETE /comments/:id → 204
 * - GET /comments/:id/revisions → `CommentRevision[]` (earlier wordings, oldest first)
 * - PUT /follows, DELETE /follows `FollowDto` → 204; GET /follows?entityType=&entityId= → `FollowState`
 * - GET /notifications `NotificationListQuery` → `NotificationList`; POST /notifications/read `MarkReadDto` → 204
 * - GET /notifications/stream → text/event-stream, authenticated like every other request: the
 *   `Authorization: Bearer <access token>` header (so the web app reads it with fetch() and a stream reader, not
 *   EventSource, which cannot send headers). Events: `notification` with a `NotificationEvent` as data,
 *   `ready` with `{ unread }` once at the start, and a `: heartbeat` comment line every 15 s.
 * - GET /auth/me/settings → `NotificationSettings`; PATCH /auth/me/settings `UpdateSettingsDto` → 200 `NotificationSettings`
 * - POST /unsubscribe?token=… (no sign-in; RFC 8058 one-click, any body) → 200 `UnsubscribeResult`;
 *   a forged or broken token → 400 INVALID_TOKEN and nothing changes. The mail's own link goes to the web page
 *   `/unsubscribe?token=…`, which posts the same request.
 */

export class Comment {
  /** @example "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f" */
  id!: string;
  /**
   * Plain text as written (shown escaped); '' once deleted.
   * @example "Vi prøvde tavlemøter i tre uker – hvordan fikk dere lederne med?"
   */
  text!: string;
  /**
   * The comment this one replies to (one level only), or null.
   * @example null
   */
  parentId!: string | null;
  author!: PersonRef;
  /** The author's organisation when they wrote it. */
  organization!: OrganizationRef;
  /** People mentioned (empty once deleted). */
  mentions!: PersonRef[];
  /** @example "2026-11-20T09:15:00.000Z" */
  createdAt!: string;
  /**
   * When the text was last edited, or null; earlier wordings: GET /comments/:id/revisions.
   * @example null
   */
  editedAt!: string | null;
  /** @example false */
  deleted!: boolean;
  /**
   * On a partnership's thread: written by someone from outside the partnership (a question from the floor).
   * Always false on projects and practices.
   * @example false
   */
  fromFloor!: boolean;
}

/** An earlier wording of an edited comment. */
export class CommentRevision {
  /** @example "Vi prøvde tavlemøter i to uker." */
  text!: string;
  /**
   * When this wording was replaced.
   * @example "2026-11-20T10:00:00.000Z"
   */
  replacedAt!: string;
}

/** Someone who may see the thread and so may be mentioned in it. */
export class MentionCandidate extends PersonRef {
  organization!: OrganizationRef;
}

const textRule = () =>
  all(
    Transform(trim),
    IsString({ message: 'text must be text' }),
    IsNotEmpty({ message: 'text must not be empty' }),
    MaxLength(COMMENT_MAX_LENGTH, { message: `text must be at most ${COMMENT_MAX_LENGTH} characters` }),
  );

export class CreateCommentDto {
  /**
   * Plain text, 1 to 10,000 characters after trimming; stored as written, never as HTML.
   * @example "Vi prøvde tavlemøter i tre uker – hvordan fikk dere lederne med?"
   */
  @textRule()
  text!: string;

  /** Reply to this comment of the same thread (which must not be a reply itself). */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'parentId must be the id of a comment' })
  parentId?: string | null;

  /** People to mention: each must be able to see the thread. */
  @IsOptional()
  @IdList({
    min: 0,
    minMessage: 'mentionIds must be a list',
    max: MENTIONS_MAX,
    notIds: 'mentionIds must be ids of people',
    repeated: 'mentionIds must not name a person twice',
  })
  mentionIds?: string[];
}

export class UpdateCommentDto {
  /** @example "Vi prøvde tavlemøter i fire uker – hvordan fikk dere lederne med?" */
  @textRule()
  text!: string;
}

export class MentionableQuery {
  /**
   * Part of a name.
   * @example "gun"
   */
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200) q?: string;
}

export class FollowDto {
  /** @example "project" */
  @IsIn(FOLLOW_ENTITY_TYPES, { message: `entityType must be one of: ${FOLLOW_ENTITY_TYPES.join(', ')}` })
  entityType!: FollowEntityType;

  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  @IsUUID('all', { message: 'entityId must be an id' })
  entityId!: string;
}

/** GET /follows?entityType=&entityId= : does the signed-in person follow it? */
export class FollowQuery extends FollowDto {}

export class FollowState {
  /** @example true */
  following!: boolean;
}

export class NotificationItem {
  /** @example "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a" */
  id!: string;
  /** @example "mention" */
  kind!: NotificationKind;
  /**
   * One sentence in the person's language.
   * @example "Lise Leder nevnte deg i «Tavlemøter i hjemmetjenesten»."
   */
  text!: string;
  /**
   * The web path of the thing (with `#comment-<id>` for a comment).
   * @example "/projects/6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b#comment-5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
   */
  link!: string;
  /** @example "2026-11-20T09:15:00.000Z" */
  createdAt!: string;
  /** @example null */
  readAt!: string | null;
}

export class NotificationList {
  /** Newest first. */
  items!: NotificationItem[];
  /**
   * Unread notifications in all (not only this page): the bell's count.
   * @example 3
   */
  unread!: number;
}

/** What the stream sends as `event: notification`. */
export class NotificationEvent {
  item!: NotificationItem;
  /** @example 4 */
  unread!: number;
}

export class NotificationListQuery {
  /**
   * Only unread ones.
   * @example true
   */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'unread must be true or false' })
  unread?: boolean;

  /** @example 20 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(NOTIFICATIONS_PAGE_MAX) limit?: number;

  /** @example 0 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}

/** `{ ids }` or `{ all: true }`: exactly one of them. */
export class MarkReadDto {
  @ValidateIf((o: { all?: unknown }) => o.all === undefined)
  @IsArray({ message: 'ids must be a list, or send all: true' })
  @ArrayMaxSize(NOTIFICATIONS_PAGE_MAX, { message: `ids may name at most ${NOTIFICATIONS_PAGE_MAX} notifications` })
  @IsUUID('all', { each: true, message: 'ids must be ids of notifications' })
  ids?: string[];

  @ValidateIf((o: { ids?: unknown }) => o.ids === undefined)
  @IsIn([true], { message: 'all must be true, or send ids' })
  all?: true;
}

export class NotificationSettings {
  /** @example "weekly" */
  digest!: DigestFrequency;
  /** @example true */
  emailOnMention!: boolean;
  /** @example true */
  emailOnReply!: boolean;
}

export class UpdateSettingsDto {
  /** @example "daily" */
  @Optional()
  @IsIn(DIGEST_FREQUENCIES, { message: `digest must be one of: ${DIGEST_FREQUENCIES.join(', ')}` })
  digest?: DigestFrequency;

  /** @example false */
  @Optional() @IsBoolean({ message: 'emailOnMention must be true or false' }) emailOnMention?: boolean;

  /** @example true */
  @Optional() @IsBoolean({ message: 'emailOnReply must be true or false' }) emailOnReply?: boolean;
}

export class UnsubscribeQuery {
  /** The token from the mail's link. */
  @IsString({ message: 'token must be the one from the mail' })
  @IsNotEmpty({ message: 'token must be the one from the mail' })
  @MaxLength(500, { message: 'token must be the one from the mail' })
  token!: string;
}

export class UnsubscribeResult {
  /**
   * Which mail is now switched off: the digest, or e-mail for mentions or for replies.
   * @example "digest"
   */
  kind!: UnsubscribeKind;
}
