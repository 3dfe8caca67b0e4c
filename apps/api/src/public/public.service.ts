import { Injectable } from '@nestjs/common';
import type {
  PublicDecision,
  PublicFocusArea,
  PublicIndicator,
  PublicLesson,
  PublicOrganization,
  PublicParticipant,
  PublicPartnership,
  PublicPartnershipSummary,
  PublicPractice,
  PublicProject,
} from '@samspill/contracts';
import { indicatorProgress } from '@samspill/domain';
import type { Direction, LessonKind, ProjectStatus, Stage } from '@samspill/contracts';
import { notFound } from '../common/domain-exception';
import { Database } from '../database/database';

/** At most this many public partnerships in the list: far more than any platform holds today; the rest are not hidden, only not listed. */
export const PUBLIC_LIST_MAX = 500;
/** Bounds on one partnership's public page, so an answer stays small whatever the data holds. */
const PROJECTS_MAX = 500;
const LESSONS_MAX = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A public address names a partnership by id; anything else is a partnership that is not there (404, not 400). */
export function publicPartnershipId(id: string): string {
  if (!UUID.test(id)) throw notFound('partnership');
  return id;
}

/** Members as organisations only: the JSON the list and the page share. */
const MEMBERS_SQL = (
  alias: string,
) => `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name, o.id), '[]')
   FROM partnership_members m JOIN organizations o ON o.id = m.organization_id WHERE m.partnership_id = ${alias}.id)`;

/**
 * What anyone may read of a `public` partnership (issue 13). Every statement
 * here selects organisations, never a person: no users table is read for
 * anything but the organisation a closing decision was made in, and no name,
 * e-mail or author id leaves this file. A partnership that is not public is
 * answered exactly like one that does not exist, and so is an id that is not one.
 */
@Injectable()
export class PublicService {
  constructor(private readonly db: Database) {}

  async list(): Promise<PublicPartnershipSummary[]> {
    return this.db.reader().query<PublicPartnershipSummary[]>(
      `SELECT p.id, p.name, p.description, ${MEMBERS_SQL('p')} AS members
       FROM partnerships p WHERE p.visibility = 'public' ORDER BY p.name, p.id LIMIT ${PUBLIC_LIST_MAX}`,
    );
  }

  /** Name and description of a public partnership, for link previews; null for anything else. */
  async summary(rawId: string): Promise<{ name: string; description: string } | null> {
    if (!UUID.test(rawId)) return null;
    const [row] = await this.db
      .reader()
      .query<{ name: string; description: string }[]>(
        `SELECT name, description FROM partnerships WHERE id = $1 AND visibility = 'public'`,
        [rawId],
      );
    return row ?? null;
  }

