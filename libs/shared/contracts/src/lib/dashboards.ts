import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { BenefitSum } from './benefits';
import type { FollowUpCounts } from './follow-ups';
import type { OrganizationRef } from './organizations';
import type { FocusAreaRef, PartnershipRef } from './partnerships';
import { FileLanguage } from './validators';
import type { ProjectStatus, Stage } from './projects';

/** Projects per stage. */
export class StageCounts {
  /** @example 4 */
  learn!: number;
  /** @example 2 */
  test!: number;
  /** @example 1 */
  establish!: number;
}

/** Projects per status. */
export class StatusCounts {
  /** @example 7 */
  active!: number;
  /** @example 1 */
  stopped!: number;
  /** @example 2 */
  completed!: number;
}

/** Median days in each stage; null where no project has been there. */
export class StageMedians {
  /** @example 41.5 */
  learn!: number | null;
  /** @example 90 */
  test!: number | null;
  establish!: number | null;
}

export class FocusAreaStageCounts extends StageCounts {
  /** Null for the projects without a focus area. */
  focusArea!: FocusAreaRef | null;
}

export class AnswerCounts {
  /** @example 3 */
  given!: number;
  /** @example 2 */
  received!: number;
}

export class QuestionCounts {
  theyLearnFromUs!: AnswerCounts;
  weLearnFromThem!: AnswerCounts;
  doTogether!: AnswerCounts;
}

export class OrganizationFigures {
  organization!: OrganizationRef;
  /**
   * Active projects the organisation takes part in.
   * @example 3
   */
  projects!: number;
  /** @example 8 */
  answersGiven!: number;
  /** @example 6 */
  answersReceived!: number;
  byQuestion!: QuestionCounts;
  /** The organisation's benefits in the partnership's projects, summed per unit. */
  benefits!: BenefitSum[];
}

/** One organisation's progress on one indicator, by its own latest measurement and its own figures. */
export class IndicatorOrganizationProgress {
  /** @example "6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0" */
  indicatorId!: string;
  organization!: OrganizationRef;
  /** @example 0.86 */
  progress!: number | null;
}

export class PartnershipDashboard {
  partnership!: PartnershipRef;
  /** Active projects per stage. */
  stageCounts!: StageCounts;
  /** All projects per status. */
  statusCounts!: StatusCounts;
  byFocusArea!: FocusAreaStageCounts[];
  byOrganization!: OrganizationFigures[];
  transitionsByMonth!: { month: string; count: number }[];
  /** Median days projects spent in each stage (ongoing stays count up to today); null when none. */
  medianDaysInStage!: StageMedians;
  indicators!: { id: string; projectId: string; name: string; progress: number | null }[];
  /** Offers (theyLearnFromUs) that met a wish (weLearnFromThem) in the same focus area. */
  matches!: { offers: number; wishes: number; met: number };
  /** Stopped and completed projects with the reason recorded when they closed. */
  closedProjects!: { id: string; title: string; status: ProjectStatus; rationale: string | null; closedAt: string | null }[];
  /** Benefits of all the partnership's projects, identified against realised, summed per unit (units are never added together). */
  benefits!: BenefitSum[];
  /** Follow-ups of established practices. */
  followUps!: FollowUpCounts;
  /** Follow-ups asked a year or more after the move into `establish`: does the practice still hold after a year? */
  followUpsAfterAYear!: FollowUpCounts;
  /** The indicators of `indicators`, per participating organisation that has measured. */
  indicatorsByOrganization!: IndicatorOrganizationProgress[];
}

/** One partnership's row in the overview: its active projects per stage. */
export class OverviewPartnership {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  id!: string;
  /** @example "PILOTen Hadeland" */
  name!: string;
  stageCounts!: StageCounts;
}

/** One organisation's row in the overview: the active projects it takes part in. */
export class OverviewOrganization {
  /** @example "5d0c3b1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f" */
  id!: string;
  /** @example "Gran kommune" */
  name!: string;
  /** @example 3 */
  projects!: number;
}

/** The rows of the overview shown at first, and the default page size of its row lists. */
export const OVERVIEW_ROWS_DEFAULT = 100;
export const OVERVIEW_ROWS_MAX = 500;

export class Overview {
  /** Over every partnership you may see, not only the rows sent. */
  stageCounts!: StageCounts;
  statusCounts!: StatusCounts;
  /** The first `limit` (default 100) by name; the rest from GET /api/dashboard/overview/partnerships. */
  partnerships!: OverviewPartnership[];
  /**
   * How many partnerships have a row.
   * @example 2
   */
  partnershipCount!: number;
  /** The first `limit` (default 100), most projects first; the rest from GET /api/dashboard/overview/organizations. */
  organizations!: OverviewOrganization[];
  /**
   * How many organisations have a row.
   * @example 4
   */
  organizationCount!: number;
  recentTransitions!: { projectId: string; projectTitle: string; fromStage: Stage; toStage: Stage; decidedAt: string }[];
  /** Benefits across every partnership you may see, summed per unit. */
  benefits!: BenefitSum[];
  followUps!: FollowUpCounts;
  followUpsAfterAYear!: FollowUpCounts;
}

export class OverviewQuery {
  /**
   * How many partnership and organisation rows to send.
   * @example 100
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(OVERVIEW_ROWS_MAX) limit?: number;
}

export class OverviewRowsQuery extends OverviewQuery {
  /** From the `Link: rel="next"` header of the page before. */
  @IsOptional()
  @IsString()
  @MaxLength(600)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the one from the page before' })
  cursor?: string;
}

/** `GET /api/dashboard/partnerships/:id/report.pdf?lang=da`. */
export class ReportQuery {
  /**
   * The language of the file's words (CSV headings, PDF): nb, nn, da, sv, fi or en; without it, the reader's own.
   * @example "da"
   */
  @FileLanguage()
  lang?: string;
}
