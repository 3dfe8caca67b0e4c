import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AnnotationKind, ChartSeries } from '@samspill/contracts';
import { ProgressBar, RunChart, type RunChartMarker } from '@samspill/web-ui';
import { map, switchMap } from 'rxjs';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { projectActions } from '../projects/project-actions';
import { ProjectsApi } from '../projects/projects-api';
import { MeasurementApi } from './measurement-api';
import { MeasurementTable } from './measurement-table';
import { signalSentence } from './signal-sentence';

const KIND_KEY = {
  stage: 'measurement.kinds.stage',
  status: 'measurement.kinds.status',
  log: 'measurement.kinds.log',
} as const satisfies Record<AnnotationKind, string>;

/**
 * An indicator as improvement teams read it: each organisation's progress
 * against its own figures, its run chart with the median, the signals and
 * what the team did meanwhile, a sentence on what the signals mean, and the
 * measurements, which their own organisation may correct or remove.
 */
@Component({
  selector: 'sp-indicator-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, ProgressBar, RunChart, MeasurementTable],
  templateUrl: './indicator-page.html',
  styleUrl: './indicator-page.css',
})
export class IndicatorPage {
  private readonly api = inject(MeasurementApi);
  private readonly projects = inject(ProjectsApi);
  private readonly partnerships = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  /** From the route: the project and the indicator. */
  readonly projectId = input.required<string>();
  readonly id = input.required<string>();

  protected readonly page = dataResource(
    () => this.projectId(),
    (id) =>
      this.projects
        .get(id)
        .pipe(switchMap((project) => this.partnerships.get(project.partnershipId).pipe(map((partnership) => ({ project, partnership }))))),
  );
  protected readonly chart = dataResource(
    () => this.id(),
    (id) => this.api.chart(id),
  );
  private readonly indicators = dataResource(
    () => this.projectId(),
    (id) => this.projects.indicators(id),
  );
  protected readonly indicator = computed(() => this.indicators.value()?.find((i) => i.id === this.id()));
  protected readonly announcement = signal('');

  protected readonly canWork = computed(() => {
    const data = this.page.value();
    return data ? projectActions(this.actor(), data.project, data.partnership).canWork : false;
  });

  protected readonly goal = computed(() => {
    const i = this.chart.value()?.indicator;
    if (!i) return '';
    return this.i18n.t('indicators.goal', {
      baseline: this.number(i.baseline),
      target: this.number(i.target),
      direction: this.i18n.t(`indicators.directions.${i.direction}`),
    });
  });

  protected readonly progress = computed(() =>
    (this.indicator()?.byOrganization ?? []).map((o) => ({
      name: o.organization.name,
      share: o.progress,
      text:
        o.latest === null || o.progress === null
          ? this.i18n.t('measurement.notMeasured', { baseline: this.number(o.baseline), target: this.number(o.target) })
          : this.i18n.t('measurement.progress', {
              percent: this.i18n.formatNumber(o.progress, { style: 'percent', maximumFractionDigits: 0 }),
              latest: this.number(o.latest.value),
              date: this.i18n.formatDate(`${o.latest.measuredOn}T12:00:00`),
              baseline: this.number(o.baseline),
              target: this.number(o.target),
            }),
    })),
  );

  protected readonly markers = computed<RunChartMarker[]>(() =>
    (this.chart.value()?.annotations ?? []).map((a) => ({ date: a.date, kind: this.i18n.t(KIND_KEY[a.kind]), text: a.text })),
  );

  protected readonly formatNumber = (n: number) => this.i18n.formatNumber(n, { maximumFractionDigits: 2 });
  protected readonly formatDate = (day: string) => this.i18n.formatDate(`${day}T12:00:00`, { dateStyle: 'medium' });

  protected summary(series: ChartSeries): string {
    const direction = this.chart.value()?.indicator.direction ?? 'increase';
    return signalSentence(this.i18n, series, direction);
  }

  protected targetOf(series: ChartSeries): number | null {
    return this.indicator()?.byOrganization.find((o) => o.organization.id === series.organization.id)?.target ?? null;
  }

  /** After a correction or removal: the chart and the figures again, and a word to screen readers. */
  protected changed(message: string): void {
    this.announcement.set(message);
    this.chart.reload();
    this.indicators.reload();
  }

  private number(value: number): string {
    return `${this.i18n.formatNumber(value, { maximumFractionDigits: 2 })} ${this.chart.value()?.indicator.unit ?? ''}`.trim();
  }
}
