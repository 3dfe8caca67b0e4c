import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { localeFromAcceptLanguage } from '../common/labels';
import { DashboardsService } from './dashboards.service';
import { renderPartnershipReport } from './partnership-report';

/** Dashboards are sent pre-serialised: a cached one is not turned into JSON again on every request. */
const JSON_TYPE = 'application/json; charset=utf-8';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

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
    const { dashboard, projects, firstProjectAt } = await this.dashboards.reportData(actorOf(user), id);
    const pdf = await renderPartnershipReport(
      dashboard,
      projects,
      { from: firstProjectAt ?? new Date(), to: new Date() },
      localeFromAcceptLanguage(acceptLanguage),
    );
    const fileName = dashboard.partnership.name
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .toLowerCase();
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="samspill-rapport-${fileName}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}
