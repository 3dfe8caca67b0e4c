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
import { AnswersService } from './answers.service';

@ApiTags('reciprocal questions')
@ApiBearerAuth()
@Controller()
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Get('partnerships/:id/questions')
  questions(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<QuestionsResponse> {
    return this.answers.questions(actorOf(user), id);
  }

  @Post('partnerships/:id/answers')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAnswerDto,
  ): Promise<AnswerResponse> {
    return this.answers.create(actorOf(user), user.id, id, dto);
  }

  @Patch('answers/:id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAnswerDto,
  ): Promise<AnswerResponse> {
    return this.answers.update(actorOf(user), id, dto);
  }

  @Delete('answers/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.answers.remove(actorOf(user), id);
  }

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
