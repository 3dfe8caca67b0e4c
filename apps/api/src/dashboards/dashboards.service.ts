import { Inject, Injectable } from '@nestjs/common';
import {
  type AnswerCounts,
  type Direction,
  type Overview,
  type OverviewOrganization,
  type OverviewPartnership,
  OVERVIEW_ROWS_DEFAULT,
  type PartnershipDashboard,
  type ProjectStatus,
  type Question,
  QUESTIONS,
  type Stage,
  type StageCounts,
} from '@samspill/contracts';
import { type Actor, indicatorProgress } from '@samspill/domain';
import { matchCountsSql, visiblePartnershipSql } from '@samspill/api/sql-rules';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { etagOf } from '../common/http-caching';
import { compareKeys, decodeSortKey, pageAfter, type SortKey } from '../common/paging';
import { Database } from '../database/database';
import { onlyRow } from '../database/only-row';
import { PartnershipAccess } from '../partnerships/partnership-access';
import type { ReportProject } from './partnership-report';

const zeroStages = (): StageCounts => ({ learn: 0, test: 0, establish: 0 });

/** Moves whenever any partnership's data version moves, or a partnership is added. */
const OVERVIEW_VERSION_SQL = `SELECT coalesce(sum(data_version), 0)::text || '/' || count(*) AS version FROM partnerships`;

/** Statements of the partnership dashboard; each takes the partnership id as $1. */
const PARTNERSHIP_DASHBOARD_SQL = {
  HEAD: `SELECT p.name, coalesce(c.learn, 0) AS learn, coalesce(c.test, 0) AS test, coalesce(c.establish, 0) AS establish,
                coalesce(c.active, 0) AS active, coalesce(c.stopped, 0) AS stopped, coalesce(c.completed, 0) AS completed
         FROM partnerships p LEFT JOIN partnership_project_counts c ON c.partnership_id = p.id
         WHERE p.id = $1`,
  BY_FOCUS_AREA: `SELECT id, name, learn, test, establish FROM (
         SELECT f.id, f.name, f.created_at AS sort_at,
           count(pr.id) FILTER (WHERE pr.stage = 'learn')::int AS learn,
           count(pr.id) FILTER (WHERE pr.stage = 'test')::int AS test,
           count(pr.id) FILTER (WHERE pr.stage = 'establish')::int AS establish
         FROM focus_areas f LEFT JOIN projects pr ON pr.focus_area_id = f.id AND pr.status = 'active'
         WHERE f.partnership_id = $1 GROUP BY f.id
         UNION ALL
         SELECT NULL, NULL, 'infinity'::timestamptz,
           count(*) FILTER (WHERE stage = 'learn')::int, count(*) FILTER (WHERE stage = 'test')::int,
           count(*) FILTER (WHERE stage = 'establish')::int
         FROM projects WHERE partnership_id = $1 AND status = 'active' AND focus_area_id IS NULL
         HAVING count(*) > 0
         ) x ORDER BY sort_at, name`,
  BY_ORGANIZATION: `SELECT o.id, o.name,
           coalesce((SELECT c.active_projects FROM partnership_organization_counts c
                     WHERE c.partnership_id = $1 AND c.organization_id = o.id), 0) AS projects,
           (SELECT coalesce(json_object_agg(x.question, json_build_object('given', x.given, 'received', x.received)), '{}')
              FROM (SELECT a.question,
                      count(*) FILTER (WHERE a.from_organization_id = o.id)::int AS given,
                      count(*) FILTER (WHERE a.to_organization_id = o.id)::int AS received
                    FROM answers a WHERE a.partnership_id = $1 AND (a.from_organization_id = o.id OR a.to_organization_id = o.id)
                    GROUP BY a.question) x) AS answers
         FROM partnership_members m JOIN organizations o ON o.id = m.organization_id
         WHERE m.partnership_id = $1 ORDER BY o.name`,
  TRANSITIONS_BY_MONTH: `SELECT to_char(date_trunc('month', t.decided_at), 'YYYY-MM') AS month, count(*)::int AS count
         FROM stage_transitions t JOIN projects pr ON pr.id = t.project_id
         WHERE pr.partnership_id = $1 AND t.kind = 'stage'
         GROUP BY 1 ORDER BY 1`,
  MEDIAN_DAYS: `WITH entries AS (
           SELECT pr.id AS project_id, 'learn'::text AS stage, pr.created_at AS entered_at FROM projects pr WHERE pr.partnership_id = $1
           UNION ALL
           SELECT t.project_id, t.to_stage, t.decided_at FROM stage_transitions t JOIN projects pr ON pr.id = t.project_id
           WHERE pr.partnership_id = $1 AND t.kind = 'stage'
         ), ends AS (
           SELECT pr.id AS project_id,
             CASE WHEN pr.status = 'active' THEN now()
                  ELSE coalesce((SELECT max(t.decided_at) FROM stage_transitions t WHERE t.project_id = pr.id AND t.kind = 'status'), pr.updated_at)
             END AS ended_at
           FROM projects pr WHERE pr.partnership_id = $1
         ), spans AS (
           SELECT e.stage, e.entered_at,
             coalesce(lead(e.entered_at) OVER (PARTITION BY e.project_id ORDER BY e.entered_at), x.ended_at) AS left_at
           FROM entries e JOIN ends x ON x.project_id = e.project_id
         )
         SELECT stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at) / 86400) AS median
         FROM spans WHERE left_at >= entered_at GROUP BY stage`,
  // The latest measurement only: progress itself is computed by indicatorProgress, as on the project page.
  INDICATORS: `SELECT i.id, i.project_id, i.name, i.baseline, i.target, i.direction, l.value AS latest
         FROM indicators i JOIN projects pr ON pr.id = i.project_id
         LEFT JOIN LATERAL (SELECT m.value FROM measurements m WHERE m.indicator_id = i.id
                            ORDER BY m.measured_on DESC, m.created_at DESC, m.id DESC LIMIT 1) l ON true
         WHERE pr.partnership_id = $1 AND pr.status = 'active'
         ORDER BY pr.title, i.name`,
  MATCHES: matchCountsSql('$1'),
  CLOSED_PROJECTS: `SELECT pr.id, pr.title, pr.status, t.rationale, t.decided_at AS closed_at
         FROM projects pr LEFT JOIN LATERAL (
           SELECT rationale, decided_at FROM stage_transitions WHERE project_id = pr.id AND kind = 'status' AND to_status = pr.status
           ORDER BY decided_at DESC LIMIT 1) t ON true
         WHERE pr.partnership_id = $1 AND pr.status <> 'active'
         ORDER BY t.decided_at DESC NULLS LAST LIMIT 50`,
} as const;

