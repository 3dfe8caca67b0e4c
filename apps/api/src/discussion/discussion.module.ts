import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { ThreadAccess } from './thread-access';

/** Threads next to the work (issue 12). Notifications are raised through the Notifier of JobsModule. */
@Module({
  imports: [PartnershipsModule],
  controllers: [CommentsController],
  providers: [CommentsService, ThreadAccess],
  exports: [ThreadAccess, CommentsService],
})
export class DiscussionModule {}
