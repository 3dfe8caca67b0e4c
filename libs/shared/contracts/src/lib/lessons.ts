import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import type { PartnershipRef } from './partnerships';
import { trim } from './transforms';

import {
  COUNTRIES,
  type Country,
  LEARNING_PAGE_MAX,
  type LessonKind,
  type LessonSource,
  PROJECT_STATUSES,
  type ProjectStatus,
  SEARCH_MAX_LENGTH,
  type Stage,
} from './values';

export { LESSON_KINDS, LESSON_SOURCES, LEARNING_PAGE_MAX, SEARCH_MAX_LENGTH } from './values';
export type { LessonKind, LessonSource } from './values';

/** An organisation with the country whose language its texts are stemmed in. */
export class OrganizationPlace {
  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  id!: string;
  /** @example "Roskilde Kommune" */
  name!: string;
  /** @example "DK" */
  country!: Country;
}

/** A project as a link shows it: where it is and whether it goes on. */
export class ProjectBrief {
  /** @example "0f6a1c2e-3b4d-4e5f-8a9b-7c6d5e4f3a2b" */
  id!: string;
  /** @example "Digitalt tilsyn på natt" */
  title!: string;
  /** @example "test" */
  stage!: Stage;
  /** @example "stopped" */
  status!: ProjectStatus;
}

/** A stretch of a lesson's text; `match` marks the words the search found. Plain text, never HTML. */
export class SnippetSegment {
  /** @example "Samtykke må hentes inn før " */
  text!: string;
  /** @example false */
  match!: boolean;
}

export class Lesson {
  /**
   * The log entry's or the decision's id.
   * @example "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"
   */
  id!: string;
  /** @example "log" */
  source!: LessonSource;
  /** @example "lesson" */
  kind!: LessonKind;
  /**
   * The whole text.
   * @example "Samtykke må hentes inn før utprøving, ikke underveis."
   */
  text!: string;
  /** The text around the words that matched (the beginning of the text when nothing was searched for). */
  snippet!: SnippetSegment[];
  project!: ProjectBrief;
  partnership!: PartnershipRef;
  /** Whose lesson it is: the log entry's organisation, or that of whoever stopped or completed the project (null for an admin). */
  organization!: OrganizationPlace | null;
  /** @example "2025-10-20T12:00:00.000Z" */
  createdAt!: string;
}

export class LessonListResponse {
  items!: Lesson[];
  /**
   * Every lesson you may see that matches, not only this page.
   * @example 12
   */
  total!: number;
}

/** Exactly YYYY-MM-DD naming a day that exists. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsCalendarDay = (field: string): PropertyDecorator =>
  ValidateBy(
    { name: 'isCalendarDay', validator: { validate: (value: unknown) => isCalendarDay(value) } },
    { message: `${field} must be a date like 2026-11-26` },
  );

/** `?limit=&offset=` of the learning lists: at most 100 a page, 20 unless asked. */
export class LearningPageQuery {
  /** @example 20 */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(LEARNING_PAGE_MAX, { message: `limit must be at most ${LEARNING_PAGE_MAX}` })
  limit?: number;

  /** @example 0 */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be 0 or more' })
  @Max(1_000_000, { message: 'offset must be at most 1000000' })
  offset?: number;
}

/** Search words, in any Nordic language: `"exact phrase"`, `or`, and `-word` work as in a web search. */
export const SearchText = (): PropertyDecorator => (target, key) => {
  for (const decorate of [
    IsOptional(),
    Transform(trim),
    IsString({ message: `${String(key)} must be text` }),
    MaxLength(SEARCH_MAX_LENGTH, { message: `${String(key)} must be at most ${SEARCH_MAX_LENGTH} characters` }),
  ]) {
    decorate(target, key);
  }
};

export class LessonQuery extends LearningPageQuery {
  /** @example "samtykke" */
  @SearchText() q?: string;

  /**
   * A focus area's name, in any partnership (the same theme has the same name across them).
   * @example "Helse og omsorg"
   */
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'focusArea must be the name of a focus area' })
  @MaxLength(200, { message: 'focusArea must be at most 200 characters' })
  focusArea?: string;

  /**
   * Lessons of this organisation.
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string;

  /** @example "DK" */
  @IsOptional() @IsIn(COUNTRIES, { message: `country must be one of: ${COUNTRIES.join(', ')}` }) country?: Country;

  /**
   * The project's status now: `stopped` finds what was tried and stopped.
   * @example "stopped"
   */
  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: `projectStatus must be one of: ${PROJECT_STATUSES.join(', ')}` })
  projectStatus?: ProjectStatus;

  /**
   * Written on or after this day.
   * @example "2025-01-01"
   */
  @IsOptional() @IsCalendarDay('from') from?: string;

  /**
   * Written on or before this day.
   * @example "2026-12-31"
   */
  @IsOptional() @IsCalendarDay('to') to?: string;
}
