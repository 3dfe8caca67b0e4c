import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IndicatorTargetDto, IsPastDay, type OrganizationProgress } from './measurement';
import type { OrganizationRef } from './organizations';
import type { FocusAreaRef } from './partnerships';
import { trim } from './transforms';
import { FileLanguage, IdList, IsCalendarDate, Optional } from './validators';

import {
  type DecisionKind,
  DIRECTIONS,
  type Direction,
  LOG_KINDS,
  type LogKind,
  NOTE_MAX_LENGTH,
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

export class PersonRef {
  /** @example "5d0c3b1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f" */
  id!: string;
  /** @example "Gunnar Ansatt" */
  name!: string;
}

export class ProjectResponse {
  /** @example "0f6a1c2e-3b4d-4e5f-8a9b-7c6d5e4f3a2b" */
  id!: string;
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  partnershipId!: string;
  /** @example "Felles innkjøp av velferdsteknologi" */
  title!: string;
  /** @example "Gran og Lunner vurderer å kjøpe inn og ta i bruk sensorer sammen." */
  description!: string;
  focusArea!: FocusAreaRef | null;
  /** @example "learn" */
  stage!: Stage;
  /** @example "active" */
  status!: ProjectStatus;
  participants!: OrganizationRef[];
  /** The `doTogether` answer the project was made from, if any. */
  sourceAnswerId!: string | null;
  createdBy!: PersonRef;
  /** @example "2026-03-01T09:30:00.000Z" */
  createdAt!: string;
  /** @example "2026-03-14T13:05:00.000Z" */
  updatedAt!: string;
  /**
   * Sent back with an edit: a stale one is refused (409 STALE_VERSION).
   * @example 1
   */
  version!: number;
}

/** Counting stops here: past it, a screen says "more than 1,000", not the exact number. */
export const PROJECT_COUNT_LIMIT = 1000;

export class ProjectListResponse {
  items!: ProjectResponse[];
  /**
   * All projects that match the filters, not only this page; at most 1,000 (see `totalIsExact`).
   * @example 1
   */
  total!: number;
  /** False when more than `total` (1,000) projects match: counting stops there. */
  totalIsExact!: boolean;
  /** The `cursor` of the next page, null on the last. */
  nextCursor!: string | null;
}

/** One decision in a project's history, never rewritten: a stage move or a status change. */
export class TransitionResponse {
  /** @example "7b1f0c9e-2d3a-4b5c-8d6e-9f0a1b2c3d4e" */
  id!: string;
  /**
   * `stage`: fromStage → toStage, statuses null. `status`: fromStatus → toStatus, in the stage the project was in (fromStage = toStage).
   * @example "stage"
   */
  kind!: DecisionKind;
  /** @example "learn" */
  fromStage!: Stage;
  /** @example "test" */
  toStage!: Stage;
  fromStatus!: ProjectStatus | null;
  toStatus!: ProjectStatus | null;
  /** @example "Innsikten er klar: vi prøver ut sensorer i to sykehjem." */
  rationale!: string;
  decidedBy!: PersonRef;
  /** @example "2026-03-14T13:05:00.000Z" */
  decidedAt!: string;
}

/** The answer to a stage move: the decision as recorded, and the project as it now is. */
export class StageMoveResponse extends TransitionResponse {
  project!: ProjectResponse;
}

export class LogEntryRevision {
  /** @example "observation" */
  kind!: LogKind;
  /** @example "Brukerne ønsker færre nattbesøk." */
  text!: string;
  /** @example "2026-01-10" */
  occurredOn!: string;
  editedBy!: PersonRef;
  /** @example "2026-01-12T08:00:00.000Z" */
  editedAt!: string;
}

export class LogEntryResponse {
  /** @example "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f" */
  id!: string;
  /** @example "lesson" */
  kind!: LogKind;
  /** @example "Nattbesøk kan erstattes av sensorer når pårørende er med fra start." */
  text!: string;
  /** @example "2026-01-10" */
  occurredOn!: string;
  author!: PersonRef;
  organization!: OrganizationRef;
  /** @example "2026-01-10T15:20:00.000Z" */
  createdAt!: string;
  /** Earlier wordings, oldest first: an edit never hides what was written. */
  revisions!: LogEntryRevision[];
}

export class MeasurementResponse {
  /** @example "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8" */
  id!: string;
  /** @example 10.5 */
  value!: number;
  /** @example "2026-03-01" */
  measuredOn!: string;
  organization!: OrganizationRef | null;
  /** @example "2026-03-01T10:00:00.000Z" */
  createdAt!: string;
  /**
   * What the organisation noted about the figure; null when nothing.
   * @example "To søknader var registrert dobbelt."
   */
  note!: string | null;
  /**
   * Bumped by each correction; send it back with one to have a stale correction refused.
   * @example 1
   */
  version!: number;
}

export class IndicatorResponse {
  /** @example "6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0" */
  id!: string;
  /** @example "0f6a1c2e-3b4d-4e5f-8a9b-7c6d5e4f3a2b" */
  projectId!: string;
  /** @example "Ventetid på hjemmetjenester" */
  name!: string;
  /** @example "dager" */
  unit!: string;
  /** @example 14 */
  baseline!: number;
  /** @example 7 */
  target!: number;
  /** @example "decrease" */
  direction!: Direction;
  /** Oldest first; at most the latest 500 (a year of daily measurements fits). */
  measurements!: MeasurementResponse[];
  /**
   * Share of the way from baseline to target (0..1) by the latest measurement of any organisation; null before any.
   * Screens show `byOrganization`, where each organisation is measured against its own figures.
   * @example 0.5
   */
  progress!: number | null;
  /** @example "2026-02-01T09:00:00.000Z" */
  createdAt!: string;
  /** Each participating organisation (and any other that measured), by name: its own figures, latest measurement and progress. */
  byOrganization!: OrganizationProgress[];
}

export class ProjectListQuery {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  @IsOptional() @IsUUID('all', { message: 'partnershipId must be an id' }) partnershipId?: string;
  @IsOptional() @IsUUID('all', { message: 'focusAreaId must be an id' }) focusAreaId?: string;
  /** @example "test" */
  @IsOptional() @IsIn(STAGES, { message: `stage must be one of: ${STAGES.join(', ')}` }) stage?: Stage;
  /** @example "active" */
  @IsOptional() @IsIn(PROJECT_STATUSES, { message: `status must be one of: ${PROJECT_STATUSES.join(', ')}` }) status?: ProjectStatus;
  @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string;
  /** @example "sensor" */
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200) q?: string;
  /** @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** @example 0 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
  /** The next page after the one that gave this cursor (`nextCursor`, or the `Link: rel="next"` header): faster than an offset. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the one from the page before' })
  cursor?: string;
  /**
   * For projects.csv: the language of the file's words (CSV headings, PDF): nb, nn, da, sv, fi or en; without it, the reader's own.
   * @example "da"
   */
  @FileLanguage()
  lang?: string;
}

