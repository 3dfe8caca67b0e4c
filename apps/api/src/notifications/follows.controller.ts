import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FollowDto, FollowQuery, type FollowState } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { nothingToRecord } from '../audit/audit-trail';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThreadAccess } from '../discussion/thread-access';
import { Notifier } from './notifier';

/**
 * Following a project, practice or partnership one may see (404 otherwise). What one creates or comments on is
 * followed already. A follow is the person's own preference, not a change to shared data: it is not audited.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('follows')
export class FollowsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly threads: ThreadAccess,
    private readonly notifier: Notifier,
  ) {}

  /** Whether you follow it. */
  @Get()
  async state(@CurrentUser() user: AuthenticatedUser, @Query() query: FollowQuery): Promise<FollowState> {
    await this.threads.visible(actorOf(user), query.entityType, query.entityId);
    const rows = await this.dataSource.query(`SELECT 1 FROM follows WHERE user_id = $1 AND entity_type = $2 AND entity_id = $3`, [
      user.id,
      query.entityType,
      query.entityId,
    ]);
    return { following: rows.length > 0 };
  }

  /** Follow it (again: no change). */
  @Put()
  @HttpCode(204)
  async follow(@CurrentUser() user: AuthenticatedUser, @Body() dto: FollowDto): Promise<void> {
    const thread = await this.threads.visible(actorOf(user), dto.entityType, dto.entityId);
    await this.notifier.follow(this.dataSource.manager, user.id, thread);
    nothingToRecord();
  }

  /** Stop following it (when you did not: no change). */
  @Delete()
  @HttpCode(204)
  async unfollow(@CurrentUser() user: AuthenticatedUser, @Body() dto: FollowDto): Promise<void> {
    await this.threads.visible(actorOf(user), dto.entityType, dto.entityId);
    await this.dataSource.query(`DELETE FROM follows WHERE user_id = $1 AND entity_type = $2 AND entity_id = $3`, [
      user.id,
      dto.entityType,
      dto.entityId,
    ]);
    nothingToRecord();
  }
}
