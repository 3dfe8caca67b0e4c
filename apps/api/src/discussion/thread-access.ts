import { Injectable } from '@nestjs/common';
import type { FollowEntityType } from '@samspill/contracts';
import type { Actor, PartnershipScope } from '@samspill/domain';
import { notFound } from '../common/domain-exception';
import { Database } from '../database/database';
import { PartnershipAccess } from '../partnerships/partnership-access';

/** What a thread hangs on: a project, a practice or a partnership the person may see. */
export interface Thread {
  type: FollowEntityType;
  id: string;
  /** The project's or practice's title, the partnership's name. */
  title: string;
  /** The partnership (of the project), or null for a practice (published to everyone). */
  partnership: (PartnershipScope & { id: string }) | null;
}

/** Who may write in a thread: the one rule, shared with the web app (`canWriteInThread` in @samspill/domain). */
export { canWriteInThread } from '@samspill/domain';

@Injectable()
export class ThreadAccess {
  constructor(
    private readonly access: PartnershipAccess,
    private readonly db: Database,
  ) {}

  /** The thing, when the person may see it; the same 404 when it is hidden or missing. */
  async visible(actor: Actor, type: FollowEntityType, id: string): Promise<Thread> {
    if (type === 'project') {
      const project = await this.access.visibleProject(actor, id);
      const [row] = await this.db.reader().query<{ title: string }[]>(`SELECT title FROM projects WHERE id = $1`, [id]);
      return { type, id, title: row?.title ?? '', partnership: project.partnership };
    }
    if (type === 'partnership') {
      const partnership = await this.access.visiblePartnership(actor, id);
      const [row] = await this.db.reader().query<{ name: string }[]>(`SELECT name FROM partnerships WHERE id = $1`, [id]);
      return { type, id, title: row?.name ?? '', partnership };
    }
    const [practice] = await this.db.reader().query<{ title: string }[]>(`SELECT title FROM practices WHERE id = $1`, [id]);
    if (!practice) throw notFound('practice');
    return { type, id, title: practice.title, partnership: null };
  }
}
