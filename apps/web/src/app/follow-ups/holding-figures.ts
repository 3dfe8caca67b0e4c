import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { FollowUpCounts } from '@samspill/contracts';
import { BarChart, type ChartDatum } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { holdingSentences } from './holding-sentences';

/** Holding the gains: how the follow-ups of established practices were answered, and how many wait. */
@Component({
  selector: 'sp-holding-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, BarChart],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .lead {
      margin: 0;
      font-size: var(--ds-body-lg-font-size);
    }
  `,
  template: `
    @for (sentence of sentences(); track $index) {
      <p class="lead">{{ sentence }}</p>
    }
    @if (total() > 0) {
      <sp-bar-chart
        [caption]="'followUps.chartCaption' | t"
        [data]="data()"
        [labelHeader]="'followUps.answerHeader' | t"
        [valueHeader]="'followUps.countHeader' | t"
      />
    }
  `,
})
export class HoldingFigures {
  private readonly i18n = inject(I18n);

  readonly followUps = input.required<FollowUpCounts>();
  readonly afterAYear = input.required<FollowUpCounts>();

  protected readonly sentences = computed(() => holdingSentences(this.i18n, this.followUps(), this.afterAYear()));
  protected readonly total = computed(() => {
    const c = this.followUps();
    return c.due + c.held + c.slipped + c.abandoned;
  });
  protected readonly data = computed<ChartDatum[]>(() => {
    const c = this.followUps();
    return (['held', 'slipped', 'abandoned', 'due'] as const).map((k) => ({
      label: this.i18n.t(`followUps.statuses.${k}`),
      value: c[k],
      valueText: this.i18n.formatNumber(c[k]),
    }));
  });
}
