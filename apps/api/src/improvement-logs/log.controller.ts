import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateLogEntryDto, LogEntryResponse, PageQuery, UpdateLogEntryDto } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { BODY_LIMITS, BodyLimit, CurrentUser } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { LogService } from './log.service';

@ApiTags('improvement log')
@ApiBearerAuth()
@Controller()
export class LogController {
  constructor(private readonly log: LogService) {}

  /** The improvement log of a project, newest first. */
  @ApiPage(LogEntryResponse)
  @Get('projects/:id/log')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<LogEntryResponse>> {
    return this.log.list(actorOf(user), id, page);
  }

  /** A new log entry, recorded with the author's organisation. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.longText)
  @Post('projects/:id/log')
  add(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateLogEntryDto,
  ): Promise<LogEntryResponse> {
    return this.log.add(actorOf(user), user.id, id, dto);
  }

  /** Rewords a log entry; the earlier wording is kept as a revision. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.longText)
  @Patch('log-entries/:id')
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateLogEntryDto,
  ): Promise<LogEntryResponse> {
    return this.log.edit(actorOf(user), user.id, id, dto);
  }
}
