import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuditListResponse, AuditQuery } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { fileLocale } from '../i18n/locale';
import { AuditService } from './audit.service';
import { sendCsv } from '../common/csv';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first: all of it for admins, what concerns their own organisation for leaders. */
  @Get('audit')
  @RequirePermission('audit:read')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditQuery): Promise<AuditListResponse> {
    return this.audit.list(actorOf(user), query);
  }

  /** The same entries with the same filters as CSV for Excel (UTF-8 with BOM, semicolons, CRLF), all pages at once. */
  @Get('audit.csv')
  @RequirePermission('audit:read')
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AuditQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = this.audit.csv(actorOf(user), { ...query, limit: undefined, offset: undefined }, fileLocale(query.lang, request));
    await sendCsv(reply, lines, 'logg');
  }
}
