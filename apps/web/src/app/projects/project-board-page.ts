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
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { PartnershipResponse, ProjectListResponse, ProjectResponse } from '@samspill/contracts';
import { STAGES } from '@samspill/contracts/values';
import { canCreateProject } from '@samspill/domain';
import { map } from 'rxjs';
import { injectActor } from '../collaboration/actor';
import { type Load, Loader, loadedValue } from '../collaboration/load';
import { LoadStatus } from '../collaboration/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { type BoardFilter, filterFromQuery, filterToQuery } from './board-filter';
import { BoardFilters } from './board-filters';
import { ProjectCard } from './project-card';
import { ProjectForm } from './project-form';
import { ProjectsApi } from './projects-api';

/** The API's largest page; a board with more shows how many are left out. */
const PAGE = 200;

/** Joint projects in one column per stage, filtered from the address, with a form to start one. */
@Component({
  selector: 'sp-project-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, BoardFilters, ProjectCard, ProjectForm],
  templateUrl: './project-board-page.html',
  styleUrl: './project-board-page.css',
})
export class ProjectBoardPage {
  private readonly projects = inject(ProjectsApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly actor = injectActor();

  protected readonly filter = toSignal(this.route.queryParamMap.pipe(map(filterFromQuery)), { requireSync: true });
  protected readonly load = signal<Load<ProjectListResponse>>({ state: 'loading' });
  protected readonly loader = new Loader(
    this.load,
    (filter: BoardFilter) => this.projects.list({ ...filter, limit: PAGE }),
    inject(DestroyRef),
  );
  protected readonly partnerships = toSignal(inject(PartnershipsApi).list(), { initialValue: [] as PartnershipResponse[] });

  protected readonly list = computed(() => loadedValue(this.load()));
  protected readonly columns = computed(() => {
    const items = this.list()?.items ?? [];
    return STAGES.map((stage) => ({
      stage,
      name: this.i18n.t(`stages.${stage}.name`),
      projects: items.filter((p) => p.stage === stage),
    }));
  });
  protected readonly resultText = computed(() => {
    const list = this.list();
    if (!list) return '';
    // Counting stops at 1,000: past it the board says "more than".
    if (!list.totalIsExact) return this.i18n.t('projects.showingSomeOfMany', { shown: list.items.length, total: list.total });
    if (list.total > list.items.length) return this.i18n.t('projects.showingSome', { shown: list.items.length, total: list.total });
    return this.i18n.t(list.total === 1 ? 'projects.showingOne' : 'projects.showingAll', { total: list.total });
  });
  protected readonly heading = computed(() => {
    const chosen = this.partnerships().find((p) => p.id === this.filter().partnershipId);
    return chosen ? this.i18n.t('projects.headingFor', { name: chosen.name }) : this.i18n.t('projects.heading');
  });

  /** Partnerships where the person may start a project. */
  protected readonly creatable = computed(() =>
    this.partnerships().filter((p) => canCreateProject(this.actor(), { visibility: p.visibility, memberIds: p.members.map((m) => m.id) })),
  );
  protected readonly creating = signal(false);
  private readonly newButton = viewChild<ElementRef<HTMLButtonElement>>('newButton');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((query) => this.loader.fetch(filterFromQuery(query)));
  }

  protected applyFilter(filter: BoardFilter): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToQuery(filter) });
  }

  protected startCreating(): void {
    this.creating.set(true);
    afterNextRender(
      { read: () => this.host.nativeElement.querySelector<HTMLElement>('#new-project select, #new-project input')?.focus() },
      { injector: this.injector },
    );
  }

  protected stopCreating(): void {
    this.creating.set(false);
    afterNextRender({ read: () => this.newButton()?.nativeElement.focus() }, { injector: this.injector });
  }

  protected created(project: ProjectResponse): void {
    void this.router.navigate(['/projects', project.id]);
  }
}
