import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PartnershipDashboard } from '@samspill/contracts';
import { ProgressBar } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/** How far each indicator has come from its baseline towards its target. */
@Component({
  selector: 'sp-indicator-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProgressBar, RouterLink, TranslatePipe],
  styles: `
    .indicators {
      display: grid;
      gap: var(--ds-size-4);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .indicator {
      display: grid;
      gap: var(--ds-size-1);
    }
  `,
  template: `
    @if (items().length > 0) {
      <ul class="indicators">
        @for (item of items(); track item.id) {
          <li class="indicator">
            <a class="ds-link" [routerLink]="['/projects', item.projectId, 'indicators', item.id]">{{ item.name }}</a>
            @for (bar of item.bars; track bar.label) {
              <sp-progress-bar [value]="bar.progress" [label]="bar.label" [valueText]="bar.valueText" />
            }
          </li>
        }
      </ul>
    } @else {
      <p class="ds-paragraph">{{ 'dashboard.indicators.empty' | t }}</p>
    }
  `,
})
export class IndicatorList {
  private readonly i18n = inject(I18n);

  readonly indicators = input.required<PartnershipDashboard['indicators']>();
  /** Each organisation's progress on each indicator: shown instead of one figure mixed from several organisations. */
  readonly byOrganization = input<PartnershipDashboard['indicatorsByOrganization']>([]);

  private readonly valueText = (progress: number | null) =>
    progress === null
      ? this.i18n.t('dashboard.indicators.none')
      : this.i18n.t('dashboard.indicators.progress', {
          percent: this.i18n.formatNumber(progress, { style: 'percent', maximumFractionDigits: 0 }),
        });

  protected readonly items = computed(() =>
    this.indicators().map((indicator) => {
      const measured = this.byOrganization().filter((o) => o.indicatorId === indicator.id && o.progress !== null);
      const bars =
        measured.length === 0
          ? [{ label: indicator.name, progress: null, valueText: this.valueText(null) }]
          : measured.map((o) => ({
              label: `${indicator.name}, ${o.organization.name}`,
              progress: o.progress,
              valueText: `${o.organization.name}: ${this.valueText(o.progress)}`,
            }));
      return { ...indicator, bars };
    }),
  );
}
