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
            <a class="ds-link" [routerLink]="['/projects', item.projectId]">{{ item.name }}</a>
            <sp-progress-bar [value]="item.progress" [label]="item.name" [valueText]="item.valueText" />
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

  protected readonly items = computed(() =>
    this.indicators().map((indicator) => ({
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
