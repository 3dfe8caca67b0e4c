import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PartnershipResponse, ProjectResponse, ProjectStatus, Stage } from '@samspill/contracts';
import { canDecideStage, canWorkOnProject, earlierStages, nextStage, stageMoveProblem, statusChangeProblem } from '@samspill/domain';
import { map, switchMap } from 'rxjs';
import { injectActor } from '../collaboration/actor';
import { type Load, Loader, loadedValue } from '../collaboration/load';
import { focusHeadingOnceLoaded } from '../collaboration/focus';
import { LoadStatus } from '../collaboration/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { ImprovementLog } from './improvement-log';
import { IndicatorsPanel } from './indicators-panel';
import { ProjectForm } from './project-form';
import { ProjectsApi } from './projects-api';
import { SourceAnswer } from './source-answer';
import { StageActions } from './stage-actions';
import { StageHistory } from './stage-history';

interface Data {
  project: ProjectResponse;
  partnership: PartnershipResponse;
}

/** One joint project: what it is, where it stands, how it got there, what was learnt and measured, and what this person may do. */
@Component({
  selector: 'sp-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, ProjectForm, SourceAnswer, StageActions, StageHistory, ImprovementLog, IndicatorsPanel],
  templateUrl: './project-page.html',
  styleUrl: './project-page.css',
})
export class ProjectPage {
  private readonly projects = inject(ProjectsApi);
  private readonly partnerships = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly actor = injectActor();

  protected readonly load = signal<Load<Data>>({ state: 'loading' });
  protected readonly loader = new Loader(
    this.load,
    (id: string) =>
      this.projects.get(id).pipe(
        switchMap((project) => this.partnerships.get(project.partnershipId).pipe(map((partnership) => ({ project, partnership })))),
      ),
    inject(DestroyRef),
  );
  protected readonly data = computed(() => loadedValue(this.load()));
  protected readonly editing = signal(false);
  protected readonly announcement = signal('');

  private readonly scope = computed(() => {
    const data = this.data();
    if (!data) return null;
    const { project, partnership } = data;
    return {
      partnership: { visibility: partnership.visibility, memberIds: partnership.members.map((m) => m.id) },
      participantIds: project.participants.map((p) => p.id),
    };
  });

  protected readonly canWork = computed(() => {
    const scope = this.scope();
    return scope !== null && canWorkOnProject(this.actor(), scope);
  });

  /** The next stage, or any earlier one, where the shared policy lets this person decide. */
  protected readonly stageTargets = computed<Stage[]>(() => {
    const scope = this.scope();
    const project = this.data()?.project;
    if (!scope || !project) return [];
    const next = nextStage(project.stage);
    return [...(next ? [next] : []), ...earlierStages(project.stage).reverse()].filter(
      (to) => stageMoveProblem(project.stage, to, project.status) === null && canDecideStage(this.actor(), scope, to),
    );
  });

  /** Staff may work on the project but not take it into `establish`: say who decides that. */
  protected readonly leaderDecides = computed(() => {
    const scope = this.scope();
    const project = this.data()?.project;
    const next = project ? nextStage(project.stage) : null;
    return (
      !!scope && !!project && !!next && this.canWork() &&
      stageMoveProblem(project.stage, next, project.status) === null && !canDecideStage(this.actor(), scope, next)
    );
  });

  protected readonly statusTargets = computed<ProjectStatus[]>(() => {
    const project = this.data()?.project;
    if (!project || !this.canWork()) return [];
    return (['active', 'stopped', 'completed'] as const).filter((to) => statusChangeProblem(project.status, to) === null);
  });

  protected readonly status = computed(() => {
    const status = this.data()?.project.status ?? 'active';
    return { name: this.i18n.t(`statuses.${status}`), color: { active: 'success', stopped: 'warning', completed: 'info' }[status] };
  });
  protected readonly stage = computed(() => {
    const stage = this.data()?.project.stage ?? 'learn';
    return { name: this.i18n.t(`stages.${stage}.name`), description: this.i18n.t(`stages.${stage}.description`) };
  });
  protected readonly participants = computed(() => this.data()?.project.participants.map((p) => p.name).join(', ') ?? '');
  protected readonly started = computed(() => {
    const project = this.data()?.project;
    return project ? this.i18n.t('projects.startedBy', { name: project.createdBy.name, date: this.i18n.formatDate(project.createdAt) }) : '';
  });
  /** An admin belongs to no organisation and says whom a measurement is for. */
  protected readonly measureFor = computed(() => (this.actor().role === 'admin' ? (this.data()?.project.participants ?? []) : []));

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.editing.set(false);
        this.loader.fetch(params.get('id') ?? '', { then: () => focusHeadingOnceLoaded(this.host.nativeElement, this.injector) });
      });
  }

  /** After a stage move or status change: fresh project (new version), and focus on the stage section. */
  protected stageChanged(message: string): void {
    this.announcement.set(message);
    this.loader.reload({ then: () => this.focus('#stage-heading') });
  }

  protected startEditing(): void {
    this.editing.set(true);
    this.focus('#edit-project input');
  }

  protected stopEditing(saved?: ProjectResponse): void {
    this.editing.set(false);
    if (saved) {
      this.load.update((load) => (load.state === 'loaded' ? { state: 'loaded', value: { ...load.value, project: saved } } : load));
      this.announcement.set(this.i18n.t('projects.saved'));
      this.focus('h1');
      return;
    }
    this.focus('#edit-project-button');
  }

  /** Someone else changed the project: show their version, and open the form again on it. */
  protected reloadForEditing(): void {
    this.editing.set(false);
    this.loader.reload({
      then: () => {
        this.editing.set(true);
        this.announcement.set(this.i18n.t('projects.reloaded'));
        this.focus('#edit-project input');
      },
    });
  }

  private focus(selector: string): void {
    afterNextRender({ read: () => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector });
  }
}
