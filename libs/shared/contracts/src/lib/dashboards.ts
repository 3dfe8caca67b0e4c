import type { OrganizationRef } from './organizations';
import type { FocusAreaRef, PartnershipRef } from './partnerships';
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
}

export class Overview {
  stageCounts!: StageCounts;
  statusCounts!: StatusCounts;
  partnerships!: { id: string; name: string; stageCounts: StageCounts }[];
  organizations!: { id: string; name: string; projects: number }[];
  recentTransitions!: { projectId: string; projectTitle: string; fromStage: Stage; toStage: Stage; decidedAt: string }[];
}
