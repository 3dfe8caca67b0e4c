import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SIMILAR_MAX, type SimilarProject, type SimilarResponse, type ProjectStatus, type Stage } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource } from 'typeorm';
import { onlyRow } from '../database/only-row';
import { LessonsService } from '../lessons/lessons.service';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { PracticesService, roundScore } from '../practices/practices.service';
import { SIMILAR_CANDIDATES, similarQuerySql } from './similar-query';

interface SimilarProjectRow {
  id: string;
  title: string;
  stage: Stage;
  status: ProjectStatus;
  partnership_id: string;
  partnership_name: string;
  participants: { id: string; name: string }[];
  score: number;
}

/**
 * Projects ($1 = the reader's organisation) that share telling words with a
 * text ($3, read in the language of the organisation $2), by full-text rank:
 * the share of the words each one holds, the title counting double. Only what
 * the reader may see; never the project itself ($4).
 */
function similarProjectsSql(actor: Actor): string {
  return `WITH query AS MATERIALIZED (SELECT ${similarQuerySql('projects', '$2', '$3')} AS q),
    candidates AS (
      SELECT pr.id, pr.search_vector, pr.updated_at
      FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id
      WHERE pr.search_vector @@ (SELECT q FROM query) AND ${visiblePartnershipSql(actor, 'p', '$1')} AND pr.id IS DISTINCT FROM $4::uuid
      LIMIT ${SIMILAR_CANDIDATES}
    ),
    hits AS (
      SELECT c.id, ts_rank('{0.5, 0.5, 0.5, 1}', c.search_vector, query.q) AS score, c.updated_at
      FROM candidates c, query
      ORDER BY score DESC, c.updated_at DESC, c.id LIMIT $5
    )
    SELECT pr.id, pr.title, pr.stage, pr.status, p.id AS partnership_id, p.name AS partnership_name, hits.score, pr.participants
    FROM hits JOIN projects pr ON pr.id = hits.id JOIN partnerships p ON p.id = pr.partnership_id
    ORDER BY hits.score DESC, hits.updated_at DESC, hits.id`;
}

/** "Who has done this before?": projects, practices and lessons elsewhere on the platform like a piece of work. */
@Injectable()
export class SimilarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
    private readonly lessons: LessonsService,
    private readonly practices: PracticesService,
  ) {}

  /** Work like a project the reader may see, read in the language of the organisation that created it. */
  async forProject(actor: Actor, id: string): Promise<SimilarResponse> {
    await this.access.visibleProject(actor, id);
    const project = onlyRow(
      await this.dataSource.query<{ text: string; organization_id: string | null }[]>(
        `SELECT pr.title || E'\\n' || pr.description AS text, u.organization_id FROM projects pr JOIN users u ON u.id = pr.created_by
         WHERE pr.id = $1`,
        [id],
      ),
    );
    return this.find(actor, project.text, project.organization_id, id);
  }

  /** Work like a text someone is writing, read in the language of their organisation. */
  forText(actor: Actor, text: string): Promise<SimilarResponse> {
    return this.find(actor, text, actor.organizationId);
  }

  private async find(actor: Actor, text: string, languageOf: string | null, projectId?: string): Promise<SimilarResponse> {
    const [projects, practices, lessons] = await Promise.all([
      this.dataSource.query<SimilarProjectRow[]>(similarProjectsSql(actor), [
        actor.organizationId,
        languageOf,
        text,
        projectId ?? null,
        SIMILAR_MAX,
      ]),
      this.practices.similar(text, languageOf, SIMILAR_MAX, projectId),
      this.lessons.similar(actor, { kind: 'similar', text, organizationId: languageOf }, SIMILAR_MAX, projectId),
    ]);
    return { projects: projects.map(toSimilarProject), practices, lessons };
  }
}

function toSimilarProject(r: SimilarProjectRow): SimilarProject {
  return {
    id: r.id,
    title: r.title,
    stage: r.stage,
    status: r.status,
    partnership: { id: r.partnership_id, name: r.partnership_name },
    participants: r.participants,
    score: roundScore(r.score),
  };
}
