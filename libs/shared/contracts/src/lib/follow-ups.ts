import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { OrganizationRef } from './organizations';
import { trim } from './transforms';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_STATUSES, type FollowUpAnswer, type FollowUpStatus, NOTE_MAX_LENGTH } from './values';

export { FOLLOW_UP_ANSWERS, FOLLOW_UP_MONTHS, FOLLOW_UP_STATUSES } from './values';
export type { FollowUpAnswer, FollowUpStatus } from './values';

export class ProjectRef {
  /** @example "0f6a1c2e-3b4d-4e5f-8a9b-7c6d5e4f3a2b" */
  id!: string;
  /** @example "Forbedringstavler i alle enheter" */
  title!: string;
}

/** Is the new practice still held? Asked of each participant 6, 12 and 24 months after the move into `establish`. */
export class FollowUpResponse {
  /** @example "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a" */
  id!: string;
  project!: ProjectRef;
  organization!: OrganizationRef;
  /** @example "2026-04-13" */
  dueOn!: string;
  /**
   * `upcoming` before its day, `due` from its day until answered, then the answer.
   * @example "due"
   */
  status!: FollowUpStatus;
  /** @example "Tavlemøtene holdes fortsatt hver uke i alle enhetene." */
  note!: string | null;
  /** @example "2026-04-20T09:00:00.000Z" */
  answeredAt!: string | null;
}

export class FollowUpQuery {
  /** @example "due" */
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES, { message: `status must be one of: ${FOLLOW_UP_STATUSES.join(', ')}` })
  status?: FollowUpStatus;

  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an id' })
  organizationId?: string;

  /** @example 100 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AnswerFollowUpDto {
  /** @example "held" */
  @IsIn(FOLLOW_UP_ANSWERS, { message: `status must be one of: ${FOLLOW_UP_ANSWERS.join(', ')}` })
  status!: FollowUpAnswer;

  /** @example "Tavlemøtene holdes fortsatt hver uke i alle enhetene." */
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'note must be a text' })
  @MaxLength(NOTE_MAX_LENGTH, { message: `note must be at most ${NOTE_MAX_LENGTH} characters` })
  note?: string;
}

/** Follow-ups of established practices: how many are due, and how the answered ones came out. */
export class FollowUpCounts {
  /**
   * Unanswered on or after their day.
   * @example 2
   */
  due!: number;
  /** @example 3 */
  held!: number;
  /** @example 1 */
  slipped!: number;
  /** @example 0 */
  abandoned!: number;
}
