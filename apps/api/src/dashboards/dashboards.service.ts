import { Inject, Injectable } from '@nestjs/common';
import {
  type AnswerCounts,
  BENEFIT_UNITS,
  type BenefitSum,
  type BenefitUnit,
  type Direction,
  type ChartPoint,
  type FollowUpCounts,
  type FollowUpStatus,
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
import { type Actor, indicatorProgress, organizationProgress, runChart, today } from '@samspill/domain';
import { followUpStatusSql, matchCountsSql, visiblePartnershipSql } from '@samspill/api/sql-rules';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { etagOf } from '../common/http-caching';
import { compareKeys, decodeSortKey, pageAfter, type SortKey } from '../common/paging';
import { Database } from '../database/database';
import { onlyRow } from '../database/only-row';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { notFound } from '../common/domain-exception';
import type { ReportData, ReportIndicator } from './partnership-report';

const zeroStages = (): StageCounts => ({ learn: 0, test: 0, establish: 0 });

/** Moves whenever any partnership's data version moves, or a partnership is added. */
const OVERVIEW_VERSION_SQL = `SELECT coalesce(sum(data_version), 0)::text || '/' || count(*) AS version FROM partnerships`;

/**
 * Follow-up counts over `from` (joins and a WHERE on follow_ups f), all of
 * them and those asked a year or more after the move into establish.
 */
function followUpCountsSql(from: string, todayParam: string): string {
  const status = followUpStatusSql('f', todayParam);
  const counts = (filter: string, suffix: string) =>
    FOLLOW_UP_COUNT_KEYS.map((k) => `count(*) FILTER (WHERE ${status} = '${k}'${filter})::int AS ${k}${suffix}`).join(', ');
  return `SELECT ${counts('', '')}, ${counts(' AND f.months >= 12', '_after_a_year')} FROM follow_ups f ${from}`;
}

const FOLLOW_UP_COUNT_KEYS = ['due', 'held', 'slipped', 'abandoned'] as const;
type FollowUpCountRow = Record<(typeof FOLLOW_UP_COUNT_KEYS)[number] | `${(typeof FOLLOW_UP_COUNT_KEYS)[number]}_after_a_year`, number>;

function followUpCounts(row: FollowUpCountRow | undefined): { followUps: FollowUpCounts; followUpsAfterAYear: FollowUpCounts } {
  const pick = (suffix: '' | '_after_a_year') =>
    Object.fromEntries(FOLLOW_UP_COUNT_KEYS.map((k) => [k, row?.[`${k}${suffix}`] ?? 0])) as unknown as FollowUpCounts;
  return { followUps: pick(''), followUpsAfterAYear: pick('_after_a_year') };
}

/** Sums in the order of BENEFIT_UNITS, so every screen lists units alike. */
function benefitSums(rows: { unit: BenefitUnit; identified: number; realised: number }[]): BenefitSum[] {
  return [...rows]
    .sort((a, b) => BENEFIT_UNITS.indexOf(a.unit) - BENEFIT_UNITS.indexOf(b.unit))
    .map(({ unit, identified, realised }) => ({ unit, identified, realised }));
}

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
  // Each step is made once (MATERIALIZED): with statistics not yet updated after a bulk change, the planner
  // otherwise re-ran the stage moves for every project (6 s instead of milliseconds for 160 projects).
  MEDIAN_DAYS: `WITH pr AS MATERIALIZED (
           SELECT p.id, p.created_at, p.status, p.updated_at FROM projects p WHERE p.partnership_id = $1
         ), entries AS MATERIALIZED (
           SELECT pr.id AS project_id, 'learn'::text AS stage, pr.created_at AS entered_at FROM pr
           UNION ALL
           SELECT t.project_id, t.to_stage, t.decided_at FROM pr JOIN stage_transitions t ON t.project_id = pr.id AND t.kind = 'stage'
         ), ends AS MATERIALIZED (
           SELECT pr.id AS project_id,
             CASE WHEN pr.status = 'active' THEN now()
                  ELSE coalesce((SELECT max(t.decided_at) FROM stage_transitions t WHERE t.project_id = pr.id AND t.kind = 'status'), pr.updated_at)
             END AS ended_at
           FROM pr
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
  // Issue 11. Benefits summed per unit, for the partnership (organization_id null) and per organisation.
  BENEFITS: `SELECT b.organization_id, b.unit, sum(b.identified)::float8 AS identified, coalesce(sum(b.realised), 0)::float8 AS realised
         FROM benefits b JOIN projects pr ON pr.id = b.project_id
         WHERE pr.partnership_id = $1
         GROUP BY GROUPING SETS ((b.unit), (b.organization_id, b.unit))`,
  // $2 is today: the day from which an unanswered follow-up is due.
  FOLLOW_UPS: followUpCountsSql(`JOIN projects pr ON pr.id = f.project_id WHERE pr.partnership_id = $1`, '$2'),
  // Each organisation's own latest measurement and own figures; progress itself is computed by organizationProgress.
  INDICATORS_BY_ORGANIZATION: `WITH ind AS (
           SELECT i.id, i.project_id, i.baseline, i.target, i.direction FROM indicators i JOIN projects pr ON pr.id = i.project_id
           WHERE pr.partnership_id = $1 AND pr.status = 'active'
         ), orgs AS (
           SELECT ind.id AS indicator_id, pp.organization_id FROM ind JOIN project_participants pp ON pp.project_id = ind.project_id
           UNION SELECT m.indicator_id, m.organization_id FROM measurements m JOIN ind ON ind.id = m.indicator_id WHERE m.organization_id IS NOT NULL
           UNION SELECT t.indicator_id, t.organization_id FROM indicator_targets t JOIN ind ON ind.id = t.indicator_id
         ), latest AS (
           SELECT DISTINCT ON (m.indicator_id, m.organization_id) m.indicator_id, m.organization_id, m.value
           FROM measurements m JOIN ind ON ind.id = m.indicator_id WHERE m.organization_id IS NOT NULL
           ORDER BY m.indicator_id, m.organization_id, m.measured_on DESC, m.created_at DESC, m.id DESC
         )
         SELECT x.indicator_id, o.id AS organization_id, o.name AS organization_name, ind.baseline, ind.target, ind.direction,
                t.baseline AS own_baseline, t.target AS own_target, l.value AS latest
         FROM orgs x JOIN ind ON ind.id = x.indicator_id JOIN organizations o ON o.id = x.organization_id
         LEFT JOIN indicator_targets t ON t.indicator_id = x.indicator_id AND t.organization_id = x.organization_id
         LEFT JOIN latest l ON l.indicator_id = x.indicator_id AND l.organization_id = x.organization_id
         ORDER BY x.indicator_id, o.name, o.id`,
  CLOSED_PROJECTS: `SELECT pr.id, pr.title, pr.status, t.rationale, t.decided_at AS closed_at
         FROM projects pr LEFT JOIN LATERAL (
           SELECT rationale, decided_at FROM stage_transitions WHERE project_id = pr.id AND kind = 'status' AND to_status = pr.status
           ORDER BY decided_at DESC LIMIT 1) t ON true
         WHERE pr.partnership_id = $1 AND pr.status <> 'active'
         ORDER BY t.decided_at DESC NULLS LAST LIMIT 50`,
} as const;

interface ReportSeriesRow {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  baseline: number;
  target: number;
  project: string;
  organization: string;
  own_baseline: number | null;
  own_target: number | null;
  points: ChartPoint[];
}

/** Each organisation's series of the first 30 indicators of the partnership's active projects ($1), oldest point first. */
const REPORT_SERIES_SQL = `SELECT i.id, i.name, i.unit, i.direction, i.baseline, i.target, pr.title AS project, o.name AS organization,
    t.baseline AS own_baseline, t.target AS own_target,
    json_agg(json_build_object('measuredOn', to_char(m.measured_on, 'YYYY-MM-DD'), 'value', m.value)
             ORDER BY m.measured_on, m.created_at, m.id) AS points
  FROM (SELECT i.* FROM indicators i JOIN projects pr ON pr.id = i.project_id
        WHERE pr.partnership_id = $1 AND pr.status = 'active' ORDER BY pr.title, i.name, i.id LIMIT 30) i
  JOIN projects pr ON pr.id = i.project_id
  JOIN measurements m ON m.indicator_id = i.id
  JOIN organizations o ON o.id = m.organization_id
  LEFT JOIN indicator_targets t ON t.indicator_id = i.id AND t.organization_id = o.id
  GROUP BY i.id, i.name, i.unit, i.direction, i.baseline, i.target, pr.title, o.id, o.name, t.baseline, t.target
  ORDER BY pr.title, i.name, i.id, o.name`;

/** Statements of the overview; `visible` is the visibility condition on partnerships p, with $1 the actor's organisation. */
function overviewSql(visible: string) {
  return {
    // Issue 11; $2 is today.
    BENEFITS: `SELECT b.unit, sum(b.identified)::float8 AS identified, coalesce(sum(b.realised), 0)::float8 AS realised
         FROM benefits b JOIN projects pr ON pr.id = b.project_id JOIN partnerships p ON p.id = pr.partnership_id
         WHERE ${visible} GROUP BY b.unit`,
    FOLLOW_UPS: followUpCountsSql(
      `JOIN projects pr ON pr.id = f.project_id JOIN partnerships p ON p.id = pr.partnership_id WHERE ${visible}`,
      '$2',
    ),
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

  /** A public partnership's figures for anyone (issue 13); the same 404 for one that is not public as for one that is not there. */
  async publicPartnershipJson(id: string): Promise<Serialised> {
    const [row] = await this.db
      .reader()
      .query<{ version: string }[]>(`SELECT data_version::text AS version FROM partnerships WHERE id = $1 AND visibility = 'public'`, [id]);
    if (!row) throw notFound('partnership');
    return this.dashboards.get(id, row.version, () => this.computePartnership(id));
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
   * each indicator's run charts, the follow-ups that are due or answered, and the period since the
   * first project began. Answers 404, like the dashboard, to whoever may not see the partnership.
   */
  async reportData(actor: Actor, id: string): Promise<ReportData> {
    const dashboard = await this.partnership(actor, id);
    const [projects, [first], series, followUps] = await Promise.all([
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
      this.db.reader().query<ReportSeriesRow[]>(REPORT_SERIES_SQL, [id]),
      this.db.reader().query<{ project: string; organization: string; due_on: string; status: FollowUpStatus; note: string | null }[]>(
        `SELECT pr.title AS project, o.name AS organization, to_char(f.due_on, 'YYYY-MM-DD') AS due_on,
                ${followUpStatusSql('f', '$2')} AS status, f.note
         FROM follow_ups f JOIN projects pr ON pr.id = f.project_id JOIN organizations o ON o.id = f.organization_id
         WHERE pr.partnership_id = $1 AND (f.answer IS NOT NULL OR f.due_on <= $2::date)
         ORDER BY f.due_on, pr.title, o.name LIMIT 200`,
        [id, today()],
      ),
    ]);
    const indicators = new Map<string, ReportIndicator>();
    for (const row of series) {
      const indicator = indicators.get(row.id) ?? {
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        project: row.project,
        series: [],
      };
      indicators.set(row.id, indicator);
      indicator.series.push({
        organization: row.organization,
        baseline: row.own_baseline ?? row.baseline,
        target: row.own_target ?? row.target,
        points: row.points,
        ...runChart(row.points),
      });
    }
    return {
      dashboard,
      projects: projects.map((p) => ({
        title: p.title,
        stage: p.stage,
        participants: p.participants,
        rationale: p.rationale,
        decidedAt: p.decided_at,
      })),
      indicators: [...indicators.values()],
      followUps: followUps.map((x) => ({
        project: x.project,
        organization: x.organization,
        dueOn: x.due_on,
        status: x.status,
        note: x.note,
      })),
      period: { from: first?.first ?? new Date(), to: new Date() },
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
    const [[head], focus, orgs, months, medians, indicators, [matches], closed, benefits, [followUps], byOrganization] = await Promise.all([
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
      q<{ organization_id: string | null; unit: BenefitUnit; identified: number; realised: number }>(PARTNERSHIP_DASHBOARD_SQL.BENEFITS),
      this.db.reader().query<FollowUpCountRow[]>(PARTNERSHIP_DASHBOARD_SQL.FOLLOW_UPS, [id, today()]),
      q<{
        indicator_id: string;
        organization_id: string;
        organization_name: string;
        baseline: number;
        target: number;
        direction: Direction;
        own_baseline: number | null;
        own_target: number | null;
        latest: number | null;
      }>(PARTNERSHIP_DASHBOARD_SQL.INDICATORS_BY_ORGANIZATION),
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
          benefits: benefitSums(benefits.filter((b) => b.organization_id === o.id)),
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
      benefits: benefitSums(benefits.filter((b) => b.organization_id === null)),
      ...followUpCounts(followUps),
      indicatorsByOrganization: byOrganization.map((r) => ({
        indicatorId: r.indicator_id,
        organization: { id: r.organization_id, name: r.organization_name },
        progress: organizationProgress(
          r,
          r.own_baseline === null || r.own_target === null ? null : { baseline: r.own_baseline, target: r.own_target },
          r.latest,
        ),
      })),
    };
  }

  private async computeOverview(actor: Actor): Promise<Overview> {
    const params = [actor.organizationId];
    const visible = visiblePartnershipSql(actor, 'p', '$1');
    const sql = overviewSql(visible);
    const [partnerships, organizations, recent, benefits, [followUps]] = await Promise.all([
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
      this.db.reader().query<{ unit: BenefitUnit; identified: number; realised: number }[]>(sql.BENEFITS, params),
      this.db.reader().query<FollowUpCountRow[]>(sql.FOLLOW_UPS, [...params, today()]),
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
      benefits: benefitSums(benefits),
      ...followUpCounts(followUps),
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
