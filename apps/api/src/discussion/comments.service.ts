import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Comment,
  CommentRevision,
  CreateCommentDto,
  FollowEntityType,
  MentionCandidate,
  PageQuery,
  UpdateCommentDto,
} from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { forbidden } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, pageOf } from '../common/paging';
import { onlyRow } from '../database/only-row';
import { linkTo, Notifier, USER_SEES_ENTITY_SQL } from '../notifications/notifier';
import { canWriteInThread, isFromTheFloor, type Thread, ThreadAccess, type ThreadScope } from './thread-access';

const WRITERS = 'staff and leaders who take part (and observers), or anyone on a platform partnership’s own thread';
const MENTIONABLE_MAX = 20;

interface CommentRow {
  id: string;
  text: string;
  parent_id: string | null;
  author_id: string;
  organization_id: string;
  created_at: Date;
  created_key: string;
  edited_at: Date | null;
  deleted: boolean;
}

/** The names a page of comments shows: its authors, their organisations, and whom its comments mention. */
interface Names {
  people: Map<string, string>;
  organizations: Map<string, string>;
  mentions: Map<string, { id: string; name: string }[]>;
}

/**
 * A comment's own columns: a deleted one keeps its place, without its words. Names come in one more statement for the
 * whole page (namesOf), not per row: joined or sub-selected per comment, they cost more to plan and run than the page.
 */
const COMMENT_COLUMNS = `c.id, CASE WHEN c.deleted_at IS NULL THEN c.text ELSE '' END AS text, c.parent_id, c.author_id, c.organization_id,
       c.created_at, c.created_at::text AS created_key, c.edited_at, c.deleted_at IS NOT NULL AS deleted
     FROM comments c`;

/** The people ($1) and organisations ($2) named on a page, and the mentions of its comments ($3), by name. */
const NAMES_SQL = `SELECT 'person' AS kind, u.id, u.name, NULL::uuid AS comment_id FROM users u WHERE u.id = ANY($1::uuid[])
     UNION ALL SELECT 'organization', o.id, o.name, NULL FROM organizations o WHERE o.id = ANY($2::uuid[])
     UNION ALL SELECT 'mention', mu.id, mu.name, cm.comment_id FROM comment_mentions cm JOIN users mu ON mu.id = cm.user_id
               WHERE cm.comment_id = ANY($3::uuid[])
     ORDER BY kind, name, id`;

async function namesOf(m: EntityManager, rows: CommentRow[]): Promise<Names> {
  const names: Names = { people: new Map(), organizations: new Map(), mentions: new Map() };
  if (rows.length === 0) return names;
  const found = await m.query<{ kind: 'person' | 'organization' | 'mention'; id: string; name: string; comment_id: string | null }[]>(
    NAMES_SQL,
    [
      [...new Set(rows.map((r) => r.author_id))],
      [...new Set(rows.map((r) => r.organization_id))],
      rows.filter((r) => !r.deleted).map((r) => r.id),
    ],
  );
  for (const f of found) {
    if (f.kind === 'person') names.people.set(f.id, f.name);
    else if (f.kind === 'organization') names.organizations.set(f.id, f.name);
    else if (f.comment_id) names.mentions.set(f.comment_id, [...(names.mentions.get(f.comment_id) ?? []), { id: f.id, name: f.name }]);
  }
  return names;
}

function toComment(r: CommentRow, names: Names, thread: ThreadScope): Comment {
  return {
    id: r.id,
    text: r.text,
    parentId: r.parent_id,
    author: { id: r.author_id, name: names.people.get(r.author_id) ?? '' },
    organization: { id: r.organization_id, name: names.organizations.get(r.organization_id) ?? '' },
    mentions: names.mentions.get(r.id) ?? [],
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    deleted: r.deleted,
    fromFloor: isFromTheFloor(thread, r.organization_id),
  };
}

export interface NewComment extends CreateCommentDto {
  /** Back-dates it (the demo seed). */
  at?: Date;
}

