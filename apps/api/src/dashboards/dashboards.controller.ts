import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  Overview,
  type OverviewOrganization,
  type OverviewPartnership,
  OverviewQuery,
  OVERVIEW_ROWS_DEFAULT,
  OverviewRowsQuery,
  PartnershipDashboard,
  ReportQuery,
} from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { keepCompressed } from '../common/compression';
import { CurrentUser } from '../common/decorators';
import { fileLocale } from '../i18n/locale';
import { linkNext } from '../common/paging';
import { DashboardsService } from './dashboards.service';
import { renderPartnershipReport } from './partnership-report';
import { ReadsMayLag } from '../database/read-routing';

/** Dashboards are sent pre-serialised: a cached one is not turned into JSON again on every request. */
const JSON_TYPE = 'application/json; charset=utf-8';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  /** Figures across every partnership you may see, with the first rows of its partnership and organisation lists. */
  @ReadsMayLag()
  @Get('overview')
  @ApiOkResponse({ type: Overview })
  async overview(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: OverviewQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { json, etag } = await this.dashboards.overviewJson(actorOf(user), query.limit);
    keepCompressed(reply).type(JSON_TYPE).header('etag', etag);
    return json;
  }

  /** The overview's partnership rows by name, a page at a time (Link: rel="next"). */
  @ReadsMayLag()
  @Get('overview/partnerships')
  async overviewPartnerships(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: OverviewRowsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OverviewPartnership[]> {
    const page = await this.dashboards.overviewPartnerships(actorOf(user), query.limit ?? OVERVIEW_ROWS_DEFAULT, query.cursor);
    linkNext(request, reply, page.next);
    return page.rows;
  }

  /** The overview's organisation rows, most projects first, a page at a time (Link: rel="next"). */
  @ReadsMayLag()
  @Get('overview/organizations')
  async overviewOrganizations(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: OverviewRowsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OverviewOrganization[]> {
    const page = await this.dashboards.overviewOrganizations(actorOf(user), query.limit ?? OVERVIEW_ROWS_DEFAULT, query.cursor);
    linkNext(request, reply, page.next);
    return page.rows;
  }

  /** The figures of one partnership: stages, organisations, time in stage, indicators, matches, closed projects. */
  @ReadsMayLag()
  @Get('partnerships/:id')
  @ApiOkResponse({ type: PartnershipDashboard })
  async partnership(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { json, etag } = await this.dashboards.partnershipJson(actorOf(user), id);
    keepCompressed(reply).type(JSON_TYPE).header('etag', etag);
    return json;
  }

  /** The council report as a tagged PDF (PDF/UA): figures as charts and tables, run charts, benefits, follow-ups, projects by stage; in ?lang= (nb, nn, da, sv, fi, en), else in the reader's own language. */
  @ReadsMayLag()
  @Get('partnerships/:id/report.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReportQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const data = await this.dashboards.reportData(actorOf(user), id);
    const pdf = await renderPartnershipReport(data, fileLocale(query.lang, request));
    const fileName = data.dashboard.partnership.name
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
