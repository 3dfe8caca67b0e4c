import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Stage, StageCounts, StatusCounts } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { counted } from './counted';
import { STAGES, STAGE_NAME } from './stage-names';

/**
 * Active projects per stage as three numbered cards (optionally with the
 * median days in each stage), and every project by status. Used by the
 * partnership dashboard and the overview, so both read alike.
 */
@Component({
  selector: 'sp-stage-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './stage-figures.css',
  template: `
    <ol class="stages">
      @for (card of cards(); track card.stage) {
        <li class="card" [attr.data-stage]="card.stage">
          <h3 class="name">
            <span class="step" aria-hidden="true">{{ $index + 1 }}</span>{{ card.name }}
          </h3>
          <p class="figure">
            <span class="number">{{ card.count }}</span><span class="unit"> {{ card.unit }}</span>
          </p>
          @if (card.median) {
            <p class="median">{{ card.median }}</p>
          }
        </li>
      }
    </ol>
    <dl class="statuses">
      @for (status of statuses(); track status.label) {
        <div class="status">
          <dt>{{ status.label }}</dt>
          <dd>{{ status.count }}</dd>
        </div>
      }
    </dl>
  `,
})
export class StageFigures {
  private readonly i18n = inject(I18n);

  readonly stageCounts = input.required<StageCounts>();
  readonly statusCounts = input.required<StatusCounts>();
  /** Median days in each stage; leave out where it does not apply (the overview). */
  readonly medianDays = input<Record<Stage, number | null> | null>(null);

  protected readonly cards = computed(() => {
    const counts = this.stageCounts();
    const medians = this.medianDays();
    return STAGES.map((stage) => {
      const median = medians?.[stage];
      return {
        stage,
        name: this.i18n.t(STAGE_NAME[stage]),
        count: this.i18n.formatNumber(counts[stage]),
        unit: counted(this.i18n, counts[stage], { one: 'dashboard.stageFigures.unitOne', other: 'dashboard.stageFigures.unitOther' }),
        median:
          medians === null
            ? null
            : median === null || median === undefined
              ? this.i18n.t('dashboard.stageFigures.noMedian')
              : counted(this.i18n, Math.round(median), {
                  one: 'dashboard.stageFigures.medianOne',
                  other: 'dashboard.stageFigures.medianOther',
                }),
      };
    });
  });

  protected readonly statuses = computed(() => {
    const counts = this.statusCounts();
    return (['active', 'stopped', 'completed'] as const).map((status) => ({
      label: this.i18n.t(`dashboard.stageFigures.${status}`),
      count: this.i18n.formatNumber(counts[status]),
    }));
  });
}
