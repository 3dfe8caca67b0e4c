import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { trim } from './transforms';
import { Optional } from './validators';

import { ANSWER_MAX_LENGTH, QUESTIONS, type Question } from './values';

export { ANSWER_MAX_LENGTH, QUESTIONS } from './values';
export type { Question } from './values';

export interface AnswerResponse {
  id: string;
  text: string;
  focusAreaId: string | null;
  author: { id: string; name: string };
  createdAt: string;
  /** The joint project this `doTogether` answer became, if any. */
  projectId: string | null;
}

export interface QuestionPair {
  from: { id: string; name: string };
  to: { id: string; name: string };
  theyLearnFromUs: AnswerResponse[];
  weLearnFromThem: AnswerResponse[];
  doTogether: AnswerResponse[];
}

export interface QuestionsResponse {
  pairs: QuestionPair[];
}

export class CreateAnswerDto {
  @IsUUID('all', { message: 'toOrganizationId must be the id of another member organisation' })
  toOrganizationId!: string;

  @IsIn(QUESTIONS, { message: `question must be one of: ${QUESTIONS.join(', ')}` })
  question!: Question;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(ANSWER_MAX_LENGTH, { message: `text must be at most ${ANSWER_MAX_LENGTH} characters` })
  text!: string;

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
