import { Controller, Get, Inject, Param, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { OPEN_DATA_LICENCE, PartnershipDashboard, PublicOpenData, PublicPartnership, PublicPartnershipSummary } from '@samspill/contracts';
import type { FastifyReply } from 'fastify';
import { keepCompressed } from '../common/compression';
import { Public } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { DashboardsService } from '../dashboards/dashboards.service';
import { ReadsMayLag } from '../database/read-routing';
import { openDataCsv, openDataJson } from './open-data';
import { PublicRateGuard } from './public-rate.guard';
import { publicPartnershipId, PublicService } from './public.service';

/** Anyone may keep a public answer, shared caches too, but asks each time whether it still holds (ETag, 304). */
const PUBLIC_CACHE = 'public, no-cache';

/** Open data is meant to be used elsewhere: any site's script may read it (no credentials are involved). */
function openToAll(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', PUBLIC_CACHE)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
}
const LICENCE_LINK = `<${OPEN_DATA_LICENCE.url}>; rel="license"`;

/**
 * Public partnerships, read without signing in (issue 13): organisations
 * only, never people. A partnership that is not public, does not exist or
 * is named by something that is not an id gets the same 404.
 */
@ApiTags('public')
@Public()
@UseGuards(PublicRateGuard)
@ApiRefusals(429)
@Controller('public/partnerships')
export class PublicController {
  constructor(
    private readonly publicData: PublicService,
    private readonly dashboards: DashboardsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every public partnership by name, with its member organisations. */
  @ReadsMayLag()
  @Get()
  @ApiOkResponse({ type: PublicPartnershipSummary, isArray: true })
  async list(@Res({ passthrough: true }) reply: FastifyReply): Promise<PublicPartnershipSummary[]> {
    void openToAll(reply);
    return this.publicData.list();
  }

  /** One public partnership: members, focus areas, projects with their stages, decisions and reasons, lessons and results, practices, indicators. */
  @ReadsMayLag()
  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublicPartnership> {
    void openToAll(reply);
    return this.publicData.partnership(id);
  }

  /** The public partnership's dashboard: the same figures its members see, which name organisations only. */
  @ReadsMayLag()
  @Get(':id/dashboard')
  @ApiOkResponse({ type: PartnershipDashboard })
  async dashboard(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { json, etag } = await this.dashboards.publicPartnershipJson(publicPartnershipId(id));
    void openToAll(keepCompressed(reply)).type('application/json; charset=utf-8').header('etag', etag);
    return json;
  }

  /** Open data (NLOD 2.0): the public partnership as JSON, with its licence and where the fields are described. */
  @ReadsMayLag()
  @Get(':id/data.json')
  @ApiOkResponse({ type: PublicOpenData })
  async dataJson(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublicOpenData> {
    const partnership = await this.publicData.partnership(id);
    void openToAll(reply).header('link', LICENCE_LINK).header('content-disposition', `inline; filename="samspill-${partnership.id}.json"`);
    return openDataJson(partnership, `${this.config.publicUrl}/offentlig/data`);
  }

  /** Open data (NLOD 2.0): the same as CSV, a row per thing (semicolons, UTF-8 with BOM); the licence in the Link header. */
  @ReadsMayLag()
  @Get(':id/data.csv')
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'CSV, described at /offentlig/data.', schema: { type: 'string' } })
  async dataCsv(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const partnership = await this.publicData.partnership(id);
    void openToAll(reply)
      .type('text/csv; charset=utf-8')
      .header('link', LICENCE_LINK)
      .header('content-disposition', `attachment; filename="samspill-${partnership.id}.csv"`);
    return openDataCsv(partnership);
  }
}
