import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BarChart, type ChartDatum, ProgressBar } from '@samspill/web-ui';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ClosedProjects } from '../dashboard/closed-projects';
import { partnershipDashboard } from '../dashboard/dashboard-api';
import { DashboardSkeleton } from '../dashboard/dashboard-skeleton';
import { PROJECT_STATUSES, STAGES, STAGE_NAME, STATUS_NAME } from '../dashboard/stage-names';
import { TransitionsChart } from '../dashboard/transitions-chart';
import { plainSummary } from './plain-language';

/**
 * The partnership's figures for elected members: plain sentences, a few
 * clear charts, nothing to edit. Reads well on a tablet and prints in black
 * and white.
 */
@Component({
  selector: 'sp-politician-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChart, ClosedProjects, DashboardSkeleton, LoadStatus, ProgressBar, RouterLink, TransitionsChart, TranslatePipe],
  templateUrl: './politician-page.html',
  styleUrl: './politician-page.css',
})
export class PoliticianPage {
  private readonly i18n = inject(I18n);

  /** The partnership's id, from the route. */
  readonly id = input.required<string>();

  protected readonly dashboard = partnershipDashboard(() => this.id());

  protected readonly summary = computed(() => {
    const dashboard = this.dashboard.value();
    return dashboard ? plainSummary(dashboard, this.i18n) : null;
  });

  protected readonly stageData = computed<ChartDatum[]>(() => {
    const counts = this.dashboard.value()?.stageCounts;
    if (!counts) return [];
    return STAGES.map((stage) => ({
      label: this.i18n.t(STAGE_NAME[stage]),
      value: counts[stage],
      valueText: this.i18n.formatNumber(counts[stage]),
    }));
  });

  protected readonly statusData = computed<ChartDatum[]>(() => {
    const counts = this.dashboard.value()?.statusCounts;
    if (!counts) return [];
    return PROJECT_STATUSES.map((status) => ({
      label: this.i18n.t(STATUS_NAME[status]),
      value: counts[status],
      valueText: this.i18n.formatNumber(counts[status]),
    }));
  });

  protected readonly indicators = computed(() =>
    (this.dashboard.value()?.indicators ?? []).map((indicator) => ({
      ...indicator,
      valueText:
        indicator.progress === null
          ? this.i18n.t('dashboard.indicators.none')
          : this.i18n.t('dashboard.indicators.progress', {
              percent: this.i18n.formatNumber(indicator.progress, { style: 'percent', maximumFractionDigits: 0 }),
            }),
    })),
  );
}
