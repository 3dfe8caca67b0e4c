import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import type { OrganizationRef } from './organizations';
import type { PersonRef } from './projects';
import { trim } from './transforms';
import { Optional } from './validators';

import { ANSWER_MAX_LENGTH, QUESTIONS, type Question } from './values';

export { ANSWER_MAX_LENGTH, QUESTIONS } from './values';
export type { Question } from './values';

export class AnswerResponse {
  /** @example "3c1e57b2-9a2a-4192-8c58-26282c15d2f6" */
  id!: string;
  /** @example "Felles opplæring i Lean for ledere." */
  text!: string;
  focusAreaId!: string | null;
  author!: PersonRef;
  /** @example "2026-02-03T10:15:00.000Z" */
  createdAt!: string;
  /** The joint project this `doTogether` answer became, if any. */
  projectId!: string | null;
}

/** What one member (from) says about another (to), question by question. */
export class QuestionPair {
  from!: OrganizationRef;
  to!: OrganizationRef;
  theyLearnFromUs!: AnswerResponse[];
  weLearnFromThem!: AnswerResponse[];
  doTogether!: AnswerResponse[];
}

export class QuestionsResponse {
  pairs!: QuestionPair[];
}

export class CreateAnswerDto {
  /** @example "a964aca5-fc92-4e7f-bb3f-3691ecf10dd0" */
  @IsUUID('all', { message: 'toOrganizationId must be the id of another member organisation' })
  toOrganizationId!: string;

  /** @example "doTogether" */
  @IsIn(QUESTIONS, { message: `question must be one of: ${QUESTIONS.join(', ')}` })
  question!: Question;

  /** @example "Felles opplæring i Lean for ledere." */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(ANSWER_MAX_LENGTH, { message: `text must be at most ${ANSWER_MAX_LENGTH} characters` })
  text!: string;

  /** @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'focusAreaId must be the id of one of the partnership’s focus areas' })
  focusAreaId?: string | null;

  /** Only admins, who belong to no organisation, say which member answers. */
  @Optional()
  @IsUUID('all', { message: 'fromOrganizationId must be the id of a member organisation' })
  fromOrganizationId?: string;
}

export class UpdateAnswerDto {
  /** @example "Felles opplæring i Lean for ledere og tillitsvalgte." */
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(ANSWER_MAX_LENGTH, { message: `text must be at most ${ANSWER_MAX_LENGTH} characters` })
  text?: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'focusAreaId must be the id of one of the partnership’s focus areas' })
  focusAreaId?: string | null;
}
