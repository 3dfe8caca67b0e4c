import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { ProjectResponse } from '@samspill/contracts';
import { STAGES } from '@samspill/contracts/values';
import { canCreateProject } from '@samspill/domain';
import { map } from 'rxjs';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
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
  private readonly api = inject(ProjectsApi);
  private readonly partnershipsApi = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();

  protected readonly filter = toSignal(this.route.queryParamMap.pipe(map(filterFromQuery)), { requireSync: true });
  protected readonly projects = dataResource(
    () => this.filter(),
    (filter) => this.api.list({ ...filter, limit: PAGE }),
  );
  private readonly partnerships = dataResource(() => this.partnershipsApi.list());
  protected readonly partnershipList = computed(() => this.partnerships.value() ?? []);

  protected readonly columns = computed(() => {
    const items = this.projects.value()?.items ?? [];
    return STAGES.map((stage) => ({
      stage,
      name: this.i18n.t(`stages.${stage}.name`),
      projects: items.filter((p) => p.stage === stage),
    }));
  });
  protected readonly resultText = computed(() => {
    const list = this.projects.value();
    if (!list) return '';
    if (list.total > list.items.length) return this.i18n.t('projects.showingSome', { shown: list.items.length, total: list.total });
    return this.i18n.t(list.total === 1 ? 'projects.showingOne' : 'projects.showingAll', { total: list.total });
  });
  protected readonly heading = computed(() => {
    const chosen = this.partnershipList().find((p) => p.id === this.filter().partnershipId);
    return chosen ? this.i18n.t('projects.headingFor', { name: chosen.name }) : this.i18n.t('projects.heading');
  });

  /** Partnerships where the person may start a project. */
  protected readonly creatable = computed(() =>
    this.partnershipList().filter((p) =>
      canCreateProject(this.actor(), { visibility: p.visibility, memberIds: p.members.map((m) => m.id) }),
    ),
  );
  protected readonly creating = signal(false);
  private readonly newButton = viewChild<ElementRef<HTMLButtonElement>>('newButton');

  protected applyFilter(filter: BoardFilter): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToQuery(filter) });
  }

  protected startCreating(): void {
    this.creating.set(true);
    this.focus('#new-project select, #new-project input');
  }

  protected stopCreating(): void {
    this.creating.set(false);
    this.focus(() => this.newButton()?.nativeElement);
  }

  protected created(project: ProjectResponse): void {
    void this.router.navigate(['/projects', project.id]);
  }
}
