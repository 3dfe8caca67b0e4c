import { Injectable } from '@nestjs/common';
import type { FollowEntityType } from '@samspill/contracts';
import type { Actor, PartnershipScope } from '@samspill/domain';
import { notFound } from '../common/domain-exception';
import { Database } from '../database/database';
import { PartnershipAccess } from '../partnerships/partnership-access';

/** Where a thread hangs, once the person may see it: what reading it needs. */
export interface ThreadScope {
  type: FollowEntityType;
  id: string;
  /** The partnership (of the project), or null for a practice (published to everyone). */
  partnership: (PartnershipScope & { id: string }) | null;
}

/** What a thread hangs on: a project, a practice or a partnership the person may see, with what a notification names it by. */
export interface Thread extends ThreadScope {
  /** The project's or practice's title, the partnership's name. */
  title: string;
}

/** Who may write in a thread: the one rule, shared with the web app (`canWriteInThread` in @samspill/domain). */
export { canWriteInThread } from '@samspill/domain';

/** A comment on a partnership's own thread from an organisation neither member nor observer there: a question from the floor. */
export function isFromTheFloor(thread: ThreadScope, organizationId: string): boolean {
  if (thread.type !== 'partnership' || !thread.partnership) return false;
  const { memberIds, observerIds = [] } = thread.partnership;
  return !memberIds.includes(organizationId) && !observerIds.includes(organizationId);
}

@Injectable()
export class ThreadAccess {
  constructor(
    private readonly access: PartnershipAccess,
    private readonly db: Database,
  ) {}

  /** The thing, when the person may see it; the same 404 when it is hidden or missing. */
  async visible(actor: Actor, type: FollowEntityType, id: string): Promise<Thread> {
    if (type === 'practice') {
      const [practice] = await this.db.reader().query<{ title: string }[]>(`SELECT title FROM practices WHERE id = $1`, [id]);
      if (!practice) throw notFound('practice');
      return { type, id, title: practice.title, partnership: null };
    }
    const thread = await this.readable(actor, type, id);
    const [row] = await this.db
      .reader()
      .query<{ title: string }[]>(
        type === 'project' ? `SELECT title FROM projects WHERE id = $1` : `SELECT name AS title FROM partnerships WHERE id = $1`,
        [id],
      );
    return { ...thread, title: row?.title ?? '' };
  }

  /** As visible(), without the title: reading a thread needs no more (one statement fewer per page). */
  async readable(actor: Actor, type: FollowEntityType, id: string): Promise<ThreadScope> {
    if (type === 'project') {
      const project = await this.access.visibleProject(actor, id);
      return { type, id, partnership: project.partnership };
    }
    if (type === 'partnership') {
      return { type, id, partnership: await this.access.visiblePartnership(actor, id) };
    }
    const [practice] = await this.db.reader().query<unknown[]>(`SELECT 1 FROM practices WHERE id = $1`, [id]);
    if (!practice) throw notFound('practice');
    return { type, id, partnership: null };
  }
}