/** Statements of the overview; `visible` is the visibility condition on partnerships p, with $1 the actor's organisation. */
function overviewSql(visible: string) {
  return {
    PARTNERSHIPS: `SELECT p.id, p.name, coalesce(c.learn, 0) AS learn, coalesce(c.test, 0) AS test, coalesce(c.establish, 0) AS establish,
                coalesce(c.active, 0) AS active, coalesce(c.stopped, 0) AS stopped, coalesce(c.completed, 0) AS completed
         FROM partnerships p LEFT JOIN partnership_project_counts c ON c.partnership_id = p.id
         WHERE ${visible} ORDER BY lower(p.name)`,
    ORGANIZATIONS: `SELECT o.id, o.name, sum(c.active_projects)::int AS projects
         FROM partnership_organization_counts c
         JOIN partnerships p ON p.id = c.partnership_id
         JOIN organizations o ON o.id = c.organization_id
         WHERE c.active_projects > 0 AND ${visible} GROUP BY o.id ORDER BY projects DESC, o.name`,
    RECENT_TRANSITIONS: `SELECT t.project_id, pr.title AS project_title, t.from_stage, t.to_stage, t.decided_at
         FROM stage_transitions t
         JOIN projects pr ON pr.id = t.project_id
         JOIN partnerships p ON p.id = pr.partnership_id
         WHERE t.kind = 'stage' AND ${visible}
         ORDER BY t.decided_at DESC LIMIT 10`,
  };
}

