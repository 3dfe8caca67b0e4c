import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AnswerResponse,
  CreateAnswerDto,
  CreateProjectFromAnswerDto,
  type ProjectResponse,
  type QuestionsResponse,
  UpdateAnswerDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { BODY_LIMITS, BodyLimit, CurrentUser } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { AnswersService } from './answers.service';

@ApiTags('reciprocal questions')
@ApiBearerAuth()
@Controller()
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  /** The three questions for every ordered pair of members, with their answers. */
  @Get('partnerships/:id/questions')
  questions(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<QuestionsResponse> {
    return this.answers.questions(actorOf(user), id);
  }

  /** An answer from your organisation to one of the three questions about another member. */
  @ApiRefusals(403)
  @Post('partnerships/:id/answers')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAnswerDto,
  ): Promise<AnswerResponse> {
    return this.answers.create(actorOf(user), user.id, id, dto);
  }

  /** Changes the text or focus area of an answer your organisation gave. */
  @ApiRefusals(403)
  @Patch('answers/:id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAnswerDto,
  ): Promise<AnswerResponse> {
    return this.answers.update(actorOf(user), id, dto);
  }

  /** Deletes an answer, unless it became a joint project (409). */
  @ApiRefusals(403, 409)
  @Delete('answers/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.answers.remove(actorOf(user), id);
  }

  /** Makes a joint project of both organisations from a `doTogether` answer. */
  @ApiRefusals(403, 409)
  @BodyLimit(BODY_LIMITS.longText)
  @Post('answers/:id/project')
  toProject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateProjectFromAnswerDto,
  ): Promise<ProjectResponse> {
    return this.answers.toProject(actorOf(user), user.id, id, dto);
  }
}
