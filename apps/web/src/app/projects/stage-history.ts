import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ProjectResponse, TransitionResponse } from '@samspill/contracts';
import type { DataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';

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
      <sp-load-status [data]="history()" loadingText="projects.loadingHistory" />
    }
  `,
})
export class StageHistory {
  private readonly i18n = inject(I18n);

  readonly project = input.required<ProjectResponse>();
  /** The project's decisions, fetched by the page (which adds the ones it makes). */
  readonly history = input.required<DataResource<TransitionResponse[]>>();

  protected readonly started = computed(() => {
    const p = this.project();
    return this.i18n.t('projects.started', {
      stage: this.i18n.t('stages.learn.name'),
      name: p.createdBy.name,
      date: this.i18n.formatDate(p.createdAt),
    });
  });

  protected readonly entries = computed(() =>
    this.history()
      .value()
      ?.map((t) => ({
        id: t.id,
        what:
          // A status change names both statuses (the contract says so; the check only narrows the types).
          t.kind === 'status' && t.fromStatus && t.toStatus
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
      })),
  );
}
