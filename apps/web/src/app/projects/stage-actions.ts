import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { ProjectResponse, ProjectStatus, Stage, TransitionResponse } from '@samspill/contracts';
import { STAGES } from '@samspill/contracts/values';
import { StageSteps } from '@samspill/web-ui';
import { type Observable, map } from 'rxjs';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { ProjectsApi } from './projects-api';
import { RationaleForm } from './rationale-form';

type Change = { kind: 'stage'; to: Stage } | { kind: 'status'; to: ProjectStatus };

/** A decision made: what to announce, the project as it now is, and the new history entry when the answer carries it. */
export interface StageChange {
  message: string;
  project: ProjectResponse;
  transition: TransitionResponse | null;
}

type Decided = Omit<StageChange, 'message'>;

/** Where the project is among the three stages, and the moves and status changes this person may make. */
@Component({
  selector: 'sp-stage-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, StageSteps, RationaleForm],
  templateUrl: './stage-actions.html',
  styleUrl: './stage-actions.css',
})
export class StageActions {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);
  private readonly focus = focusAfterRender();

  readonly project = input.required<ProjectResponse>();
  /** Stages this person may move the project to now (from the shared policy). */
  readonly stageTargets = input.required<readonly Stage[]>();
  readonly statusTargets = input.required<readonly ProjectStatus[]>();
  /** True when the next stage is there but is a leader's decision. */
  readonly leaderDecides = input(false);
  readonly changed = output<StageChange>();

  protected readonly steps = computed(() => STAGES.map((stage) => ({ label: this.i18n.t(`stages.${stage}.name`) })));
  protected readonly current = computed(() => STAGES.indexOf(this.project().stage));
  protected readonly pending = signal<Change | null>(null);

  protected readonly stageButtons = computed(() => {
    const at = this.current();
    return this.stageTargets().map((to) => {
      const name = this.i18n.t(`stages.${to}.name`);
      const forward = STAGES.indexOf(to) > at;
      return { to, forward, label: this.i18n.t(forward ? 'projects.moveForward' : 'projects.moveBack', { stage: name }) };
    });
  });

  protected readonly statusButtons = computed(() =>
    this.statusTargets().map((to) => ({ to, label: this.i18n.t(`projects.statusAction.${to}`) })),
  );

  protected readonly form = computed(() => {
    const change = this.pending();
    if (!change) return null;
    const id = this.project().id;
    if (change.kind === 'stage') {
      const stage = this.i18n.t(`stages.${change.to}.name`);
      return {
        label: this.i18n.t('projects.whyMove', { stage }),
        submit: this.i18n.t('projects.confirmMove', { stage }),
        done: this.i18n.t('projects.moved', { stage }),
        action: (rationale: string): Observable<Decided> =>
          this.api.moveStage(id, { toStage: change.to, rationale }).pipe(map(({ project, ...transition }) => ({ project, transition }))),
      };
    }
    return {
      label: this.i18n.t(`projects.whyStatus.${change.to}`),
      submit: this.i18n.t(`projects.statusAction.${change.to}`),
      done: this.i18n.t(`projects.statusChanged.${change.to}`),
      action: (rationale: string): Observable<Decided> =>
        this.api.changeStatus(id, { status: change.to, rationale }).pipe(map((project) => ({ project, transition: null }))),
    };
  });

  protected open(change: Change): void {
    this.pending.set(change);
  }

  protected close(): void {
    const change = this.pending();
    this.pending.set(null);
    this.focus(`[data-change="${change?.kind}-${change?.to}"]`);
  }

  protected done(message: string, decided: Decided): void {
    this.pending.set(null);
    this.changed.emit({ message, ...decided });
  }
}
