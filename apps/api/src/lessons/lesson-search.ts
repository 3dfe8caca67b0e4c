import type { Country, LessonKind, LessonQuery, LessonSource, ProjectStatus, Stage } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { SIMILAR_CANDIDATES, similarQuerySql } from '../similar/similar-query';

/** Marks ts_headline puts around matched words: private-use characters, taken out of the text first so they are ours alone. */
export const MATCH_START = '\uE000';
export const MATCH_STOP = '\uE001';
export const FRAGMENT_DELIMITER = ' … ';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`;

/** What the lessons are matched against: a search, or the text of work someone is starting. */
export type LessonMatch =
  | { kind: 'search'; text: string }
  /** Read in the language of `organizationId` (see samspill_similar_config). */
  | { kind: 'similar'; text: string; organizationId: string | null }
  | null;

export interface LessonSearch {
  match: LessonMatch;
  filters: Omit<LessonQuery, 'q' | 'limit' | 'offset'>;
  limit: number;
  offset: number;
  /** Leaves out the lessons of this project ("elsewhere on the platform"). */
  excludeProjectId?: string;
}

export interface LessonRow {
  source: LessonSource;
  id: string;
  kind: LessonKind;
  text: string;
  created_at: Date;
  organization_id: string | null;
  organization_name: string | null;
  organization_country: Country | null;
  project_id: string;
  project_title: string;
  project_stage: Stage;
  project_status: ProjectStatus;
  partnership_id: string;
  partnership_name: string;
  headline: string | null;
  total: number;
}

/**
 * Lessons come from two places, each searched through its own partial GIN
 * index: lessons and results of the improvement log, and the rationales with
 * which projects were stopped or completed. Only what ranking and filtering
 * need is carried; the texts are read for the page's rows alone. `match` is
 * the tsquery expression (null: every lesson).
 */
function lessonSourcesSql(match: string | null): string {
  const log = match ? `AND e.search_vector @@ ${match}` : '';
  const closing = match ? `AND t.search_vector @@ ${match}` : '';
  return `SELECT 'log'::text AS source, e.id, e.project_id, e.organization_id, e.created_at, e.search_vector
         FROM log_entries e WHERE e.kind IN ('lesson', 'result') ${log}
         UNION ALL
         SELECT 'closing', t.id, t.project_id, u.organization_id, t.decided_at, t.search_vector
         FROM stage_transitions t JOIN users u ON u.id = t.decided_by
         WHERE t.kind = 'status' AND t.to_status IN ('stopped', 'completed') ${closing}`;
}

/**
 * One statement: the page of lessons the actor may see, ranked (newest first
 * without a match), with the total in a window count and the snippet from
 * ts_headline for the page's rows only. `countOnly` gives the total alone, for
 * a page past the end (where the window count has no row to ride on).
 */
export function lessonSearchSql(actor: Actor, search: LessonSearch, countOnly = false): { text: string; values: unknown[] } {
  const values: unknown[] = [actor.organizationId];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  let query: string | null = null;
  if (search.match?.kind === 'search') query = `samspill_search_query(${param(search.match.text)})`;
  if (search.match?.kind === 'similar') {
    const { organizationId, text } = search.match;
    query = similarQuerySql('log_entries', param(organizationId), param(text));
  }

  const f = search.filters;
  const where: string[] = ['($1::uuid IS NULL OR true)'];
  // The projects whose lessons may come back: in a partnership the actor may see (all, for an admin), narrowed by the
  // filters on the project. The partnerships are listed first so the projects are found through their index.
  const onProject: string[] = [];
  if (actor.role !== 'admin') {
    onProject.push(`pr.partnership_id = ANY (ARRAY(SELECT p.id FROM partnerships p WHERE ${visiblePartnershipSql(actor, 'p', '$1')}))`);
  }
  if (f.focusArea) {
    onProject.push(
      `EXISTS (SELECT 1 FROM focus_areas fa WHERE fa.id = pr.focus_area_id AND lower(fa.name) = lower(${param(f.focusArea)}))`,
    );
  }
  if (f.projectStatus) onProject.push(`pr.status = ${param(f.projectStatus)}`);
  if (search.excludeProjectId) onProject.push(`pr.id <> ${param(search.excludeProjectId)}::uuid`);
  if (onProject.length > 0) where.push(`l.project_id IN (SELECT pr.id FROM projects pr WHERE ${onProject.join(' AND ')})`);
  if (f.organizationId) where.push(`l.organization_id = ${param(f.organizationId)}::uuid`);
  if (f.country) where.push(`EXISTS (SELECT 1 FROM organizations fo WHERE fo.id = l.organization_id AND fo.country = ${param(f.country)})`);
  if (f.from) where.push(`l.created_at >= ${param(f.from)}::date`);
  if (f.to) where.push(`l.created_at < ${param(f.to)}::date + 1`);

  const matched = `SELECT * FROM (${lessonSourcesSql(query ? '(SELECT q FROM query)' : null)}) l WHERE ${where.join(' AND ')}`;
  // Similar work ranks a bounded number of matches (see SIMILAR_CANDIDATES); a search ranks and counts them all.
  const from = `FROM (${matched}${search.match?.kind === 'similar' ? ` LIMIT ${SIMILAR_CANDIDATES}` : ''}) l`;
  // MATERIALIZED: the query is made once, never again for each row it is compared with.
  const withQuery = `WITH query AS MATERIALIZED (SELECT ${query ?? "''::tsquery"} AS q)`;
  if (countOnly) return { text: `${withQuery} SELECT count(*)::int AS total ${from}`, values };

  const rank = query ? `ts_rank_cd(l.search_vector, (SELECT q FROM query), 32)` : '0::real';
  const limit = param(search.limit);
  const offset = param(search.offset);
  const headline = query
    ? `ts_headline(samspill_search_config(o.country), translate(x.text, ${param(MATCH_START + MATCH_STOP)}, ''), query.q, ${param(HEADLINE_OPTIONS)})`
    : 'NULL::text';
  // The rank is worked out in its own step (OFFSET 0 keeps it there), so the window that counts the matches holds
  // narrow rows, not every match's search vector (which spilled to disk for a common word).
  const text = `${withQuery},
       page AS (
         SELECT ranked.*, count(*) OVER ()::int AS total
         FROM (SELECT l.source, l.id, l.created_at, l.organization_id, l.project_id, ${rank} AS rank ${from} OFFSET 0) ranked
         ORDER BY ranked.rank DESC, ranked.created_at DESC, ranked.id
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT page.source, page.id, x.kind, x.text, page.created_at, page.organization_id,
              o.name AS organization_name, o.country AS organization_country,
              pr.id AS project_id, pr.title AS project_title, pr.stage AS project_stage, pr.status AS project_status,
              p.id AS partnership_id, p.name AS partnership_name, page.total,
              ${headline} AS headline
       FROM page
       CROSS JOIN LATERAL (
         SELECT e.kind, e.text FROM log_entries e WHERE page.source = 'log' AND e.id = page.id
         UNION ALL
         SELECT t.to_status, t.rationale FROM stage_transitions t WHERE page.source = 'closing' AND t.id = page.id
       ) x
       JOIN projects pr ON pr.id = page.project_id JOIN partnerships p ON p.id = pr.partnership_id
       LEFT JOIN organizations o ON o.id = page.organization_id, query
       ORDER BY page.rank DESC, page.created_at DESC, page.id`;
  return { text, values };
}
