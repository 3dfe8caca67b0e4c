import { ConflictException, ForbiddenException, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AnswerResponse,
  CreateAnswerDto,
  CreateProjectFromAnswerDto,
  ProjectResponse,
  Question,
  QuestionsResponse,
  UpdateAnswerDto,
} from '@samspill/contracts';
import { type Actor, canAnswerQuestions, canEditAnswer } from '@samspill/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { changedFields, nothingToRecord, recordAudit } from '../audit/audit-trail';
import { linkTo, Notifier } from '../notifications/notifier';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { ProjectsService } from '../projects/projects.service';
import { Database } from '../database/database';

interface AnswerRow {
  id: string;
  partnership_id: string;
  from_organization_id: string;
  to_organization_id: string;
  question: Question;
  text: string;
  focus_area_id: string | null;
  author_id: string;
  author_name: string;
  created_at: Date;
  project_id: string | null;
}

const ANSWER_SELECT = `SELECT a.id, a.partnership_id, a.from_organization_id, a.to_organization_id, a.question, a.text,
    a.focus_area_id, a.author_id, u.name AS author_name, a.created_at, pr.id AS project_id
  FROM answers a JOIN users u ON u.id = a.author_id LEFT JOIN projects pr ON pr.source_answer_id = a.id`;

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly access: PartnershipAccess,
    private readonly projects: ProjectsService,
    @Optional() private readonly notifier: Notifier = new Notifier(null),
  ) {}

  /** Every ordered pair of members, each with its three lists of answers. Two queries in all. */
  async questions(actor: Actor, partnershipId: string): Promise<QuestionsResponse> {
    await this.access.visiblePartnership(actor, partnershipId);
    const [members, answers] = await Promise.all([
      this.db.reader().query<{ id: string; name: string }[]>(
        `SELECT o.id, o.name FROM partnership_members m JOIN organizations o ON o.id = m.organization_id
         WHERE m.partnership_id = $1 ORDER BY o.name`,
        [partnershipId],
      ),
      this.db.reader().query<AnswerRow[]>(`${ANSWER_SELECT} WHERE a.partnership_id = $1 ORDER BY a.created_at, a.id`, [partnershipId]),
    ]);
    const pairs = members.flatMap((from) =>
      members
        .filter((to) => to.id !== from.id)
        .map((to) => {
          const mine = answers.filter((a) => a.from_organization_id === from.id && a.to_organization_id === to.id);
          const of = (q: Question) => mine.filter((a) => a.question === q).map(toAnswerResponse);
          return { from, to, theyLearnFromUs: of('theyLearnFromUs'), weLearnFromThem: of('weLearnFromThem'), doTogether: of('doTogether') };
        }),
    );
    return { pairs };
  }

  /** `at` back-dates the answer; only the demo seed passes it. */
  async create(actor: Actor, userId: string, partnershipId: string, dto: CreateAnswerDto, at?: Date): Promise<AnswerResponse> {
    const partnership = await this.access.visiblePartnership(actor, partnershipId);
    if (!canAnswerQuestions(actor, partnership)) throw forbidden(actor, 'staff and leaders of a member organisation');
    let fromId = actor.organizationId;
    if (actor.role === 'admin') {
      if (!dto.fromOrganizationId) {
        throw new DomainException(
          'INVALID_ANSWER_TARGET',
          'fromOrganizationId is required: say which member organisation answers.',
          400,
          'ANSWERING_ORGANIZATION_MISSING',
        );
      }
      fromId = dto.fromOrganizationId;
    } else if (dto.fromOrganizationId && dto.fromOrganizationId !== actor.organizationId) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You can only answer for your own organisation.' });
    }
    if (!fromId || !partnership.memberIds.includes(fromId)) {
      throw new DomainException(
        'INVALID_ANSWER_TARGET',
        'fromOrganizationId must be a member of the partnership.',
        400,
        'ANSWERING_ORGANIZATION_NOT_A_MEMBER',
      );
    }
    if (dto.toOrganizationId === fromId || !partnership.memberIds.includes(dto.toOrganizationId)) {
      throw new DomainException(
        'INVALID_ANSWER_TARGET',
        'toOrganizationId must be another member organisation of the partnership.',
        400,
        'NOT_ANOTHER_MEMBER',
      );
    }
    await this.access.checkFocusArea(partnershipId, dto.focusAreaId ?? null);
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO answers (partnership_id, from_organization_id, to_organization_id, question, text, focus_area_id, author_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, clock_timestamp()), coalesce($8::timestamptz, now())) RETURNING id`,
        [partnershipId, fromId, dto.toOrganizationId, dto.question, dto.text, dto.focusAreaId ?? null, userId, at ?? null],
      );
      const answerId = (row as { id: string }).id;
      await recordAudit(m, {
        action: 'answer.create',
        entityType: 'answer',
        entityId: answerId,
        concerns: [fromId, dto.toOrganizationId],
        after: {
          partnershipId,
          fromOrganizationId: fromId,
          toOrganizationId: dto.toOrganizationId,
          question: dto.question,
          text: dto.text,
          focusAreaId: dto.focusAreaId ?? null,
        },
      });
      await this.notifyAnswer(m, { partnershipId, fromId, toId: dto.toOrganizationId, question: dto.question, userId, at });
      return answerId;
    });
    return toAnswerResponse(await this.load(id));
  }

  async update(actor: Actor, id: string, dto: UpdateAnswerDto): Promise<AnswerResponse> {
    const answer = await this.editable(actor, id);
    if (dto.focusAreaId !== undefined) await this.access.checkFocusArea(answer.partnership_id, dto.focusAreaId);
    await this.dataSource.transaction(async (m) => {
      const [after] = await m.query<{ text: string; focus_area_id: string | null }[]>(
        `UPDATE answers SET text = coalesce($2, text),
                focus_area_id = CASE WHEN $3::boolean THEN $4::uuid ELSE focus_area_id END, updated_at = now()
         WHERE id = $1 RETURNING text, focus_area_id`,
        [id, dto.text ?? null, dto.focusAreaId !== undefined, dto.focusAreaId ?? null],
      );
      const change = after
        ? changedFields({ text: answer.text, focusAreaId: answer.focus_area_id }, { text: after.text, focusAreaId: after.focus_area_id })
        : null;
      if (!change) return nothingToRecord();
      await recordAudit(m, {
        action: 'answer.update',
        entityType: 'answer',
        entityId: id,
        concerns: [answer.from_organization_id, answer.to_organization_id],
        ...change,
      });
    });
    return toAnswerResponse(await this.load(id));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const answer = await this.editable(actor, id);
    if (answer.project_id) {
      throw new DomainException('ANSWER_HAS_PROJECT', 'This answer became a joint project and is kept as its origin.', 409);
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM answers WHERE id = $1`, [id]);
      await recordAudit(m, {
        action: 'answer.delete',
        entityType: 'answer',
        entityId: id,
        concerns: [answer.from_organization_id, answer.to_organization_id],
        before: {
          partnershipId: answer.partnership_id,
          fromOrganizationId: answer.from_organization_id,
          toOrganizationId: answer.to_organization_id,
          question: answer.question,
          text: answer.text,
          focusAreaId: answer.focus_area_id,
        },
      });
    });
  }

  /** Turns a `doTogether` answer into a joint project of the two organisations, in one step. */
  /** `at` back-dates the project; only the demo seed passes it. */
  async toProject(actor: Actor, userId: string, id: string, dto: CreateProjectFromAnswerDto, at?: Date): Promise<ProjectResponse> {
    const answer = await this.visible(actor, id);
    if (answer.question !== 'doTogether') {
      throw new DomainException('NOT_A_DO_TOGETHER_ANSWER', 'Only an answer to “what could we do together?” can become a joint project.');
    }
    if (answer.project_id) throw new DomainException('ANSWER_HAS_PROJECT', 'This answer is already a joint project.', 409);
    try {
      return await this.dataSource.transaction((m) =>
        this.projects.createProject(
          actor,
          userId,
          {
            partnershipId: answer.partnership_id,
            title: dto.title ?? titleFrom(answer.text),
            description: dto.description ?? answer.text,
            focusAreaId: answer.focus_area_id,
            participantIds: [answer.from_organization_id, answer.to_organization_id],
            sourceAnswerId: answer.id,
            createdAt: at,
          },
          m,
        ),
      );
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new ConflictException({ code: 'ANSWER_HAS_PROJECT', message: 'This answer is already a joint project.' });
      }
      throw error;
    }
  }

  /** The people of the organisation the answer is given to. */
  private async notifyAnswer(
    m: EntityManager,
    a: { partnershipId: string; fromId: string; toId: string; question: Question; userId: string; at?: Date },
  ): Promise<void> {
    const [names] = await m.query<{ partnership: string; organization: string }[]>(
      `SELECT (SELECT name FROM partnerships WHERE id = $1) AS partnership, (SELECT name FROM organizations WHERE id = $2) AS organization`,
      [a.partnershipId, a.fromId],
    );
    const entity = { type: 'partnership', id: a.partnershipId } as const;
    await this.notifier.raise(m, {
      kind: 'answer',
      userIds: await this.notifier.peopleOf(m, [a.toId]),
      actorId: a.userId,
      data: { organization: names?.organization, question: a.question, title: names?.partnership },
      link: linkTo(entity),
      entity,
      at: a.at,
    });
  }

  private async visible(actor: Actor, id: string): Promise<AnswerRow> {
    const answer = await this.find(id);
    await this.access.visiblePartnership(actor, answer.partnership_id, 'answer');
    return answer;
  }

  private async editable(actor: Actor, id: string): Promise<AnswerRow> {
    const answer = await this.visible(actor, id);
    if (!canEditAnswer(actor, { fromOrganizationId: answer.from_organization_id })) {
      throw forbidden(actor, 'staff and leaders of the organisation that gave the answer');
    }
    return answer;
  }

  private async find(id: string): Promise<AnswerRow> {
    const [row] = await this.dataSource.query<AnswerRow[]>(`${ANSWER_SELECT} WHERE a.id = $1`, [id]);
    if (!row) throw notFound('answer');
    return row;
  }

  private load(id: string): Promise<AnswerRow> {
    return this.find(id);
  }
}

function titleFrom(text: string): string {
  const firstLine = text.split('\n')[0]?.trim() ?? text;
  return firstLine.length <= 120 ? firstLine : `${firstLine.slice(0, 117).trimEnd()}…`;
}

function toAnswerResponse(r: AnswerRow): AnswerResponse {
  return {
    id: r.id,
    text: r.text,
    focusAreaId: r.focus_area_id,
    author: { id: r.author_id, name: r.author_name },
    createdAt: r.created_at.toISOString(),
    projectId: r.project_id,
  };
}
