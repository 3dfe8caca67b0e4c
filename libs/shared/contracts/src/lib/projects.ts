import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { trim } from './transforms';
import { IdList, IsCalendarDate, Optional } from './validators';

import {
  type DecisionKind,
  DIRECTIONS,
  type Direction,
  LOG_KINDS,
  type LogKind,
  PROJECT_STATUSES,
  type ProjectStatus,
  RATIONALE_MAX_LENGTH,
  STAGES,
  type Stage,
  TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './values';

export {
  DECISION_KINDS,
  DIRECTIONS,
  LOG_KINDS,
  PROJECT_STATUSES,
  RATIONALE_MAX_LENGTH,
  STAGES,
  TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './values';
export type { DecisionKind, Direction, LogKind, ProjectStatus, Stage } from './values';

export interface PersonRef {
  id: string;
  name: string;
}

export interface ProjectResponse {
  id: string;
  partnershipId: string;
  title: string;
  description: string;
  focusArea: { id: string; name: string } | null;
  stage: Stage;
  status: ProjectStatus;
  participants: { id: string; name: string }[];
  sourceAnswerId: string | null;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProjectListResponse {
  items: ProjectResponse[];
  total: number;
}

/** One decision in a project's history, never rewritten: a stage move or a status change. */
export interface TransitionResponse {
  id: string;
  /** `stage`: fromStage → toStage, statuses null. `status`: fromStatus → toStatus, in the stage the project was in (fromStage = toStage). */
  kind: DecisionKind;
  fromStage: Stage;
  toStage: Stage;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus | null;
  rationale: string;
  decidedBy: PersonRef;
  decidedAt: string;
}

/** The answer to a stage move: the decision as recorded, and the project as it now is. */
export interface StageMoveResponse extends TransitionResponse {
  project: ProjectResponse;
}

export interface LogEntryRevision {
  kind: LogKind;
  text: string;
  occurredOn: string;
  editedBy: PersonRef;
  editedAt: string;
}

export interface LogEntryResponse {
  id: string;
  kind: LogKind;
  text: string;
  occurredOn: string;
  author: PersonRef;
  organization: { id: string; name: string };
  createdAt: string;
  /** Earlier wordings, oldest first: an edit never hides what was written. */
  revisions: LogEntryRevision[];
}

export interface MeasurementResponse {
  id: string;
  value: number;
  measuredOn: string;
  organization: { id: string; name: string } | null;
  createdAt: string;
}

export interface IndicatorResponse {
  id: string;
  projectId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  /** Oldest first; at most the latest 500 (a year of daily measurements fits). */
  measurements: MeasurementResponse[];
  /** Share of the way from baseline to target (0..1) by the latest measurement; null before any. */
  progress: number | null;
  createdAt: string;
}

export class ProjectListQuery {
  @IsOptional() @IsUUID('all', { message: 'partnershipId must be an id' }) partnershipId?: string;
  @IsOptional() @IsUUID('all', { message: 'focusAreaId must be an id' }) focusAreaId?: string;
  @IsOptional() @IsIn(STAGES, { message: `stage must be one of: ${STAGES.join(', ')}` }) stage?: Stage;
  @IsOptional() @IsIn(PROJECT_STATUSES, { message: `status must be one of: ${PROJECT_STATUSES.join(', ')}` }) status?: ProjectStatus;
  @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}

const PARTICIPANT_IDS = {
  min: 1,
  minMessage: 'participantIds must list at least one organisation',
  max: 100,
  notIds: 'participantIds must be organisation ids',
  repeated: 'participantIds must not repeat an organisation',
};

export class CreateProjectDto {
  @IsUUID('all', { message: 'partnershipId must be the id of a partnership' })
  partnershipId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH, { message: `title must be at most ${TITLE_MAX_LENGTH} characters` })
  title!: string;

  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH, { message: `description must be at most ${TEXT_MAX_LENGTH} characters` })
  description!: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'focusAreaId must be the id of one of the partnership’s focus areas' })
  focusAreaId?: string | null;

  @IdList(PARTICIPANT_IDS)
  participantIds!: string[];
}

export class CreateProjectFromAnswerDto {
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  description?: string;
}

export class UpdateProjectDto {
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH, { message: `title must be at most ${TITLE_MAX_LENGTH} characters` })
  title?: string;

  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH, { message: `description must be at most ${TEXT_MAX_LENGTH} characters` })
  description?: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'focusAreaId must be the id of one of the partnership’s focus areas' })
  focusAreaId?: string | null;

  @Optional()
  @IdList(PARTICIPANT_IDS)
  participantIds?: string[];

  @IsInt({ message: 'version must be the version of the project you edited' })
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}

export class CreateTransitionDto {
  @IsIn(STAGES, { message: `toStage must be one of: ${STAGES.join(', ')}` })
  toStage!: Stage;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'rationale must not be empty: say why' })
  @MaxLength(RATIONALE_MAX_LENGTH, { message: `rationale must be at most ${RATIONALE_MAX_LENGTH} characters` })
  rationale!: string;
}

export class ChangeStatusDto {
  @IsIn(PROJECT_STATUSES, { message: `status must be one of: ${PROJECT_STATUSES.join(', ')}` })
  status!: ProjectStatus;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'rationale must not be empty: say why' })
  @MaxLength(RATIONALE_MAX_LENGTH, { message: `rationale must be at most ${RATIONALE_MAX_LENGTH} characters` })
  rationale!: string;
}

export class CreateLogEntryDto {
  @IsIn(LOG_KINDS, { message: `kind must be one of: ${LOG_KINDS.join(', ')}` })
  kind!: LogKind;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_MAX_LENGTH, { message: `text must be at most ${TEXT_MAX_LENGTH} characters` })
  text!: string;

  @Optional()
  @IsCalendarDate('occurredOn')
  occurredOn?: string;
}

export class UpdateLogEntryDto {
  @Optional()
  @IsIn(LOG_KINDS, { message: `kind must be one of: ${LOG_KINDS.join(', ')}` })
  kind?: LogKind;

  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_MAX_LENGTH, { message: `text must be at most ${TEXT_MAX_LENGTH} characters` })
  text?: string;

  @Optional()
  @IsCalendarDate('occurredOn')
  occurredOn?: string;
}

export class CreateIndicatorDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'unit must not be empty' })
  @MaxLength(50)
  unit!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'baseline must be a number' })
  baseline!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'target must be a number' })
  target!: number;

  @IsIn(DIRECTIONS, { message: `direction must be one of: ${DIRECTIONS.join(', ')}` })
  direction!: Direction;
}

export class CreateMeasurementDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  value!: number;

  @IsCalendarDate('measuredOn')
  measuredOn!: string;

  @Optional()
  @IsUUID('all', { message: 'organizationId must be the id of a participating organisation' })
  organizationId?: string;
}
