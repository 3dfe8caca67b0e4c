import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerFollowUpDto, FollowUpAnswer, FollowUpQuery, FollowUpResponse } from '@samspill/contracts';
import { type Actor, canAnswerFollowUp, followUpStatus, today } from '@samspill/domain';
import { followUpStatusSql, visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource } from 'typeorm';
import { forbidden } from '../common/actor';
import { notFound } from '../common/domain-exception';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { recordAudit } from '../audit/audit-trail';

interface FollowUpRow {
  id: string;
  project_id: string;
  project_title: string;
  organization_id: string;
  organization_name: string;
  due_on: string;
  answer: FollowUpAnswer | null;
  note: string | null;
  answered_at: Date | null;
}

const FOLLOW_UP_SELECT = `SELECT f.id, pr.id AS project_id, pr.title AS project_title, o.id AS organization_id, o.name AS organization_name,
    to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.answer, f.note, f.answered_at
  FROM follow_ups f JOIN projects pr ON pr.id = f.project_id JOIN partnerships p ON p.id = pr.partnership_id
  JOIN organizations o ON o.id = f.organization_id`;

/** Holding the gains: is an established practice still held 6, 12 and 24 months on? */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  /** The follow-ups of every project you may see, by due day. */
  async list(actor: Actor, query: FollowUpQuery): Promise<FollowUpResponse[]> {
    const on = today();
    const params: unknown[] = [actor.organizationId];
    const where = [visiblePartnershipSql(actor, 'p', '$1')];
    if (query.status) {
      params.push(on, query.status);
      where.push(`${followUpStatusSql('f', `$${params.length - 1}`)} = $${params.length}`);
    }
    if (query.organizationId) {
      params.push(query.organizationId);
      where.push(`f.organization_id = $${params.length}`);
    }
    const rows = await this.dataSource.query<FollowUpRow[]>(
      `${FOLLOW_UP_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY f.due_on, pr.title, o.name, f.id LIMIT ${query.limit ?? 100}`,
      params,
    );
    return rows.map((r) => toFollowUpResponse(r, on));
  }

  /** Answered once, by a leader of the organisation asked or an admin; a second answer is refused (409). `at` back-dates it (demo seed only). */
  async answer(actor: Actor, userId: string, id: string, dto: AnswerFollowUpDto, at?: Date): Promise<FollowUpResponse> {
    const [found] = await this.dataSource.query<{ project_id: string; organization_id: string }[]>(
      `SELECT project_id, organization_id FROM follow_ups WHERE id = $1`,
      [id],
    );
    if (!found) throw notFound('follow-up');
    await this.access.visibleProject(actor, found.project_id, 'follow-up');
    if (!canAnswerFollowUp(actor, { organizationId: found.organization_id })) {
      throw forbidden(actor, 'leaders of the organisation asked');
    }
    // Only an unanswered follow-up matches: of two answers at once, one wins. (A bare UPDATE would answer [rows, count].)
    const answered = await this.dataSource.transaction(async (m) => {
      const rows = await m.query<{ id: string }[]>(
        `WITH answered AS (
         UPDATE follow_ups SET answer = $2, note = nullif($3, ''), answered_by = $4, answered_at = coalesce($5::timestamptz, clock_timestamp())
         WHERE id = $1 AND answer IS NULL RETURNING id
       ) SELECT id FROM answered`,
        [id, dto.status, dto.note ?? null, userId, at ?? null],
      );
      if (rows.length > 0) {
        await recordAudit(m, {
          action: 'follow_up.answer',
          entityType: 'follow_up',
          entityId: id,
          concerns: [found.organization_id],
          after: { projectId: found.project_id, organizationId: found.organization_id, status: dto.status, note: dto.note ?? null },
        });
      }
      return rows;
    });
    if (answered.length === 0) {
      throw new ConflictException({ code: 'FOLLOW_UP_ANSWERED', message: 'This follow-up has already been answered; an answer stands.' });
    }
    const [row] = await this.dataSource.query<FollowUpRow[]>(`${FOLLOW_UP_SELECT} WHERE f.id = $1`, [id]);
    return toFollowUpResponse(row as FollowUpRow, today());
  }
}

function toFollowUpResponse(r: FollowUpRow, on: string): FollowUpResponse {
  return {
    id: r.id,
    project: { id: r.project_id, title: r.project_title },
    organization: { id: r.organization_id, name: r.organization_name },
    dueOn: r.due_on,
    status: followUpStatus({ dueOn: r.due_on, answer: r.answer }, on),
    note: r.note,
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
  };
}
