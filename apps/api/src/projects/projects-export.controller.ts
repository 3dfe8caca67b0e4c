import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectListQuery, type ProjectStatus, type Stage } from '@samspill/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { labelsFor } from '../common/labels';
import { projectFilter } from './projects.service';

interface ExportRow {
  id: string;
  updated_at: Date;
  /** Full-precision timestamp text: a JS Date would drop the microseconds the keyset needs. */
  cursor: string;
  title: string;
  partnership: string;
  focus_area: string | null;
  stage: Stage;
  status: ProjectStatus;
  participants: string | null;
  created_at: Date;
}

const PAGE = 2000;

/**
 * The project list as CSV for Excel: UTF-8 with a byte-order mark (so æøå
 * survive), semicolons (the Nordic list separator) and CRLF line ends.
 * Written page by page, so a large export never sits whole in memory.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class ProjectsExportController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('projects.csv')
  @ApiProduces('text/csv')
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ProjectListQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const labels = labelsFor(acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'nb');
    const { from, params } = projectFilter(actorOf(user), { ...query, limit: undefined, offset: undefined });
    const date = (d: Date) => d.toISOString().slice(0, 10);
    const chunks: string[] = ['\uFEFF', csvLine(labels.csv)];
    let after: { cursor: string; id: string } | null = null;
    for (;;) {
      const keyset: string = after ? `AND (pr.updated_at, pr.id) < ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)` : '';
      const rows: ExportRow[] = await this.dataSource.query<ExportRow[]>(
        `SELECT pr.id, pr.updated_at, pr.updated_at::text AS cursor, pr.title, p.name AS partnership, f.name AS focus_area, pr.stage, pr.status, pr.created_at,
           (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM project_participants pp
              JOIN organizations o ON o.id = pp.organization_id WHERE pp.project_id = pr.id) AS participants
         ${from.replace('FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id', 'FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id LEFT JOIN focus_areas f ON f.id = pr.focus_area_id')}
         ${keyset}
         ORDER BY pr.updated_at DESC, pr.id DESC LIMIT ${PAGE}`,
        after ? [...params, after.cursor, after.id] : params,
      );
      for (const r of rows) {
        chunks.push(
          csvLine([r.title, r.partnership, r.focus_area ?? '', labels.stage[r.stage], labels.status[r.status], r.participants ?? '', date(r.created_at), date(r.updated_at)]),
        );
      }
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) break;
      after = { cursor: last.cursor, id: last.id };
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="samspill-prosjekter-${new Date().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store')
      .send(chunks.join(''));
  }
}

/** Quotes every cell; a leading = + - @ is neutralised so Excel never runs it as a formula. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => `"${(/^[=+\-@\t\r]/.test(c) ? `'${c}` : c).replaceAll('"', '""')}"`).join(';')}\r\n`;
}