  async partnership(rawId: string): Promise<PublicPartnership> {
    const id = publicPartnershipId(rawId);
    const q = <T>(sql: string) => this.db.reader().query<T[]>(sql, [id]);
    const [[head], focusAreas, projects, lessons, practices, indicators] = await Promise.all([
      q<{ id: string; name: string; description: string; members: PublicOrganization[] }>(
        `SELECT p.id, p.name, p.description, ${MEMBERS_SQL('p')} AS members FROM partnerships p WHERE p.id = $1 AND p.visibility = 'public'`,
      ),
      q<PublicFocusArea>(`SELECT id, name, description FROM focus_areas WHERE partnership_id = $1 ORDER BY created_at, id`),
      q<{
        id: string;
        title: string;
        description: string;
        stage: Stage;
        status: ProjectStatus;
        focus_area_id: string | null;
        participants: PublicParticipant[];
        decisions: PublicDecision[];
      }>(
        `SELECT pr.id, pr.title, pr.description, pr.stage, pr.status, pr.focus_area_id, pr.participants,
           (SELECT coalesce(json_agg(json_build_object('kind', t.kind, 'fromStage', t.from_stage, 'toStage', t.to_stage,
                     'toStatus', t.to_status, 'rationale', t.rationale, 'decidedOn', to_char(t.decided_at, 'YYYY-MM-DD'))
                     ORDER BY t.decided_at, t.id), '[]')
              FROM stage_transitions t WHERE t.project_id = pr.id) AS decisions
         FROM projects pr WHERE pr.partnership_id = $1 ORDER BY pr.created_at, pr.id LIMIT ${PROJECTS_MAX}`,
      ),
      q<{ id: string; kind: LessonKind; text: string; written_on: string; project_id: string; organization: PublicParticipant }>(
        `SELECT * FROM (
           SELECT e.id, e.kind, e.text, to_char(e.occurred_on, 'YYYY-MM-DD') AS written_on, e.project_id,
                  json_build_object('id', o.id, 'name', o.name) AS organization
           FROM log_entries e JOIN projects pr ON pr.id = e.project_id JOIN organizations o ON o.id = e.organization_id
           WHERE pr.partnership_id = $1 AND e.kind IN ('lesson', 'result')
           UNION ALL
           SELECT t.id, t.to_status, t.rationale, to_char(t.decided_at, 'YYYY-MM-DD'), t.project_id,
                  json_build_object('id', o.id, 'name', o.name)
           FROM stage_transitions t JOIN projects pr ON pr.id = t.project_id
             JOIN users u ON u.id = t.decided_by JOIN organizations o ON o.id = u.organization_id
           WHERE pr.partnership_id = $1 AND t.kind = 'status' AND t.to_status IN ('stopped', 'completed')
         ) l ORDER BY l.written_on DESC, l.id LIMIT ${LESSONS_MAX}`,
      ),
      q<{
        id: string;
        title: string;
        summary: string;
        description: string;
        project_id: string;
        organization: PublicParticipant;
        adoptions: number;
      }>(
        `SELECT pc.id, pc.title, pc.summary, pc.description, pc.project_id,
                json_build_object('id', o.id, 'name', o.name) AS organization,
                (SELECT count(*)::int FROM adoptions a WHERE a.practice_id = pc.id) AS adoptions
         FROM practices pc JOIN projects pr ON pr.id = pc.project_id JOIN organizations o ON o.id = pc.organization_id
         WHERE pr.partnership_id = $1 ORDER BY pc.title, pc.id LIMIT ${PROJECTS_MAX}`,
      ),
      q<{
        id: string;
        project_id: string;
        name: string;
        unit: string;
        direction: Direction;
        baseline: number;
        target: number;
        latest: number | null;
        latest_on: string | null;
      }>(
        `SELECT i.id, i.project_id, i.name, i.unit, i.direction, i.baseline, i.target, m.value AS latest,
                to_char(m.measured_on, 'YYYY-MM-DD') AS latest_on
         FROM indicators i JOIN projects pr ON pr.id = i.project_id
         LEFT JOIN LATERAL (SELECT value, measured_on FROM measurements WHERE indicator_id = i.id
                            ORDER BY measured_on DESC, created_at DESC, id DESC LIMIT 1) m ON true
         WHERE pr.partnership_id = $1 ORDER BY pr.created_at, i.created_at, i.id LIMIT ${PROJECTS_MAX}`,
      ),
    ]);
    if (!head) throw notFound('partnership');
    return {
      id: head.id,
      name: head.name,
      description: head.description,
      members: head.members,
      focusAreas,
      projects: projects.map((p): PublicProject => ({
        id: p.id,
        title: p.title,
        description: p.description,
        stage: p.stage,
        status: p.status,
        focusAreaId: p.focus_area_id,
        participants: p.participants,
        decisions: p.decisions,
      })),
      lessons: lessons.map((l): PublicLesson => ({
        id: l.id,
        kind: l.kind,
        text: l.text,
        writtenOn: l.written_on,
        projectId: l.project_id,
        organization: l.organization,
      })),
      practices: practices.map((p): PublicPractice => ({
        id: p.id,
        title: p.title,
        summary: p.summary,
        description: p.description,
        projectId: p.project_id,
        organization: p.organization,
        adoptions: p.adoptions,
      })),
      indicators: indicators.map((i): PublicIndicator => ({
        id: i.id,
        projectId: i.project_id,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baseline: i.baseline,
        target: i.target,
        latest: i.latest,
        latestOn: i.latest_on,
        progress: indicatorProgress(i.baseline, i.target, i.direction, i.latest),
      })),
    };
  }
}