const PARTICIPANT_IDS = {
  min: 1,
  minMessage: 'participantIds must list at least one organisation',
  max: 100,
  notIds: 'participantIds must be organisation ids',
  repeated: 'participantIds must not repeat an organisation',
};

export class CreateProjectDto {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  @IsUUID('all', { message: 'partnershipId must be the id of a partnership' })
  partnershipId!: string;

  /** @example "Felles innkjøp av velferdsteknologi" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH, { message: `title must be at most ${TITLE_MAX_LENGTH} characters` })
  title!: string;

  /** @example "Gran og Lunner vurderer å kjøpe inn og ta i bruk sensorer sammen." */
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH, { message: `description must be at most ${TEXT_MAX_LENGTH} characters` })
  description!: string;

  /** @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'focusAreaId must be the id of one of the partnership’s focus areas' })
  focusAreaId?: string | null;

  /** @example ["0d61de3a-f1dc-4208-85d6-35414e3dc504", "a964aca5-fc92-4e7f-bb3f-3691ecf10dd0"] */
  @IdList(PARTICIPANT_IDS)
  participantIds!: string[];
}

export class CreateProjectFromAnswerDto {
  /** @example "Innbyggerpanel Hadeland" */
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string;

  /** @example "Et panel på 40 innbyggere fra begge kommunene." */
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  description?: string;
}

export class UpdateProjectDto {
  /** @example "Felles innkjøp av sensorer" */
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

  /** @example 1 */
  @IsInt({ message: 'version must be the version of the project you edited' })
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}

export class CreateTransitionDto {
  /** @example "test" */
  @IsIn(STAGES, { message: `toStage must be one of: ${STAGES.join(', ')}` })
  toStage!: Stage;

  /** @example "Innsikten er klar: vi prøver ut sensorer i to sykehjem." */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'rationale must not be empty: say why' })
  @MaxLength(RATIONALE_MAX_LENGTH, { message: `rationale must be at most ${RATIONALE_MAX_LENGTH} characters` })
  rationale!: string;
}

export class ChangeStatusDto {
  /** @example "stopped" */
  @IsIn(PROJECT_STATUSES, { message: `status must be one of: ${PROJECT_STATUSES.join(', ')}` })
  status!: ProjectStatus;

  /** @example "Budsjettet for 2026 ble ikke vedtatt." */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'rationale must not be empty: say why' })
  @MaxLength(RATIONALE_MAX_LENGTH, { message: `rationale must be at most ${RATIONALE_MAX_LENGTH} characters` })
  rationale!: string;
}

export class CreateLogEntryDto {
  /** @example "observation" */
  @IsIn(LOG_KINDS, { message: `kind must be one of: ${LOG_KINDS.join(', ')}` })
  kind!: LogKind;

  /** @example "Brukerne ønsker færre nattbesøk." */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_MAX_LENGTH, { message: `text must be at most ${TEXT_MAX_LENGTH} characters` })
  text!: string;

  /** @example "2026-01-10" */
  @Optional()
  @IsCalendarDate('occurredOn')
  occurredOn?: string;
}

export class UpdateLogEntryDto {
  @Optional()
  @IsIn(LOG_KINDS, { message: `kind must be one of: ${LOG_KINDS.join(', ')}` })
  kind?: LogKind;

  /** @example "Brukerne ønsker færre nattbesøk, særlig i helgene." */
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
  /** @example "Ventetid på hjemmetjenester" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** @example "dager" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'unit must not be empty' })
  @MaxLength(50)
  unit!: string;

  /** @example 14 */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'baseline must be a number' })
  baseline!: number;

  /** @example 7 */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'target must be a number' })
  target!: number;

  /** @example "decrease" */
  @IsIn(DIRECTIONS, { message: `direction must be one of: ${DIRECTIONS.join(', ')}` })
  direction!: Direction;

  /** Participating organisations' own baseline and target; the others use the indicator's. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndicatorTargetDto)
  targets?: IndicatorTargetDto[];
}

export class CreateMeasurementDto {
  /** @example 10.5 */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  value!: number;

  /** @example "2026-03-01" */
  @IsPastDay('measuredOn')
  measuredOn!: string;

  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  @Optional()
  @IsUUID('all', { message: 'organizationId must be the id of a participating organisation' })
  organizationId?: string;

  /** @example "To søknader var registrert dobbelt." */
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'note must be a text' })
  @MaxLength(NOTE_MAX_LENGTH, { message: `note must be at most ${NOTE_MAX_LENGTH} characters` })
  note?: string;
}
