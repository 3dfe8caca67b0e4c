import type { Question } from './questions';
import type { ProjectStatus, Stage } from './projects';

export type StageCounts = Record<Stage, number>;
export type StatusCounts = Record<ProjectStatus, number>;

export interface PartnershipDashboard {
  partnership: { id: string; name: string };
  /** Active projects per stage. */
  stageCounts: StageCounts;
  /** All projects per status. */
  statusCounts: StatusCounts;
  byFocusArea: ({ focusArea: { id: string; name: string } | null } & StageCounts)[];
  byOrganization: {
    organization: { id: string; name: string };
    projects: number;
    answersGiven: number;
    answersReceived: number;
    byQuestion: Record<Question, { given: number; received: number }>;
  }[];
  transitionsByMonth: { month: string; count: number }[];
  /** Median days projects spent in each stage (ongoing stays count up to today); null when none. */
  medianDaysInStage: Record<Stage, number | null>;
  indicators: { id: string; projectId: string; name: string; progress: number | null }[];
  /** Offers (theyLearnFromUs) that met a wish (weLearnFromThem) in the same focus area. */
  matches: { offers: number; wishes: number; met: number };
  /** Stopped and completed projects with the reason recorded when they closed. */
  closedProjects: { id: string; title: string; status: ProjectStatus; rationale: string | null; closedAt: string | null }[];
}

export interface Overview {
  stageCounts: StageCounts;
  statusCounts: StatusCounts;
  partnerships: { id: string; name: string; stageCounts: StageCounts }[];
  organizations: { id: string; name: string; projects: number }[];
  recentTransitions: { projectId: string; projectTitle: string; fromStage: Stage; toStage: Stage; decidedAt: string }[];
}
