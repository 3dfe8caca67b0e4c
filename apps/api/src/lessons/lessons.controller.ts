import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type LessonListResponse, LessonQuery } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { LessonsService } from './lessons.service';

@ApiTags('lessons')
@ApiBearerAuth()
@Controller('lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  /**
   * The lessons library: lessons and results of every improvement log and the rationales of stopped and completed
   * projects, in every partnership you may see; searched in any Nordic language, filtered, a page at a time.
   */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: LessonQuery): Promise<LessonListResponse> {
    return this.lessons.list(actorOf(user), query);
  }
}
