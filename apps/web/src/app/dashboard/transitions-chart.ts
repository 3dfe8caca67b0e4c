import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChart, type ChartDatum } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { type MonthCount, monthDate, recentMonths } from './recent-months';

/** Stage transitions per month over the last year, as columns with a table behind them. */
@Component({
  selector: 'sp-transitions-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChart, TranslatePipe],
  template: `
    @if (data().length > 0) {
      <sp-bar-chart
        orientation="vertical"
        [caption]="'dashboard.transitions.caption' | t"
        [data]="data()"
        [labelHeader]="'dashboard.transitions.month' | t"
        [valueHeader]="'dashboard.transitions.count' | t"
        [tableToggleLabel]="toggle() ? ('charts.showTable' | t) : null"
      />
    } @else {
      <p class="ds-paragraph">{{ 'dashboard.transitions.empty' | t }}</p>
    }
  `,
})
export class TransitionsChart {
  private readonly i18n = inject(I18n);

  readonly transitionsByMonth = input.required<readonly MonthCount[]>();
  /** Whether sighted readers get a «Vis som tabell» button. */
  readonly toggle = input(true);

  protected readonly data = computed<ChartDatum[]>(() =>
    recentMonths(this.transitionsByMonth(), new Date()).map(({ month, count }) => {
      const date = monthDate(month);
      return {
        label: this.i18n.formatDate(date, { month: 'long', year: 'numeric' }),
        // Month over year, the same two lines under every column.
        shortLabel: `${this.i18n.formatDate(date, { month: 'short' })}\n${this.i18n.formatDate(date, { year: '2-digit' })}`,
        value: count,
        valueText: this.i18n.formatNumber(count),
      };
    }),
  );
}
