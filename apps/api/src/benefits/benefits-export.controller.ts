import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BenefitsCsvQuery } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { fileLocale } from '../i18n/locale';
import { BenefitsExport } from './benefits-export';
import { sendCsv } from '../common/csv';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller()
export class BenefitsExportController {
  constructor(private readonly exports: BenefitsExport) {}

  /** Every benefit you may see (of one partnership with ?partnershipId=), as CSV for Excel: UTF-8 with BOM, semicolons. */
  @Get('benefits.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: BenefitsCsvQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = this.exports.csv(actorOf(user), query, fileLocale(query.lang, request));
    await sendCsv(reply, lines, 'gevinster');
  }
}
