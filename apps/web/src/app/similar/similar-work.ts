import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { ProjectStatus, SimilarResponse, Stage } from '@samspill/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { dataResource } from '../core/data/data-resource';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { counted } from '../dashboard/counted';
import { LessonItem } from '../lessons/lesson-item';
import { SimilarApi } from './similar-api';

/** How long typing must pause before the panel asks again. */
export const SIMILAR_DEBOUNCE_MS = 400;
/** Fewer letters than this say too little to compare. */
const MIN_TEXT = 3;
/**
 * The start of a draft is enough to compare, and keeps the address within
 * what the API accepts (a long description, percent-encoded, would not fit).
 */
const MAX_TEXT = 2_000;

/**
 * "Who has done this before?": the projects, practices and lessons elsewhere
 * that resemble a project (`projectId`) or what someone is typing (`text`,
 * asked for once the typing pauses), each with whose it is and where it stands.
 */
@Component({
  selector: 'sp-similar-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LessonItem, RouterLink, TranslatePipe],
  templateUrl: './similar-work.html',
  styleUrl: './similar-work.css',
})
export class SimilarWork {
  private readonly api = inject(SimilarApi);
  private readonly i18n = inject(I18n);

  readonly projectId = input<string>();
  readonly text = input<string>();
  /** The heading's level where the panel sits (2 on a page, 3 inside a form's section). */
  readonly level = input<2 | 3>(2);

  private readonly typed = toSignal(
    toObservable(computed(() => (this.text() ?? '').trim().slice(0, MAX_TEXT))).pipe(
      debounceTime(SIMILAR_DEBOUNCE_MS),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly waiting = computed(() => this.projectId() === undefined && this.typed().length < MIN_TEXT);
  protected readonly similar = dataResource(
    () => {
      const projectId = this.projectId();
      if (projectId) return { projectId };
      const text = this.typed();
      return text.length >= MIN_TEXT ? { text } : undefined;
    },
    (params: { projectId?: string; text?: string }) =>
      params.projectId ? this.api.forProject(params.projectId) : this.api.forText(params.text ?? ''),
  );

  protected readonly headingId = `similar-${Math.random().toString(36).slice(2, 8)}`;

  protected readonly found = computed(() => {
    const s = this.similar.value();
    if (!s) return '';
    if (s.projects.length + s.practices.length + s.lessons.length === 0) return this.i18n.t('learning.similar.none');
    return this.i18n.t('learning.similar.found', {
      projects: s.projects.length,
      practices: s.practices.length,
      lessons: s.lessons.length,
    });
  });

  protected stageStatus(stage: Stage, status: ProjectStatus): string {
    return this.i18n.t('learning.similar.stageStatus', {
      stage: this.i18n.t(`stages.${stage}.name`),
      status: this.i18n.t(`statuses.${status}`),
    });
  }

  protected names(project: SimilarResponse['projects'][number]): string {
    return this.i18n.t('learning.similar.participants', {
      names: new Intl.ListFormat(this.i18n.locale(), { type: 'conjunction' }).format(project.participants.map((p) => p.name)),
    });
  }

  protected adoptions(count: number): string {
    return counted(this.i18n, count, {
      zero: 'learning.practices.adoptedZero',
      one: 'learning.practices.adoptedOne',
      other: 'learning.practices.adoptedOther',
    });
  }
}
