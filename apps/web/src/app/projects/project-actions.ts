import type { PartnershipResponse, ProjectResponse, ProjectStatus, Stage } from '@samspill/contracts';
import {
  type Actor,
  canDecideStage,
  canWorkOnProject,
  earlierStages,
  nextStage,
  stageMoveProblem,
  statusChangeProblem,
} from '@samspill/domain';

export interface ProjectActions {
  /** Edit, log, indicators and status changes. */
  canWork: boolean;
  /** The next stage first, then earlier ones, nearest first: only moves the person may decide now. */
  stageTargets: Stage[];
  /** The next stage is open, but it is a leader's decision. */
  leaderDecides: boolean;
  statusTargets: ProjectStatus[];
}

const NOTHING: ProjectActions = { canWork: false, stageTargets: [], leaderDecides: false, statusTargets: [] };

/** What this person may do with the project, decided by the shared policy the API enforces too. */
export function projectActions(actor: Actor, project: ProjectResponse, partnership: PartnershipResponse): ProjectActions {
  const scope = {
    partnership: { visibility: partnership.visibility, memberIds: partnership.members.map((m) => m.id) },
    participantIds: project.participants.map((p) => p.id),
  };
  if (!canWorkOnProject(actor, scope)) return NOTHING;
  const next = nextStage(project.stage);
  const open = (to: Stage) => stageMoveProblem(project.stage, to, project.status) === null;
  const candidates = [...(next ? [next] : []), ...earlierStages(project.stage).reverse()];
  return {
    canWork: true,
    stageTargets: candidates.filter((to) => open(to) && canDecideStage(actor, scope, to)),
    leaderDecides: next !== null && open(next) && !canDecideStage(actor, scope, next),
    statusTargets: (['active', 'stopped', 'completed'] as const).filter((to) => statusChangeProblem(project.status, to) === null),
  };
}
