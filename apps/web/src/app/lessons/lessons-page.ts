import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { COUNTRIES, PROJECT_STATUSES } from '@samspill/contracts/values';
import { map } from 'rxjs';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from '../organizations/organizations-api';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { type CountedKeys, counted } from '../dashboard/counted';
import {
  LESSONS_PAGE,
  type LessonFilter,
  NO_LESSON_FILTER,
  lessonFilterFromQuery,
  lessonFilterToQuery,
  lessonQuery,
} from './lesson-filter';
import { LessonItem } from './lesson-item';
import { LessonsApi } from './lessons-api';

/**
 * The lessons library: search every lesson the person may see, filter by
 * focus area, organisation, country, the project's status and period. The
 * search lives in the address, so it can be shared, reloaded and paged.
 */
@Component({
  selector: 'sp-lessons-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LessonItem, LoadStatus, RouterLink, TranslatePipe],
  templateUrl: './lessons-page.html',
  styleUrl: './lessons-page.css',
})
export class LessonsPage {
  private readonly api = inject(LessonsApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly filter = toSignal(this.route.queryParamMap.pipe(map(lessonFilterFromQuery)), { requireSync: true });
  protected readonly lessons = dataResource(
    () => this.filter(),
    (filter) => this.api.list(lessonQuery(filter)),
  );
  private readonly partnershipsApi = inject(PartnershipsApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly partnerships = dataResource(() => this.partnershipsApi.list());
  private readonly organizationList = dataResource(() => this.organizationsApi.list());

  /** The focus areas' names across the partnerships the person sees: the same theme has the same name everywhere. */
  protected readonly focusAreas = computed(() =>
    [...new Set((this.partnerships.value() ?? []).flatMap((p) => p.focusAreas.map((f) => f.name)))].sort((a, b) => this.i18n.compare(a, b)),
  );
  protected readonly organizations = computed(() =>
    [...(this.organizationList.value() ?? [])].sort((a, b) => this.i18n.compare(a.name, b.name)),
  );
  protected readonly countries = computed(() => COUNTRIES.map((code) => ({ code, name: this.i18n.t(`countries.${code}`) })));
  protected readonly statuses = computed(() => PROJECT_STATUSES.map((status) => ({ status, name: this.i18n.t(`statuses.${status}`) })));

  protected readonly hasFilter = computed(() => {
    const { offset: _offset, ...rest } = this.filter();
    return Object.values(rest).some((value) => value !== '');
  });

  protected readonly resultText = computed(() => {
    const list = this.lessons.value();
    if (!list) return '';
    const keys: CountedKeys = this.hasFilter()
      ? { zero: 'learning.lessons.resultsZero', one: 'learning.lessons.resultsOne', other: 'learning.lessons.resultsOther' }
      : { zero: 'learning.lessons.allZero', one: 'learning.lessons.allOne', other: 'learning.lessons.allOther' };
    return counted(this.i18n, list.total, keys);
  });
  protected readonly range = computed(() => {
    const list = this.lessons.value();
    if (!list || list.items.length === 0 || list.total <= LESSONS_PAGE) return '';
    const from = this.filter().offset + 1;
    return this.i18n.t('learning.lessons.showing', { from, to: this.filter().offset + list.items.length });
  });
  protected readonly previous = computed(() => (this.filter().offset > 0 ? Math.max(0, this.filter().offset - LESSONS_PAGE) : null));
  protected readonly next = computed(() => {
    const list = this.lessons.value();
    const next = this.filter().offset + LESSONS_PAGE;
    return list && next < list.total ? next : null;
  });

  protected queryFor(offset: number) {
    return lessonFilterToQuery({ ...this.filter(), offset });
  }

  protected choose<K extends keyof LessonFilter>(field: K, value: LessonFilter[K]): void {
    this.apply({ ...this.filter(), [field]: value, offset: 0 });
  }

  protected search(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
    this.apply({ ...this.filter(), q: value('q'), from: value('from'), to: value('to'), offset: 0 });
  }

  protected triedAndStopped(): void {
    this.apply({ ...this.filter(), projectStatus: 'stopped', offset: 0 });
  }

  protected clear(): void {
    this.apply(NO_LESSON_FILTER);
  }

  private apply(filter: LessonFilter): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: lessonFilterToQuery(filter) });
  }
}
