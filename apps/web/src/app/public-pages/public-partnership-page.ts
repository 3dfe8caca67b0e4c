import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProjectStatus, PublicDecision, PublicIndicator, PublicLesson, Stage } from '@samspill/contracts';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PageMeta } from '../core/layout/page-meta';
import { PublicApi } from './public-api';

/** One public partnership for anyone (issue 13): /offentlig/samarbeid/:id. Organisations only, never people. */
@Component({
  selector: 'sp-public-partnership-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus],
  providers: [PageMeta],
  styleUrl: './public-pages.css',
  templateUrl: './public-partnership-page.html',
})
export class PublicPartnershipPage {
  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18n);

  readonly id = input.required<string>();
  protected readonly partnership = dataResource(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly dashboard = dataResource(
    () => (this.partnership.value() ? this.id() : undefined),
    (id) => this.api.dashboard(id),
  );
  protected readonly jsonUrl = computed(() => this.api.dataUrl(this.id(), 'json'));
  protected readonly csvUrl = computed(() => this.api.dataUrl(this.id(), 'csv'));
  protected readonly focusAreaNames = computed(
    () => new Map((this.partnership.value()?.focusAreas ?? []).map((f) => [f.id, f.name] as const)),
  );
  protected readonly stages = ['learn', 'test', 'establish'] as const;
  protected readonly statuses = ['active', 'stopped', 'completed'] as const;

  constructor() {
    const meta = inject(PageMeta);
    effect(() => {
      const p = this.partnership.value();
      if (p) meta.set({ title: p.name, description: p.description || this.i18n.t('publicPages.indexDescription') });
    });
  }

  protected decision(d: PublicDecision): string {
    const date = this.i18n.formatDate(d.decidedOn);
    if (d.kind === 'stage') {
      return this.i18n.t('publicPages.stageMove', {
        date,
        from: this.i18n.t(`stages.${d.fromStage}.name`),
        to: this.i18n.t(`stages.${d.toStage}.name`),
      });
    }
    return this.i18n.t('publicPages.statusChange', { date, status: this.i18n.t(`statuses.${d.toStatus ?? 'active'}`) });
  }

  protected lessonLine(l: PublicLesson): string {
    return this.i18n.t('publicPages.lessonFrom', {
      kind: this.i18n.t(`learning.lessonKinds.${l.kind}`),
      organization: l.organization.name,
      date: this.i18n.formatDate(l.writtenOn),
    });
  }

  protected indicatorLine(i: PublicIndicator): string {
    const line = this.i18n.t('publicPages.indicatorLine', {
      baseline: this.i18n.formatNumber(i.baseline),
      target: this.i18n.formatNumber(i.target),
      unit: i.unit,
    });
    if (i.latest === null || i.latestOn === null) return `${line} ${this.i18n.t('publicPages.indicatorNotMeasured')}`;
    const latest = this.i18n.t('publicPages.indicatorLatest', {
      date: this.i18n.formatDate(i.latestOn),
      latest: this.i18n.formatNumber(i.latest),
      unit: i.unit,
      percent: this.i18n.formatNumber(i.progress ?? 0, { style: 'percent' }),
    });
    return `${line} ${latest}`;
  }

  protected stageName(stage: Stage): string {
    return this.i18n.t(`stages.${stage}.name`);
  }

  protected statusName(status: ProjectStatus): string {
    return this.i18n.t(`statuses.${status}`);
  }

  protected names(list: readonly { name: string }[]): string {
    return list.map((o) => o.name).join(', ');
  }
}
