import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  Comment,
  CommentRevision,
  CreateCommentDto,
  MentionableQuery,
  type MentionCandidate,
  PageQuery,
  UpdateCommentDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { BODY_LIMITS, BodyLimit, CurrentUser } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { CommentsService } from './comments.service';

/**
 * Threads on a project, a practice and a partnership: read by anyone who may see the thing, written by those
 * canWriteInThread allows (politicians read: 403), replies one level deep, mentions only of people who may see it.
 */
@ApiTags('discussion')
@ApiBearerAuth()
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** The project's thread, oldest first. */
  @ApiPage(Comment)
  @Get('projects/:id/comments')
  projectThread(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<Comment>> {
    return this.comments.list(actorOf(user), 'project', id, page);
  }

  /** The practice's thread, oldest first. */
  @ApiPage(Comment)
  @Get('practices/:id/comments')
  practiceThread(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<Comment>> {
    return this.comments.list(actorOf(user), 'practice', id, page);
  }

  /** The partnership's thread, oldest first; on a `platform` partnership it holds the questions from the floor (`fromFloor`). */
  @ApiPage(Comment)
  @Get('partnerships/:id/comments')
  partnershipThread(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<Comment>> {
    return this.comments.list(actorOf(user), 'partnership', id, page);
  }

  /** Writes in the project's thread (a reply with `parentId`, mentions with `mentionIds`). */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.longText)
  @Post('projects/:id/comments')
  commentOnProject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<Comment> {
    return this.comments.create(actorOf(user), user, 'project', id, dto);
  }

  /** Writes in the practice's thread. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.longText)
  @Post('practices/:id/comments')
  commentOnPractice(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<Comment> {
    return this.comments.create(actorOf(user), user, 'practice', id, dto);
  }

  /** Writes in the partnership's thread; from outside a `platform` partnership that is a question from the floor. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.longText)
  @Post('partnerships/:id/comments')
  commentOnPartnership(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<Comment> {
    return this.comments.create(actorOf(user), user, 'partnership', id, dto);
  }

  /** People who may be mentioned in the project's thread (at most 20, by name). */
  @Get('projects/:id/comments/mentionable')
  projectMentionable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MentionableQuery,
  ): Promise<MentionCandidate[]> {
    return this.comments.mentionable(actorOf(user), 'project', id, query.q);
  }

  /** People who may be mentioned in the practice's thread. */
  @Get('practices/:id/comments/mentionable')
  practiceMentionable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MentionableQuery,
  ): Promise<MentionCandidate[]> {
    return this.comments.mentionable(actorOf(user), 'practice', id, query.q);
  }

  /** People who may be mentioned in the partnership's thread. */
  @Get('partnerships/:id/comments/mentionable')
  partnershipMentionable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MentionableQuery,
  ): Promise<MentionCandidate[]> {
    return this.comments.mentionable(actorOf(user), 'partnership', id, query.q);
  }

  /** Rewords your own comment (403 for anyone else's); the earlier wording is kept. */
  @ApiRefusals(403, 409)
  @BodyLimit(BODY_LIMITS.longText)
  @Patch('comments/:id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCommentDto): Promise<Comment> {
    return this.comments.update(actorOf(user), user.id, id, dto);
  }

  /** Deletes your own comment (an admin any): it stays listed as deleted, without its text. */
  @ApiRefusals(403, 409)
  @Delete('comments/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.comments.remove(actorOf(user), user.id, id);
  }

  /** The earlier wordings of an edited comment, oldest first. */
  @Get('comments/:id/revisions')
  revisions(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<CommentRevision[]> {
    return this.comments.revisions(actorOf(user), id);
  }
}
