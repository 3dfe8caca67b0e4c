import type { ProjectStatus, Stage } from '@samspill/contracts';
import type { MessageKey } from '../core/i18n/messages';

export { PROJECT_STATUSES, STAGES } from '@samspill/contracts/values';

/** The three working forms of PILOTen, named as people say them. */
export const STAGE_NAME: Record<Stage, MessageKey> = {
  learn: 'dashboard.stages.learn',
  test: 'dashboard.stages.test',
  establish: 'dashboard.stages.establish',
};

export const STATUS_NAME: Record<ProjectStatus, MessageKey> = {
  active: 'dashboard.statuses.active',
  stopped: 'dashboard.statuses.stopped',
  completed: 'dashboard.statuses.completed',
};
