import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { NotFoundPage } from '../not-found/not-found-page';
import { ClosedProjects } from './closed-projects';
import { DashboardDownloads } from './dashboard-downloads';
import { DashboardSkeleton } from './dashboard-skeleton';
import { FocusAreaTable } from './focus-area-table';
import { IndicatorList } from './indicator-list';
import { OrganizationTable } from './organization-table';
import { partnershipDashboardLoad } from './partnership-dashboard-load';
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
    NotFoundPage,
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
  private readonly source = partnershipDashboardLoad();

  protected readonly load = this.source.load;
  protected readonly dashboard = computed(() => {
    const load = this.load();
    return load.state === 'loaded' ? load.dashboard : null;
  });
  protected readonly problem = computed(() => {
    const load = this.load();
    return load.state === 'failed' ? load.problem : null;
  });

  protected readonly matches = computed(() => {
    const matches = this.dashboard()?.matches;
    if (!matches) return null;
    const n = (value: number) => this.i18n.formatNumber(value);
    return { met: n(matches.met), offers: n(matches.offers), wishes: n(matches.wishes) };
  });

  protected retry(): void {
    this.source.retry();
  }
}
