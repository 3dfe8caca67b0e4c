import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProjectResponse } from '@samspill/contracts';
import { map, switchMap } from 'rxjs';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { BenefitsPanel } from '../benefits/benefits-panel';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { ImprovementLog } from './improvement-log';
import { IndicatorsPanel } from './indicators-panel';
import { projectActions } from './project-actions';
import { ProjectForm } from './project-form';
import { SimilarWork } from '../similar/similar-work';
import { ProjectsApi } from './projects-api';
import { SourceAnswer } from './source-answer';
import { type StageChange, StageActions } from './stage-actions';
import { StageHistory } from './stage-history';
import { CommentThread } from '../talk/comment-thread';
import { FollowButton } from '../talk/follow-button';
import { partnershipScope } from '../talk/talk-api';

/** One joint project: what it is, where it stands, how it got there, what was learnt and measured, and what this person may do. */
@Component({
  selector: 'sp-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslatePipe,
    LoadStatus,
    ProjectForm,
    SourceAnswer,
    StageActions,
    StageHistory,
    ImprovementLog,
    IndicatorsPanel,
    BenefitsPanel,
    SimilarWork,
    CommentThread,
    FollowButton,
  ],
  templateUrl: './project-page.html',
  styleUrl: './project-page.css',
})
export class ProjectPage {
  private readonly projects = inject(ProjectsApi);
  private readonly partnerships = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();

  /** The project's id, from the route. */
  readonly id = input.required<string>();

  protected readonly page = dataResource(
    () => this.id(),
    (id) =>
      this.projects
        .get(id)
        .pipe(switchMap((project) => this.partnerships.get(project.partnershipId).pipe(map((partnership) => ({ project, partnership }))))),
  );
  /** Every stage move and status change; the page adds the ones made here. */
  protected readonly history = dataResource(
    () => this.id(),
    (id) => this.projects.transitions(id),
  );
  protected readonly editing = linkedSignal({ source: this.id, computation: () => false });
  protected readonly announcement = signal('');

  /** What this person may do here, from the shared policy (the API decides with the same functions). */
  private readonly actions = computed(() => {
    const data = this.page.value();
    return data ? projectActions(this.actor(), data.project, data.partnership) : null;
  });
  /** Who writes in the project's thread follows from its partnership. */
  protected readonly scope = computed(() => {
    const partnership = this.page.value()?.partnership;
    return partnership ? partnershipScope(partnership) : null;
  });
  protected readonly canWork = computed(() => this.actions()?.canWork ?? false);
  protected readonly stageTargets = computed(() => this.actions()?.stageTargets ?? []);
  protected readonly leaderDecides = computed(() => this.actions()?.leaderDecides ?? false);
  protected readonly statusTargets = computed(() => this.actions()?.statusTargets ?? []);

  protected readonly status = computed(() => {
    const status = this.page.value()?.project.status ?? 'active';
    return { name: this.i18n.t(`statuses.${status}`), color: { active: 'success', stopped: 'warning', completed: 'info' }[status] };
  });
  protected readonly stage = computed(() => {
    const stage = this.page.value()?.project.stage ?? 'learn';
    return { name: this.i18n.t(`stages.${stage}.name`), description: this.i18n.t(`stages.${stage}.description`) };
  });
  protected readonly participants = computed(
    () =>
      this.page
        .value()
        ?.project.participants.map((p) => p.name)
        .join(', ') ?? '',
  );
  protected readonly started = computed(() => {
    const project = this.page.value()?.project;
    return project
      ? this.i18n.t('projects.startedBy', { name: project.createdBy.name, date: this.i18n.formatDate(project.createdAt) })
      : '';
  });
  /** An admin belongs to no organisation and says whom a measurement is for. */
  protected readonly measureFor = computed(() => (this.actor().role === 'admin' ? (this.page.value()?.project.participants ?? []) : []));

  /** After a stage move or status change: the project as the answer has it, the decision in the history, focus on the stage section. */
  protected stageChanged({ message, project, transition }: StageChange): void {
    this.announcement.set(message);
    this.showProject(project);
    if (transition) this.history.update((list) => [...list, transition]);
    else this.history.reload();
    this.focus('#stage-heading');
  }

  protected startEditing(): void {
    this.editing.set(true);
    this.focus('#edit-project input');
  }

  protected stopEditing(saved?: ProjectResponse): void {
    this.editing.set(false);
    if (saved) {
      this.showProject(saved);
      this.announcement.set(this.i18n.t('projects.saved'));
      this.focus('h1');
      return;
    }
    this.focus('#edit-project-button');
  }

  /** Someone else changed the project: show their version, and open the form again on it. */
  protected reloadForEditing(): void {
    this.editing.set(false);
    this.page.reload(() => {
      this.editing.set(true);
      this.announcement.set(this.i18n.t('projects.reloaded'));
      this.focus('#edit-project input');
    });
  }

  private showProject(project: ProjectResponse): void {
    this.page.update((data) => ({ ...data, project }));
  }
}
