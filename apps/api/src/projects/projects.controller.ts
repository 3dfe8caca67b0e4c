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
  TransitionResponse,
  UpdateProjectDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { BODY_LIMITS, BodyLimit, CurrentUser } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  /** The projects you may see, filtered, a page at a time, with the total. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ProjectListQuery): Promise<ProjectListResponse> {
    return this.projects.list(actorOf(user), query);
  }

  /** A new joint project in learn; the creator's organisation always takes part. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.longText)
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateProjectDto): Promise<ProjectResponse> {
    return this.projects.create(actorOf(user), user.id, dto);
  }

  /** One project. */
  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProjectResponse> {
    return this.projects.get(actorOf(user), id);
  }

  /** Title, description, focus area or participants, on the version you read (409 if it has moved on). */
  @ApiRefusals(403, 409)
  @BodyLimit(BODY_LIMITS.longText)
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectResponse> {
    return this.projects.update(actorOf(user), id, dto);
  }

  /** Moves the project to another stage, with a rationale: forward one stage at a time, back to any earlier one. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.rationale)
  @Post(':id/transitions')
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTransitionDto,
  ): Promise<StageMoveResponse> {
    return this.projects.transition(actorOf(user), user.id, id, dto);
  }

  /** The decisions on the project, oldest first: stage moves and status changes. */
  @ApiPage(TransitionResponse)
  @Get(':id/transitions')
  transitions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<TransitionResponse>> {
    return this.projects.transitions(actorOf(user), id, page);
  }

  /** Stops, completes or resumes the project, with a rationale. */
  @ApiRefusals(403)
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
