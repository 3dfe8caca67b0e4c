import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ChangeStatusDto,
  CreateProjectDto,
  CreateTransitionDto,
  PageQuery,
  ProjectListQuery,
  type ProjectListResponse,
  type ProjectResponse,
  type StageMoveResponse,
  type TransitionResponse,
  UpdateProjectDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { BODY_LIMITS, BodyLimit, CurrentUser } from '../common/decorators';
import type { Page } from '../common/paging';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ProjectListQuery): Promise<ProjectListResponse> {
    return this.projects.list(actorOf(user), query);
  }

  @BodyLimit(BODY_LIMITS.longText)
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateProjectDto): Promise<ProjectResponse> {
    return this.projects.create(actorOf(user), user.id, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProjectResponse> {
    return this.projects.get(actorOf(user), id);
  }

  @BodyLimit(BODY_LIMITS.longText)
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectResponse> {
    return this.projects.update(actorOf(user), id, dto);
  }

  @BodyLimit(BODY_LIMITS.rationale)
  @Post(':id/transitions')
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTransitionDto,
  ): Promise<StageMoveResponse> {
    return this.projects.transition(actorOf(user), user.id, id, dto);
  }

  @Get(':id/transitions')
  transitions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<TransitionResponse>> {
    return this.projects.transitions(actorOf(user), id, page);
  }

  @BodyLimit(BODY_LIMITS.rationale)
  @Post(':id/status')
  @HttpCode(200)
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeStatusDto,
  ): Promise<ProjectResponse> {
    return this.projects.changeStatus(actorOf(user), user.id, id, dto);
  }
}
