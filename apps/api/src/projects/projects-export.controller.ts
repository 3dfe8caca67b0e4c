import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProjectListQuery } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { fileLocale } from '../i18n/locale';
import { ProjectsExport } from './projects-export';
import { ReadsMayLag } from '../database/read-routing';
import { sendCsv } from '../common/csv';

@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class ProjectsExportController {
  constructor(private readonly exports: ProjectsExport) {}

  /** The project list with the same filters, as CSV for Excel (UTF-8 with BOM, semicolons), all pages at once. */
  @ReadsMayLag()
  @Get('projects.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ProjectListQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = this.exports.csv(actorOf(user), query, fileLocale(query.lang, request));
    await sendCsv(reply, lines, 'prosjekter');
  }
}