/**
 * Every figure is computed in PostgreSQL, one statement per block, so the
 * number of statements per request is fixed whatever the size of the data.
 */
@Injectable()
export class DashboardsService {
  private readonly dashboards: VersionedCache<PartnershipDashboard>;
  private readonly overviews: VersionedCache<Overview>;

  constructor(
    private readonly db: Database,
    private readonly access: PartnershipAccess,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const maxAgeMs = config.dashboardCache ? 60_000 : 0;
    this.dashboards = new VersionedCache(maxAgeMs);
    // Every row is kept; what goes out by default is the first page of each list.
    this.overviews = new VersionedCache(maxAgeMs, (o) => JSON.stringify(firstRows(o, OVERVIEW_ROWS_DEFAULT)));
  }

  /**
   * Visibility and the data version are read from the database on every
   * request; the figures are recomputed only when the version has moved
   * (or a minute has passed, since stays in a stage grow with time).
   */
  async partnership(actor: Actor, id: string): Promise<PartnershipDashboard> {
    return (await this.partnershipEntry(actor, id)).value;
  }

  /** The same, already serialised with its ETag: a cached dashboard is not turned into JSON, or hashed, again. */
  async partnershipJson(actor: Actor, id: string): Promise<Serialised> {
    return this.partnershipEntry(actor, id);
  }

  /** The overview with the first `limit` rows of each list (the default page comes serialised from the cache). */
  async overviewJson(actor: Actor, limit = OVERVIEW_ROWS_DEFAULT): Promise<Serialised> {
    const entry = await this.overviewEntry(actor);
    if (limit === OVERVIEW_ROWS_DEFAULT) return entry;
    const json = JSON.stringify(firstRows(entry.value, limit));
    return { json, etag: etagOf(json) };
  }

  /** The overview's partnership rows by name, a page at a time. */
  async overviewPartnerships(actor: Actor, limit: number, cursor?: string): Promise<{ rows: OverviewPartnership[]; next: string | null }> {
    const { value } = await this.overviewEntry(actor);
    return pageAfter(value.partnerships, partnershipKey, limit, cursor ? decodeSortKey(cursor, ['string', 'string']) : null);
  }

  /** The overview's organisation rows, most projects first, a page at a time. */
  async overviewOrganizations(
    actor: Actor,
    limit: number,
    cursor?: string,
  ): Promise<{ rows: OverviewOrganization[]; next: string | null }> {
    const { value } = await this.overviewEntry(actor);
    return pageAfter(value.organizations, organizationKey, limit, cursor ? decodeSortKey(cursor, ['number', 'string', 'string']) : null);
  }

  /**
   * The council report: the dashboard, the active projects by stage with their latest rationale,
   * and when the first project began. Answers 404, like the dashboard, to whoever may not see the partnership.
   */
  async reportData(
    actor: Actor,
    id: string,
  ): Promise<{ dashboard: PartnershipDashboard; projects: ReportProject[]; firstProjectAt: Date | null }> {
    const dashboard = await this.partnership(actor, id);
    const [projects, [first]] = await Promise.all([
      this.db.reader().query<{ title: string; stage: Stage; participants: string; rationale: string | null; decided_at: Date | null }[]>(
        `SELECT pr.title, pr.stage,
           (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id
             WHERE pp.project_id = pr.id) AS participants,
           t.rationale, t.decided_at
         FROM projects pr
         LEFT JOIN LATERAL (SELECT rationale, decided_at FROM stage_transitions WHERE project_id = pr.id AND kind = 'stage'
                            ORDER BY decided_at DESC LIMIT 1) t ON true
         WHERE pr.partnership_id = $1 AND pr.status = 'active'
         ORDER BY pr.stage, pr.title LIMIT 500`,
        [id],
      ),
      this.db.reader().query<{ first: Date | null }[]>(`SELECT min(created_at) AS first FROM projects WHERE partnership_id = $1`, [id]),
    ]);
    return {
      dashboard,
      projects: projects.map((p) => ({
        title: p.title,
        stage: p.stage,
        participants: p.participants,
        rationale: p.rationale,
        decidedAt: p.decided_at,
      })),
      firstProjectAt: first?.first ?? null,
    };
  }