/**
 * Threads next to the work. Anyone who may see the thing reads its thread; who writes is canWriteInThread.
 * Replies go one level deep; an edit keeps the earlier wording; a deletion keeps the comment's place.
 * Text is stored as written (plain text) and never interpreted.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly threads: ThreadAccess,
    private readonly notifier: Notifier,
  ) {}

  /** Oldest first, a page at a time. */
  async list(actor: Actor, type: FollowEntityType, id: string, page: PageQuery): Promise<Page<Comment>> {
    const thread = await this.threads.readable(actor, type, id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const rows = await this.dataSource.query<CommentRow[]>(
      `SELECT ${COMMENT_COLUMNS}
       WHERE c.entity_type = $1 AND c.entity_id = $2 ${after ? 'AND (c.created_at, c.id) > ($4::timestamptz, $5::uuid)' : ''}
       ORDER BY c.created_at, c.id LIMIT $3`,
      [type, id, limit + 1, ...(after ?? [])],
    );
    const names = await namesOf(this.dataSource.manager, rows.slice(0, limit));
    return pageOf(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => toComment(r, names, thread),
    );
  }

  /** People who may see the thread, by name: whom a comment may mention. */
  async mentionable(actor: Actor, type: FollowEntityType, id: string, q: string | undefined): Promise<MentionCandidate[]> {
    await this.threads.readable(actor, type, id);
    const rows = await this.dataSource.query<{ id: string; name: string; organization_id: string; organization_name: string }[]>(
      `SELECT u.id, u.name, o.id AS organization_id, o.name AS organization_name
       FROM users u JOIN organizations o ON o.id = u.organization_id
       WHERE u.active AND ${USER_SEES_ENTITY_SQL} AND ($1::text IS NULL OR u.name ILIKE '%' || $1 || '%')
       ORDER BY u.name, u.id LIMIT ${MENTIONABLE_MAX}`,
      [q ? q.replace(/[\\%_]/g, (c) => `\\${c}`) : null, type, id],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, organization: { id: r.organization_id, name: r.organization_name } }));
  }

  async create(
    actor: Actor,
    user: { id: string; name: string },
    type: FollowEntityType,
    entityId: string,
    dto: NewComment,
  ): Promise<Comment> {
    const thread = await this.threads.visible(actor, type, entityId);
    if (!canWriteInThread(actor, thread)) throw forbidden(actor, WRITERS);
    const organizationId = actor.organizationId;
    if (!organizationId) {
      throw new DomainException('ORGANIZATION_REQUIRED', 'A comment is written from an organisation; an admin without one cannot write.');
    }
    const mentionIds = [...new Set(dto.mentionIds ?? [])];
    return this.dataSource.transaction(async (m) => {
      const parent = dto.parentId ? await this.parentIn(m, thread, dto.parentId) : null;
      await this.checkMentions(m, thread, mentionIds);
      const { id } = onlyRow(
        await m.query<{ id: string }[]>(
          `INSERT INTO comments (entity_type, entity_id, parent_id, author_id, organization_id, text, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, clock_timestamp())) RETURNING id`,
          [type, entityId, parent?.id ?? null, user.id, organizationId, dto.text, dto.at ?? null],
        ),
      );
      if (mentionIds.length > 0) {
        await m.query(`INSERT INTO comment_mentions (comment_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, mentionIds]);
      }
      await recordAudit(m, {
        action: 'comment.create',
        entityType: 'comment',
        entityId: id,
        concerns: [organizationId],
        after: { entityType: type, entityId, parentId: parent?.id ?? null, text: dto.text, mentionIds },
      });
      await this.notify(m, thread, {
        id,
        authorId: user.id,
        authorName: user.name,
        parentAuthorId: parent?.author_id ?? null,
        mentionIds,
        at: dto.at,
      });
      await this.notifier.follow(m, user.id, thread);
      return this.one(m, id, thread);
    });
  }

  /** The author rewords it (403 for anyone else); the earlier wording is kept. */
  async update(actor: Actor, userId: string, id: string, dto: UpdateCommentDto): Promise<Comment> {
    const { row: current, thread } = await this.editable(actor, userId, id);
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query<{ text: string; deleted: boolean }[]>(
        `SELECT text, deleted_at IS NOT NULL AS deleted FROM comments WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked || locked.deleted) throw new DomainException('COMMENT_DELETED', 'A deleted comment cannot be edited.', 409);
      if (locked.text !== dto.text) {
        await m.query(`INSERT INTO comment_revisions (comment_id, text, edited_by) VALUES ($1, $2, $3)`, [id, locked.text, userId]);
        await m.query(`UPDATE comments SET text = $2, edited_at = clock_timestamp() WHERE id = $1`, [id, dto.text]);
      }
      await recordAudit(m, {
        action: 'comment.update',
        entityType: 'comment',
        entityId: id,
        concerns: [current.organization_id],
        before: { text: locked.text },
        after: { text: dto.text },
      });
      return this.one(m, id, thread);
    });
  }

  /** The author (or an admin) deletes it: it stays in its place as "deleted", so replies keep their context. */
  async remove(actor: Actor, userId: string, id: string): Promise<void> {
    const { row: current } = await this.editable(actor, userId, id, true);
    await this.dataSource.transaction(async (m) => {
      const changed = await m.query<[unknown[], number]>(
        `UPDATE comments SET deleted_at = clock_timestamp(), text = '' WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      );
      if (changed[1] === 0) throw new DomainException('COMMENT_DELETED', 'The comment is already deleted.', 409);
      await recordAudit(m, { action: 'comment.delete', entityType: 'comment', entityId: id, concerns: [current.organization_id] });
    });
  }

  async revisions(actor: Actor, id: string): Promise<CommentRevision[]> {
    const { row: comment } = await this.find(actor, id);
    if (comment.deleted) return [];
    const rows = await this.dataSource.query<{ text: string; replaced_at: Date }[]>(
      `SELECT text, replaced_at FROM comment_revisions WHERE comment_id = $1 ORDER BY replaced_at, id`,
      [id],
    );
    return rows.map((r) => ({ text: r.text, replacedAt: r.replaced_at.toISOString() }));
  }

  private async one(m: EntityManager, id: string, thread: ThreadScope): Promise<Comment> {
    const row = onlyRow(await m.query<CommentRow[]>(`SELECT ${COMMENT_COLUMNS} WHERE c.id = $1`, [id]));
    return toComment(row, await namesOf(m, [row]), thread);
  }

  /** A comment in a thread the person may see (404 otherwise). */
  private async find(actor: Actor, id: string) {
    const [row] = await this.dataSource.query<
      { entity_type: FollowEntityType; entity_id: string; author_id: string; organization_id: string; deleted: boolean }[]
    >(`SELECT entity_type, entity_id, author_id, organization_id, deleted_at IS NOT NULL AS deleted FROM comments WHERE id = $1`, [id]);
    if (!row) throw notFound('comment');
    try {
      return { row, thread: await this.threads.readable(actor, row.entity_type, row.entity_id) };
    } catch {
      throw notFound('comment');
    }
  }

  private async editable(actor: Actor, userId: string, id: string, adminToo = false) {
    const found = await this.find(actor, id);
    const mine = found.row.author_id === userId;
    if (!mine && !(adminToo && actor.role === 'admin')) {
      throw forbidden(actor, 'the author of the comment');
    }
    return found;
  }

  /** A reply answers a top-level comment of the same thread. */
  private async parentIn(m: EntityManager, thread: Thread, parentId: string) {
    const [parent] = await m.query<{ id: string; parent_id: string | null; author_id: string; entity_type: string; entity_id: string }[]>(
      `SELECT id, parent_id, author_id, entity_type, entity_id FROM comments WHERE id = $1`,
      [parentId],
    );
    if (!parent || parent.entity_type !== thread.type || parent.entity_id !== thread.id) {
      throw new DomainException('INVALID_PARENT', 'parentId must be a comment of this thread.', 400, 'NOT_IN_THREAD');
    }
    if (parent.parent_id !== null) {
      throw new DomainException(
        'INVALID_PARENT',
        'A reply answers a comment, not another reply: reply to the comment above.',
        400,
        'REPLY_TO_A_REPLY',
      );
    }
    return parent;
  }

  /** Every person mentioned must be able to see the thread; unknown people are refused the same way. */
  private async checkMentions(m: EntityManager, thread: Thread, mentionIds: string[]): Promise<void> {
    if (mentionIds.length === 0) return;
    const [row] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active AND ${USER_SEES_ENTITY_SQL}`,
      [mentionIds, thread.type, thread.id],
    );
    if ((row?.n ?? 0) !== mentionIds.length) {
      throw new DomainException('INVALID_MENTIONS', 'mentionIds may only name people who can see this thread.');
    }
  }

  /** Mentioned people, the author replied to, then the thread's followers: each told once, by the most specific kind. */
  private async notify(
    m: EntityManager,
    thread: Thread,
    c: { id: string; authorId: string; authorName: string; parentAuthorId: string | null; mentionIds: string[]; at?: Date },
  ): Promise<void> {
    const entity = { type: thread.type, id: thread.id };
    const base = { actorId: c.authorId, data: { actor: c.authorName, title: thread.title }, link: linkTo(entity, c.id), entity, at: c.at };
    const told = new Set<string>([c.authorId]);
    await this.notifier.raise(m, { ...base, kind: 'mention', userIds: c.mentionIds });
    c.mentionIds.forEach((u) => told.add(u));
    if (c.parentAuthorId && !told.has(c.parentAuthorId)) {
      await this.notifier.raise(m, { ...base, kind: 'reply', userIds: [c.parentAuthorId] });
      told.add(c.parentAuthorId);
    }
    const followers = (await this.notifier.followersOf(m, entity)).filter((u) => !told.has(u));
    await this.notifier.raise(m, { ...base, kind: 'comment', userIds: followers });
  }
}
