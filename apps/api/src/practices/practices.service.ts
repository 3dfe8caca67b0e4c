import { ConflictException, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Adoption,
  CreateAdoptionDto,
  CreatePracticeDto,
  Practice,
  PracticeListQuery,
  PracticeListResponse,
  SimilarPractice,
  UpdatePracticeDto,
} from '@samspill/contracts';
import { type Actor, type AdoptionProblem, adoptionProblem, canWriteFor } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { forbidden } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { onlyRow } from '../database/only-row';
import { SIMILAR_CANDIDATES, similarQuerySql } from '../similar/similar-query';
import { type AdoptionRow, type PracticeRow, type PracticeSummaryRow, toAdoption, toPractice, toPracticeSummary } from './practice.mapper';
import { recordAudit } from '../audit/audit-trail';
import { linkTo, Notifier } from '../notifications/notifier';

export const PRACTICES_PAGE_DEFAULT = 20;
const WRITERS = 'staff and leaders of the organisation';

const ADOPTION_PROBLEMS = {
  OWN_PRACTICE: 'A practice is not adopted by the organisation that owns it.',
  ALREADY_ADOPTED: 'That organisation has already adopted this practice; record what changes later in the improvement log.',
} as const satisfies Record<AdoptionProblem, string>;

const SUMMARY_COLUMNS = `pc.id, pc.title, pc.summary, o.id AS organization_id, o.name AS organization_name, o.country AS organization_country,
       (SELECT count(*) FROM adoptions ac WHERE ac.practice_id = pc.id)::int AS adoption_count, pc.created_at`;

/** An adoption as JSON ($1 = the reader's organisation): its project only when the reader may see it. */
function adoptionJson(actor: Actor): string {
  return `json_build_object('id', a.id, 'practice_id', a.practice_id, 'organization_id', ao.id, 'organization_name', ao.name,
       'kind', a.kind, 'changes', a.changes, 'created_at', a.created_at,
       'project', (SELECT json_build_object('id', apr.id, 'title', apr.title, 'stage', apr.stage, 'status', apr.status)
                   FROM projects apr JOIN partnerships p ON p.id = apr.partnership_id
                   WHERE apr.id = a.project_id AND ${visiblePartnershipSql(actor, 'p', '$1')}))`;
}

/** One practice with what it built on and who took it up ($1 = the reader's organisation, $2 = id). */
function practiceSql(actor: Actor): string {
  return `SELECT ${SUMMARY_COLUMNS}, pc.description, pc.version, pc.updated_at,
       (SELECT vpr.id FROM projects vpr JOIN partnerships p ON p.id = vpr.partnership_id
        WHERE vpr.id = pc.project_id AND ${visiblePartnershipSql(actor, 'p', '$1')}) AS project_id,
       coalesce((SELECT json_agg(json_build_object('id', b.id, 'title', b.title, 'organization', json_build_object('id', bo.id, 'name', bo.name),
                                                   'kind', a.kind, 'changes', a.changes) ORDER BY b.title, b.id)
                 FROM adoptions a JOIN practices b ON b.id = a.practice_id JOIN organizations bo ON bo.id = b.organization_id
                 WHERE a.derived_practice_id = pc.id), '[]') AS based_on,
       coalesce((SELECT json_agg(${adoptionJson(actor)} ORDER BY a.created_at, a.id)
                 FROM adoptions a JOIN organizations ao ON ao.id = a.organization_id WHERE a.practice_id = pc.id), '[]') AS adoptions
     FROM practices pc JOIN organizations o ON o.id = pc.organization_id
     WHERE pc.id = $2`;
}

export interface NewPractice extends CreatePracticeDto {
  /** Back-dates the practice and its adoptions; only the demo seed passes it. */
  at?: Date;
}

/**
 * Practices are published to every signed-in person; staff and leaders of
 * the owning organisation write them. An adoption says who took a practice
 * up and, when adapted, what they changed.
 */
