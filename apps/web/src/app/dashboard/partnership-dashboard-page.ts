import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ClosedProjects } from './closed-projects';
import { partnershipDashboard } from './dashboard-api';
import { DashboardDownloads } from './dashboard-downloads';
import { DashboardSkeleton } from './dashboard-skeleton';
import { FocusAreaTable } from './focus-area-table';
import { IndicatorList } from './indicator-list';
import { OrganizationTable } from './organization-table';
import { StageFigures } from './stage-figures';
import { TransitionsChart } from './transitions-chart';

/** A partnership's figures for its leaders: stages, members, pace, indicators and lessons. */
@Component({
  selector: 'sp-partnership-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ClosedProjects,
    DashboardDownloads,
    DashboardSkeleton,
    FocusAreaTable,
    IndicatorList,
    LoadStatus,
    OrganizationTable,
    RouterLink,
    StageFigures,
    TransitionsChart,
    TranslatePipe,
  ],
  templateUrl: './partnership-dashboard-page.html',
  styleUrl: './partnership-dashboard-page.css',
})
export class PartnershipDashboardPage {
  private readonly i18n = inject(I18n);

  /** The partnership's id, from the route. */
  readonly id = input.required<string>();

  protected readonly dashboard = partnershipDashboard(() => this.id());

  protected readonly matches = computed(() => {
    const matches = this.dashboard.value()?.matches;
    if (!matches) return null;
    const n = (value: number) => this.i18n.formatNumber(value);
    return { met: n(matches.met), offers: n(matches.offers), wishes: n(matches.wishes) };
  });
}