  private async partnershipEntry(actor: Actor, id: string): Promise<Computed<PartnershipDashboard>> {
    const scope = await this.access.visiblePartnership(actor, id);
    return this.dashboards.get(id, scope.dataVersion, () => this.computePartnership(id));
  }

  private async overviewEntry(actor: Actor): Promise<Computed<Overview>> {
    const { version } = onlyRow(await this.db.reader().query<{ version: string }[]>(OVERVIEW_VERSION_SQL));
    const key = actor.role === 'admin' ? 'admin' : `org:${actor.organizationId}`;
    return this.overviews.get(key, version, () => this.computeOverview(actor));
  }

  private async computePartnership(id: string): Promise<PartnershipDashboard> {
    const q = <T>(sql: string) => this.db.reader().query<T[]>(sql, [id]);
    const [[head], focus, orgs, months, medians, indicators, [matches], closed] = await Promise.all([
      q<{ name: string; learn: number; test: number; establish: number; active: number; stopped: number; completed: number }>(
        PARTNERSHIP_DASHBOARD_SQL.HEAD,
      ),
      q<{ id: string | null; name: string | null; learn: number; test: number; establish: number }>(
        PARTNERSHIP_DASHBOARD_SQL.BY_FOCUS_AREA,
      ),
      q<{ id: string; name: string; projects: number; answers: Record<string, { given: number; received: number }> }>(
        PARTNERSHIP_DASHBOARD_SQL.BY_ORGANIZATION,
      ),
      q<{ month: string; count: number }>(PARTNERSHIP_DASHBOARD_SQL.TRANSITIONS_BY_MONTH),
      q<{ stage: Stage; median: number | null }>(PARTNERSHIP_DASHBOARD_SQL.MEDIAN_DAYS),
      q<{ id: string; project_id: string; name: string; baseline: number; target: number; direction: Direction; latest: number | null }>(
        PARTNERSHIP_DASHBOARD_SQL.INDICATORS,
      ),
      q<{ offers: number; wishes: number; met: number }>(PARTNERSHIP_DASHBOARD_SQL.MATCHES),
      q<{ id: string; title: string; status: ProjectStatus; rationale: string | null; closed_at: Date | null }>(
        PARTNERSHIP_DASHBOARD_SQL.CLOSED_PROJECTS,
      ),
    ]);
    const medianOf = (stage: Stage) => {
      const m = medians.find((r) => r.stage === stage)?.median;
      return m === undefined || m === null ? null : Math.round(m * 10) / 10;
    };
    return {
      partnership: { id, name: head?.name ?? '' },
      stageCounts: { learn: head?.learn ?? 0, test: head?.test ?? 0, establish: head?.establish ?? 0 },
      statusCounts: { active: head?.active ?? 0, stopped: head?.stopped ?? 0, completed: head?.completed ?? 0 },
      byFocusArea: focus.map((f) => ({
        focusArea: f.id ? { id: f.id, name: f.name ?? '' } : null,
        learn: f.learn,
        test: f.test,
        establish: f.establish,
      })),
      byOrganization: orgs.map((o) => {
        const byQuestion = Object.fromEntries(
          QUESTIONS.map((question) => [question, o.answers[question] ?? { given: 0, received: 0 }]),
        ) as Record<Question, AnswerCounts>;
        return {
          organization: { id: o.id, name: o.name },
          projects: o.projects,
          answersGiven: QUESTIONS.reduce((sum, question) => sum + byQuestion[question].given, 0),
          answersReceived: QUESTIONS.reduce((sum, question) => sum + byQuestion[question].received, 0),
          byQuestion,
        };
      }),
      transitionsByMonth: months,
      medianDaysInStage: { learn: medianOf('learn'), test: medianOf('test'), establish: medianOf('establish') },
      indicators: indicators.map((i) => ({
        id: i.id,
        projectId: i.project_id,
        name: i.name,
        progress: indicatorProgress(i.baseline, i.target, i.direction, i.latest),
      })),
      matches: matches ?? { offers: 0, wishes: 0, met: 0 },
      closedProjects: closed.map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        rationale: c.rationale,
        closedAt: c.closed_at ? c.closed_at.toISOString() : null,
      })),
    };
  }

  private async computeOverview(actor: Actor): Promise<Overview> {
    const params = [actor.organizationId];
    const visible = visiblePartnershipSql(actor, 'p', '$1');
    const sql = overviewSql(visible);
    const [partnerships, organizations, recent] = await Promise.all([
      this.db
        .reader()
        .query<
          { id: string; name: string; learn: number; test: number; establish: number; active: number; stopped: number; completed: number }[]
        >(sql.PARTNERSHIPS, params),
      this.db.reader().query<{ id: string; name: string; projects: number }[]>(sql.ORGANIZATIONS, params),
      this.db
        .reader()
        .query<{ project_id: string; project_title: string; from_stage: Stage; to_stage: Stage; decided_at: Date }[]>(
          sql.RECENT_TRANSITIONS,
          params,
        ),
    ]);
    const stageCounts = zeroStages();
    const statusCounts = { active: 0, stopped: 0, completed: 0 };
    for (const p of partnerships) {
      stageCounts.learn += p.learn;
      stageCounts.test += p.test;
      stageCounts.establish += p.establish;
      statusCounts.active += p.active;
      statusCounts.stopped += p.stopped;
      statusCounts.completed += p.completed;
    }
    // Sorted here, by the same keys the page cursors use.
    const partnershipRows = partnerships
      .map((p) => ({ id: p.id, name: p.name, stageCounts: { learn: p.learn, test: p.test, establish: p.establish } }))
      .sort(byKey(partnershipKey));
    const organizationRows = organizations.map((o) => ({ id: o.id, name: o.name, projects: o.projects })).sort(byKey(organizationKey));
    return {
      stageCounts,
      statusCounts,
      partnerships: partnershipRows,
      partnershipCount: partnershipRows.length,
      organizations: organizationRows,
      organizationCount: organizationRows.length,
      recentTransitions: recent.map((r) => ({
        projectId: r.project_id,
        projectTitle: r.project_title,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        decidedAt: r.decided_at.toISOString(),
      })),
    };
  }
}

