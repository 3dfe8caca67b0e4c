import { Injectable } from '@nestjs/common';
import type { Locale, ProjectListQuery, ProjectStatus, Stage } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { csvLine } from '../common/csv';
import { labelsFor } from '../common/labels';
import { projectFilter } from './projects.service';
import { Database } from '../database/database';

interface ExportRow {
  id: string;
  /** Full-precision timestamp text: a JS Date would drop the microseconds the keyset needs. */
  cursor: string;
  title: string;
  partnership: string;
  focus_area: string | null;
  stage: Stage;
  status: ProjectStatus;
  participants: string | null;
  created_on: string;
  updated_on: string;
}

const PAGE = 2000;

/**
 * The project list as CSV for Excel: UTF-8 with a byte-order mark (so æøå
 * survive), semicolons (the Nordic list separator) and CRLF line ends.
 * Produced page by page (keyset on updated_at, id), so a large export is
 * streamed and never sits whole in memory.
 */
@Injectable()
export class ProjectsExport {
  constructor(private readonly db: Database) {}

  async *csv(actor: Actor, query: ProjectListQuery, locale: Locale): AsyncGenerator<string> {
    const labels = labelsFor(locale);
    const { from, params } = projectFilter(actor, { ...query, limit: undefined, offset: undefined, cursor: undefined });
    // The header goes out with the first page, so a failing first query is still answered as an error.
    let prefix = `\uFEFF${csvLine(labels.csv)}`;
    let after: { cursor: string; id: string } | null = null;
    for (;;) {
      const keyset = after ? `AND (pr.updated_at, pr.id) < ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)` : '';
      const rows: ExportRow[] = await this.db.reader().query<ExportRow[]>(
        `SELECT pr.id, pr.updated_at::text AS cursor, pr.title, p.name AS partnership, pr.stage, pr.status,
           (SELECT f.name FROM focus_areas f WHERE f.id = pr.focus_area_id) AS focus_area,
           (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM project_participants pp
              JOIN organizations o ON o.id = pp.organization_id WHERE pp.project_id = pr.id) AS participants,
           to_char(pr.created_at, 'YYYY-MM-DD') AS created_on, to_char(pr.updated_at, 'YYYY-MM-DD') AS updated_on
         ${from} ${keyset}
         ORDER BY pr.updated_at DESC, pr.id DESC LIMIT ${PAGE}`,
        after ? [...params, after.cursor, after.id] : params,
      );
      yield (
        prefix +
        rows
          .map((r) =>
            csvLine([
              r.title,
              r.partnership,
              r.focus_area ?? '',
              labels.stage[r.stage],
              labels.status[r.status],
              r.participants ?? '',
              r.created_on,
              r.updated_on,
            ]),
          )
          .join('')
      );
      prefix = '';
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) return;
      after = { cursor: last.cursor, id: last.id };
    }
  }
}
