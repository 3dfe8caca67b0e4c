import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SimilarQuery, type SimilarResponse } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { SimilarService } from './similar.service';

@ApiTags('similar work')
@ApiBearerAuth()
@Controller()
export class SimilarController {
  constructor(private readonly similar: SimilarService) {}

  /** Who has done this before? Projects, practices and lessons elsewhere like this project: at most 5 of each, best first. */
  @Get('projects/:id/similar')
  forProject(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<SimilarResponse> {
    return this.similar.forProject(actorOf(user), id);
  }

  /** The same for a text you are writing (a new project's title and description). */
  @Get('similar')
  forText(@CurrentUser() user: AuthenticatedUser, @Query() query: SimilarQuery): Promise<SimilarResponse> {
    return this.similar.forText(actorOf(user), query.text);
  }
}