export interface Serialised {
  json: string;
  etag: string;
}

interface Computed<T> extends Serialised {
  value: T;
}

/** Computed figures per key, valid while the database's version for them is unchanged and for at most a minute. */
class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; at: number; value: Promise<Computed<T>> }>();

  constructor(
    private readonly maxAgeMs = 60_000,
    private readonly serialise: (value: T) => string = (value) => JSON.stringify(value),
    private readonly maxEntries = 1_000,
  ) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<Computed<T>> {
    const hit = this.entries.get(key);
    // A version read from a replica may be behind one already computed from the primary: the newer figures serve both.
    if (hit && atLeast(hit.version, version) && Date.now() - hit.at < this.maxAgeMs) return hit.value;
    const value = compute().then((v) => {
      const json = this.serialise(v);
      return { value: v, json, etag: etagOf(json) };
    });
    // Concurrent requests for the same version share one computation; a failure is not kept.
    value.catch(() => this.entries.delete(key));
    this.entries.delete(key);
    this.entries.set(key, { version, at: Date.now(), value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

/** Whether data version `a` is the same as or newer than `b` (versions are counters, or counters joined by "/"). */
function atLeast(a: string, b: string): boolean {
  if (a === b) return true;
  const as = a.split('/');
  const bs = b.split('/');
  return as.length === bs.length && as.every((part, i) => BigInt(part) >= BigInt(bs[i] as string));
}

const partnershipKey = (p: OverviewPartnership): SortKey => [p.name.toLowerCase(), p.id];
const organizationKey = (o: OverviewOrganization): SortKey => [-o.projects, o.name, o.id];

function byKey<T>(keyOf: (row: T) => SortKey): (a: T, b: T) => number {
  return (a, b) => compareKeys(keyOf(a), keyOf(b));
}

/** The overview with only the first `limit` rows of each list; the totals stay whole. */
function firstRows(overview: Overview, limit: number): Overview {
  return { ...overview, partnerships: overview.partnerships.slice(0, limit), organizations: overview.organizations.slice(0, limit) };
}
