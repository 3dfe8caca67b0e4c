import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PartnershipResponse, ProjectResponse } from '@samspill/contracts';
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
import { projectActions } from './project-actions';
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
      this.projects
        .get(id)
        .pipe(switchMap((project) => this.partnerships.get(project.partnershipId).pipe(map((partnership) => ({ project, partnership }))))),
    inject(DestroyRef),
  );
  protected readonly data = computed(() => loadedValue(this.load()));
  protected readonly editing = signal(false);
  protected readonly announcement = signal('');

  /** What this person may do here, from the shared policy (the API decides with the same functions). */
  private readonly actions = computed(() => {
    const data = this.data();
    return data ? projectActions(this.actor(), data.project, data.partnership) : null;
  });
  protected readonly canWork = computed(() => this.actions()?.canWork ?? false);
  protected readonly stageTargets = computed(() => this.actions()?.stageTargets ?? []);
  protected readonly leaderDecides = computed(() => this.actions()?.leaderDecides ?? false);
  protected readonly statusTargets = computed(() => this.actions()?.statusTargets ?? []);

  protected readonly status = computed(() => {
    const status = this.data()?.project.status ?? 'active';
    return { name: this.i18n.t(`statuses.${status}`), color: { active: 'success', stopped: 'warning', completed: 'info' }[status] };
  });
  protected readonly stage = computed(() => {
    const stage = this.data()?.project.stage ?? 'learn';
    return { name: this.i18n.t(`stages.${stage}.name`), description: this.i18n.t(`stages.${stage}.description`) };
  });
  protected readonly participants = computed(
    () =>
      this.data()
        ?.project.participants.map((p) => p.name)
        .join(', ') ?? '',
  );
  protected readonly started = computed(() => {
    const project = this.data()?.project;
    return project
      ? this.i18n.t('projects.startedBy', { name: project.createdBy.name, date: this.i18n.formatDate(project.createdAt) })
      : '';
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
