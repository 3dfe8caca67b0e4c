import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DashboardApi } from '../dashboard/dashboard-api';
import { DashboardSkeleton } from '../dashboard/dashboard-skeleton';
import { StageFigures } from '../dashboard/stage-figures';
import { STAGES, STAGE_NAME } from '../dashboard/stage-names';
import { RecentTransitions } from './recent-transitions';

/** Long lists start short; the reader can ask for the rest. */
const FIRST_ROWS = 15;

/** Everything the person may see, summed, with a row per partnership and per organisation to compare like with like. */
@Component({
  selector: 'sp-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DashboardSkeleton, LoadStatus, RecentTransitions, RouterLink, StageFigures, TranslatePipe],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.css',
})
export class OverviewPage {
  private readonly api = inject(DashboardApi);
  private readonly i18n = inject(I18n);

  protected readonly overview = dataResource(() => this.api.overview());

  protected readonly allPartnerships = signal(false);
  protected readonly allOrganizations = signal(false);
  protected readonly firstRows = FIRST_ROWS;

  protected readonly stages = computed(() => STAGES.map((stage) => ({ stage, name: this.i18n.t(STAGE_NAME[stage]) })));

  protected readonly partnerships = computed(() => {
    const n = (value: number) => this.i18n.formatNumber(value);
    const rows = [...(this.overview.value()?.partnerships ?? [])]
      .sort((a, b) => this.i18n.compare(a.name, b.name))
      .map((p) => ({
        id: p.id,
        name: p.name,
        counts: STAGES.map((stage) => n(p.stageCounts[stage])),
        total: n(STAGES.reduce((sum, stage) => sum + p.stageCounts[stage], 0)),
      }));
    return { count: rows.length, rows: this.allPartnerships() ? rows : rows.slice(0, FIRST_ROWS) };
  });

  /** Most projects first, so the reader sees who carries the work; a bar shows each share of the largest. */
  protected readonly organizations = computed(() => {
    const list = this.overview.value()?.organizations ?? [];
    const top = Math.max(1, ...list.map((o) => o.projects));
    const rows = [...list]
      .sort((a, b) => b.projects - a.projects || this.i18n.compare(a.name, b.name))
      .map((o) => ({ id: o.id, name: o.name, projects: this.i18n.formatNumber(o.projects), share: o.projects / top }));
    return { count: rows.length, rows: this.allOrganizations() ? rows : rows.slice(0, FIRST_ROWS) };
  });
}