@Injectable()
export class PracticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly notifier: Notifier = new Notifier(null),
  ) {}

  /** Ranked by relevance when `q` is given, newest first otherwise. */
  async list(query: PracticeListQuery): Promise<PracticeListResponse> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const where: string[] = [];
    const match = query.q ? `samspill_search_query(${param(query.q)})` : null;
    if (match) where.push('pc.search_vector @@ query.q');
    if (query.organizationId) where.push(`pc.organization_id = ${param(query.organizationId)}::uuid`);
    const rank = match ? 'ts_rank_cd(pc.search_vector, query.q, 32)' : '0::real';
    // OFFSET 0 keeps the query a subquery of its own: it is made once, not again for each practice compared with it.
    const from = `FROM practices pc, (SELECT ${match ?? "''::tsquery"} AS q OFFSET 0) query ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const offset = query.offset ?? 0;
    const rows = await this.dataSource.query<(PracticeSummaryRow & { total: number })[]>(
      `WITH page AS (
         SELECT pc.id, pc.created_at, ${rank} AS rank, count(*) OVER ()::int AS total ${from}
         ORDER BY rank DESC, pc.created_at DESC, pc.id LIMIT ${param(query.limit ?? PRACTICES_PAGE_DEFAULT)} OFFSET ${param(offset)}
       )
       SELECT ${SUMMARY_COLUMNS}, page.total
       FROM page JOIN practices pc ON pc.id = page.id JOIN organizations o ON o.id = pc.organization_id
       ORDER BY page.rank DESC, page.created_at DESC, page.id`,
      values,
    );
    if (rows.length > 0 || offset === 0) return { items: rows.map(toPracticeSummary), total: rows[0]?.total ?? 0 };
    const [count] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, values.slice(0, -2));
    return { items: [], total: count?.total ?? 0 };
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Practice> {
    const [row] = await manager.query<PracticeRow[]>(practiceSql(actor), [actor.organizationId, id]);
    if (!row) throw notFound('practice');
    return toPractice(row);
  }

  /** Publishes a practice; what it builds on is recorded as adoptions by the owning organisation, in the same transaction. */
  async create(actor: Actor, userId: string, dto: NewPractice): Promise<Practice> {
    const organizationId = await this.organizationFor(actor, dto.organizationId);
    if (dto.projectId) await this.checkProject(dto.projectId, organizationId);
    const basedOn = dto.basedOn ?? [];
    return this.dataSource.transaction(async (m) => {
      if (basedOn.length > 0) {
        const found = await m.query<{ id: string; organization_id: string; adopter_ids: string[] }[]>(
          `SELECT pc.id, pc.organization_id,
                  coalesce((SELECT array_agg(a.organization_id) FROM adoptions a WHERE a.practice_id = pc.id), '{}') AS adopter_ids
           FROM practices pc WHERE pc.id = ANY($1::uuid[]) FOR SHARE OF pc`,
          [basedOn.map((b) => b.practiceId)],
        );
        if (found.length !== basedOn.length) {
          throw new DomainException('UNKNOWN_PRACTICE', 'basedOn names a practice that does not exist.');
        }
        for (const origin of found) {
          adoptionRefused(adoptionProblem({ organizationId: origin.organization_id, adopterIds: origin.adopter_ids }, organizationId));
        }
      }
      const { id } = onlyRow(
        await m.query<{ id: string }[]>(
          `INSERT INTO practices (organization_id, project_id, title, summary, description, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, clock_timestamp()), coalesce($7::timestamptz, clock_timestamp()))
           RETURNING id`,
          [organizationId, dto.projectId ?? null, dto.title, dto.summary, dto.description, userId, dto.at ?? null],
        ),
      );
      for (const basis of basedOn) {
        await insertAdoption(m, {
          practiceId: basis.practiceId,
          organizationId,
          kind: basis.kind,
          changes: basis.changes,
          projectId: dto.projectId ?? null,
          derivedPracticeId: id,
          recordedBy: userId,
          at: dto.at,
        });
      }
      await recordAudit(m, {
        action: 'practice.create',
        entityType: 'practice',
        entityId: id,
        concerns: [organizationId],
        after: { organizationId, projectId: dto.projectId ?? null, title: dto.title, summary: dto.summary, basedOn },
      });
      await this.notifier.follow(m, userId, { type: 'practice', id });
      return this.get(actor, id, m);
    });
  }

  /** Optimistic lock: only the version the editor read is changed; the earlier wording is kept as a revision. */
  async update(actor: Actor, userId: string, id: string, dto: UpdatePracticeDto): Promise<Practice> {
    const [current] = await this.dataSource.query<{ organization_id: string }[]>(`SELECT organization_id FROM practices WHERE id = $1`, [
      id,
    ]);
    if (!current) throw notFound('practice');
    if (!canWriteFor(actor, current.organization_id)) throw forbidden(actor, WRITERS);
    return this.dataSource.transaction(async (m) => {
      const kept = await m.query<{ id: string }[]>(
        `INSERT INTO practice_revisions (practice_id, version, title, summary, description, edited_by)
         SELECT id, version, title, summary, description, $3 FROM practices WHERE id = $1 AND version = $2 RETURNING id`,
        [id, dto.version, userId],
      );
      if (kept.length === 0) throw stale();
      await m.query(
        `UPDATE practices SET title = coalesce($2, title), summary = coalesce($3, summary), description = coalesce($4, description),
           version = version + 1, updated_at = clock_timestamp()
         WHERE id = $1`,
        [id, dto.title ?? null, dto.summary ?? null, dto.description ?? null],
      );
      await recordAudit(m, {
        action: 'practice.update',
        entityType: 'practice',
        entityId: id,
        concerns: [current.organization_id],
        before: { version: dto.version },
        after: { title: dto.title, summary: dto.summary, description: dto.description },
      });
      return this.get(actor, id, m);
    });
  }

  /** An organisation takes up a practice: once, never its own, and when adapted it says what it changed. */
  async adopt(actor: Actor, userId: string, practiceId: string, dto: CreateAdoptionDto, at?: Date): Promise<Adoption> {
    const [practice] = await this.dataSource.query<{ organization_id: string }[]>(`SELECT organization_id FROM practices WHERE id = $1`, [
      practiceId,
    ]);
    if (!practice) throw notFound('practice');
    const organizationId = await this.organizationFor(actor, dto.organizationId);
    if (dto.projectId) await this.checkProject(dto.projectId, organizationId);
    return this.dataSource.transaction(async (m) => {
      const adopters = await m.query<{ organization_id: string }[]>(`SELECT organization_id FROM adoptions WHERE practice_id = $1`, [
        practiceId,
      ]);
      adoptionRefused(
        adoptionProblem({ organizationId: practice.organization_id, adopterIds: adopters.map((a) => a.organization_id) }, organizationId),
      );
      const id = await insertAdoption(m, {
        practiceId,
        organizationId,
        kind: dto.kind,
        changes: dto.changes,
        projectId: dto.projectId ?? null,
        derivedPracticeId: null,
        recordedBy: userId,
        at,
      });
      await recordAudit(m, {
        action: 'practice.adopt',
        entityType: 'practice',
        entityId: practiceId,
        concerns: [organizationId, practice.organization_id],
        after: { adoptionId: id, organizationId, kind: dto.kind, changes: dto.changes ?? null, projectId: dto.projectId ?? null },
      });
      await this.notifyAdoption(m, { practiceId, ownerId: practice.organization_id, adopterId: organizationId, userId, at });
      const { adoption } = onlyRow(
        await m.query<{ adoption: AdoptionRow }[]>(
          `SELECT ${adoptionJson(actor)} AS adoption FROM adoptions a JOIN organizations ao ON ao.id = a.organization_id WHERE a.id = $2`,
          [actor.organizationId, id],
        ),
      );
      return toAdoption(adoption);
    });
  }

  /** The people of the owning organisation and the practice's followers. */
  private async notifyAdoption(
    m: EntityManager,
    a: { practiceId: string; ownerId: string; adopterId: string; userId: string; at?: Date },
  ): Promise<void> {
    const [names] = await m.query<{ title: string; organization: string }[]>(
      `SELECT (SELECT title FROM practices WHERE id = $1) AS title, (SELECT name FROM organizations WHERE id = $2) AS organization`,
      [a.practiceId, a.adopterId],
    );
    const entity = { type: 'practice', id: a.practiceId } as const;
    await this.notifier.raise(m, {
      kind: 'adoption',
      userIds: [...(await this.notifier.peopleOf(m, [a.ownerId])), ...(await this.notifier.followersOf(m, entity))],
      actorId: a.userId,
      data: { title: names?.title, organization: names?.organization },
      link: linkTo(entity),
      entity,
      at: a.at,
    });
  }

  /** Practices that share words with a text read in the language of `organizationId`, best first. */
  async similar(text: string, organizationId: string | null, limit: number, excludeProjectId?: string): Promise<SimilarPractice[]> {
    const rows = await this.dataSource.query<(PracticeSummaryRow & { score: number })[]>(
      `WITH query AS MATERIALIZED (SELECT ${similarQuerySql('practices', '$1', '$2')} AS q),
       candidates AS (
         SELECT pc.id, pc.search_vector, pc.created_at FROM practices pc
         WHERE pc.search_vector @@ (SELECT q FROM query) AND ($3::uuid IS NULL OR pc.project_id IS DISTINCT FROM $3::uuid)
         LIMIT ${SIMILAR_CANDIDATES}
       ),
       hits AS (
         SELECT c.id, ts_rank('{0.5, 0.5, 0.75, 1}', c.search_vector, query.q) AS score, c.created_at
         FROM candidates c, query
         ORDER BY score DESC, c.created_at DESC, c.id LIMIT $4
       )
       SELECT ${SUMMARY_COLUMNS}, hits.score
       FROM hits JOIN practices pc ON pc.id = hits.id JOIN organizations o ON o.id = pc.organization_id
       ORDER BY hits.score DESC, hits.created_at DESC, hits.id`,
      [organizationId, text, excludeProjectId ?? null, limit],
    );
    return rows.map((r) => ({ ...toPracticeSummary(r), score: roundScore(r.score) }));
  }

  /**
   * The organisation a person writes for: their own, or for an admin the one
   * named. Politicians and people of other organisations are refused.
   */
  private async organizationFor(actor: Actor, requested: string | undefined): Promise<string> {
    const organizationId = requested ?? actor.organizationId;
    if (!canWriteFor(actor, organizationId)) throw forbidden(actor, WRITERS);
    if (!organizationId) {
      throw new DomainException('ORGANIZATION_REQUIRED', 'An admin says which organisation this is for: organizationId.');
    }
    const found = await this.dataSource.query(`SELECT 1 FROM organizations WHERE id = $1`, [organizationId]);
    if (found.length === 0) throw new DomainException('UNKNOWN_ORGANIZATION', 'organizationId does not match any organisation');
    return organizationId;
  }

  /** A practice is established, and an adoption tested, in a project the organisation takes part in. */
  private async checkProject(projectId: string, organizationId: string): Promise<void> {
    const found = await this.dataSource.query(`SELECT 1 FROM project_participants WHERE project_id = $1 AND organization_id = $2`, [
      projectId,
      organizationId,
    ]);
    if (found.length === 0) {
      throw new DomainException('INVALID_PROJECT', 'projectId must be a project the organisation takes part in.');
    }
  }
}

interface NewAdoption {
  practiceId: string;
  organizationId: string;
  kind: Adoption['kind'];
  changes: string | undefined;
  projectId: string | null;
  derivedPracticeId: string | null;
  recordedBy: string;
  at: Date | undefined;
}

/** Two requests adopting at once both pass the check; the unique key stops the second, which gets the same refusal. */
async function insertAdoption(m: EntityManager, a: NewAdoption): Promise<string> {
  try {
    const { id } = onlyRow(
      await m.query<{ id: string }[]>(
        `INSERT INTO adoptions (practice_id, organization_id, kind, changes, project_id, derived_practice_id, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, clock_timestamp())) RETURNING id`,
        [a.practiceId, a.organizationId, a.kind, a.changes || null, a.projectId, a.derivedPracticeId, a.recordedBy, a.at ?? null],
      ),
    );
    return id;
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'adoptions_once') {
      adoptionRefused('ALREADY_ADOPTED');
    }
    throw error;
  }
}

function adoptionRefused(problem: AdoptionProblem | null): void {
  if (problem === 'OWN_PRACTICE') throw new DomainException('OWN_PRACTICE', ADOPTION_PROBLEMS.OWN_PRACTICE, 400);
  if (problem === 'ALREADY_ADOPTED') throw new DomainException('ALREADY_ADOPTED', ADOPTION_PROBLEMS.ALREADY_ADOPTED, 409);
}

function stale(): ConflictException {
  return new ConflictException({
    code: 'STALE_VERSION',
    message: 'Someone else changed this practice after you opened it. Reload it to see their changes, then try again.',
  });
}

/** Scores travel with three decimals: enough to order by, not a false precision. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
