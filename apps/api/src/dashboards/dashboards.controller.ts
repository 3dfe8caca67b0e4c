import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Stage } from '@samspill/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { DashboardsService } from './dashboards.service';
import { renderPartnershipReport } from './partnership-report';

/** Dashboards are sent pre-serialised: a cached one is not turned into JSON again on every request. */
const JSON_TYPE = 'application/json; charset=utf-8';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('overview')
  @ApiOkResponse({ description: 'Overview: stageCounts, statusCounts, partnerships, organizations, recentTransitions' })
  async overview(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.type(JSON_TYPE);
    return this.dashboards.overviewJson(actorOf(user));
  }

  @Get('partnerships/:id')
  @ApiOkResponse({ description: 'PartnershipDashboard (see libs/shared/contracts dashboards.ts)' })
  async partnership(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    reply.type(JSON_TYPE);
    return this.dashboards.partnershipJson(actorOf(user), id);
  }

  @Get('partnerships/:id/report.pdf')
  @ApiProduces('application/pdf')
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const dashboard = await this.dashboards.partnership(actorOf(user), id);
    const projects = await this.dataSource.query<
      { title: string; stage: Stage; participants: string; rationale: string | null; decided_at: Date | null }[]
    >(
      `SELECT pr.title, pr.stage,
         (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id
           WHERE pp.project_id = pr.id) AS participants,
         t.rationale, t.decided_at
       FROM projects pr
       LEFT JOIN LATERAL (SELECT rationale, decided_at FROM stage_transitions WHERE project_id = pr.id AND from_status IS NULL
                          ORDER BY decided_at DESC LIMIT 1) t ON true
       WHERE pr.partnership_id = $1 AND pr.status = 'active'
       ORDER BY pr.stage, pr.title LIMIT 500`,
      [id],
    );
    const [{ first }] = await this.dataSource.query<{ first: Date | null }[]>(
      `SELECT min(created_at) AS first FROM projects WHERE partnership_id = $1`,
      [id],
    );
    const locale = acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'nb';
    const pdf = await renderPartnershipReport(
      dashboard,
      projects.map((p) => ({ title: p.title, stage: p.stage, participants: p.participants, rationale: p.rationale, decidedAt: p.decided_at })),
      { from: first ?? new Date(), to: new Date() },
      locale,
    );
    const fileName = dashboard.partnership.name.normalize('NFKD').replace(/[^\w-]+/g, '-').toLowerCase();
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="samspill-rapport-${fileName}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}
