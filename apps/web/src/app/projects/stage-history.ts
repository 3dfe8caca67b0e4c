import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { ProjectResponse, TransitionResponse } from '@samspill/contracts';
import { type Load, Loader, loadedValue } from '../collaboration/load';
import { LoadStatus } from '../collaboration/load-status';
import { I18n } from '../core/i18n/i18n';
import { ProjectsApi } from './projects-api';

/** Every stage move and status change, oldest first, with why, who and when: the history is never rewritten. */
@Component({
  selector: 'sp-stage-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus],
  styleUrl: './stage-history.css',
  template: `
    @if (entries(); as entries) {
      <ol class="history">
        <li>
          <p class="what">{{ started() }}</p>
        </li>
        @for (entry of entries; track entry.id) {
          <li>
            <p class="what">{{ entry.what }}</p>
            <blockquote class="rationale">{{ entry.rationale }}</blockquote>
            <p class="who">{{ entry.who }}</p>
          </li>
        }
      </ol>
    } @else {
      <sp-load-status [load]="load()" loadingText="projects.loadingHistory" (retry)="loader.reload({ quiet: false })" />
    }
  `,
})
export class StageHistory {
  private readonly i18n = inject(I18n);
  private readonly api = inject(ProjectsApi);

  readonly project = input.required<ProjectResponse>();

  protected readonly load = signal<Load<TransitionResponse[]>>({ state: 'loading' });
  protected readonly loader = new Loader(this.load, (id: string) => this.api.transitions(id), inject(DestroyRef));

  protected readonly started = computed(() => {
    const p = this.project();
    return this.i18n.t('projects.started', {
      stage: this.i18n.t('stages.learn.name'),
      name: p.createdBy.name,
      date: this.i18n.formatDate(p.createdAt),
    });
  });

  protected readonly entries = computed(() => {
    const transitions = loadedValue(this.load());
    return transitions?.map((t) => ({
      id: t.id,
      what:
        t.toStatus && t.fromStatus
          ? this.i18n.t('projects.historyStatus', {
              from: this.i18n.t(`statuses.${t.fromStatus}`),
              to: this.i18n.t(`statuses.${t.toStatus}`),
            })
          : this.i18n.t('projects.historyStage', {
              from: this.i18n.t(`stages.${t.fromStage}.name`),
              to: this.i18n.t(`stages.${t.toStage}.name`),
            }),
      rationale: t.rationale,
      who: this.i18n.t('projects.decidedBy', {
        name: t.decidedBy.name,
        date: this.i18n.formatDate(t.decidedAt, { dateStyle: 'long', timeStyle: 'short' }),
      }),
    }));
  });

  /** Each stage move or status change bumps the version: fetch the history again then. */
  private readonly revision = computed(() => ({ id: this.project().id, version: this.project().version }), {
    equal: (a, b) => a.id === b.id && a.version === b.version,
  });

  constructor() {
    effect(() => {
      const { id } = this.revision();
      untracked(() => this.loader.fetch(id, { quiet: true }));
    });
  }
}
