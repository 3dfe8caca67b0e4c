import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { BenefitSum, OrganizationFigures } from '@samspill/contracts';
import { BarChart, type ChartDatum } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/**
 * Benefits identified against realised, one small chart per unit (each on its
 * own scale: amounts in different units are never compared or added), and a
 * table per organisation.
 */
@Component({
  selector: 'sp-benefit-sums',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, BarChart],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-5);
    }
    .units {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: var(--ds-size-5);
    }
    .number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
  template: `
    @if (units().length === 0) {
      <p class="ds-paragraph">{{ 'benefits.noneYet' | t }}</p>
    } @else {
      <div class="units">
        @for (unit of units(); track unit.unit) {
          <sp-bar-chart [caption]="unit.caption" [data]="unit.data" [labelHeader]="'benefits.stateHeader' | t" [valueHeader]="unit.name" />
        }
      </div>
      @if (byOrganization().length > 0) {
        <div class="table-wrap" role="region" tabindex="0" [attr.aria-label]="'benefits.byOrganizationCaption' | t">
          <table class="ds-table" data-size="sm">
            <caption class="ds-sr-only">
              {{
                'benefits.byOrganizationCaption' | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'benefits.organization' | t }}</th>
                <th scope="col">{{ 'benefits.unit' | t }}</th>
                <th scope="col" class="number">{{ 'benefits.identified' | t }}</th>
                <th scope="col" class="number">{{ 'benefits.realised' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of byOrganization(); track $index) {
                <tr>
                  <th scope="row">{{ row.organization }}</th>
                  <td>{{ row.unit }}</td>
                  <td class="number">{{ row.identified }}</td>
                  <td class="number">{{ row.realised }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
})
export class BenefitSums {
  private readonly i18n = inject(I18n);

  readonly benefits = input.required<readonly BenefitSum[]>();
  readonly organizations = input<readonly OrganizationFigures[]>([]);

  private readonly number = (n: number) => this.i18n.formatNumber(n, { maximumFractionDigits: 2 });

  protected readonly units = computed(() =>
    this.benefits().map((b) => {
      const name = this.i18n.t(`benefits.units.${b.unit}`);
      const data: ChartDatum[] = [
        { label: this.i18n.t('benefits.identified'), value: b.identified, valueText: this.number(b.identified) },
        { label: this.i18n.t('benefits.realised'), value: b.realised, valueText: this.number(b.realised) },
      ];
      return { unit: b.unit, name, data, caption: this.i18n.t('benefits.unitCaption', { unit: name }) };
    }),
  );

  protected readonly byOrganization = computed(() =>
    this.organizations().flatMap((o) =>
      o.benefits.map((b) => ({
        organization: o.organization.name,
        unit: this.i18n.t(`benefits.units.${b.unit}`),
        identified: this.number(b.identified),
        realised: this.number(b.realised),
      })),
    ),
  );
}
