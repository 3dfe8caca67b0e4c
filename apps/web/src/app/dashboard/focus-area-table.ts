import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PartnershipDashboard } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { STAGES, STAGE_NAME } from './stage-names';

/** Active projects per focus area and stage, with totals both ways. */
@Component({
  selector: 'sp-focus-area-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styleUrl: './dashboard-tables.css',
  template: `
    <div class="table-wrap" role="region" tabindex="0" [attr.aria-labelledby]="'focus-area-caption'">
      <table class="ds-table" data-border data-size="sm">
        <caption id="focus-area-caption">
          {{
            'dashboard.focusAreas.caption' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'dashboard.focusAreas.focusArea' | t }}</th>
            @for (stage of stages(); track stage.stage) {
              <th scope="col" class="number">{{ stage.name }}</th>
            }
            <th scope="col" class="number">{{ 'dashboard.focusAreas.total' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr>
              <th scope="row">{{ row.name }}</th>
              @for (count of row.counts; track $index) {
                <td class="number">{{ count }}</td>
              }
              <td class="number total">{{ row.total }}</td>
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="stages().length + 2">{{ 'dashboard.focusAreas.empty' | t }}</td>
            </tr>
          }
        </tbody>
        @if (rows().length > 1) {
          <tfoot>
            <tr>
              <th scope="row">{{ 'dashboard.focusAreas.allAreas' | t }}</th>
              @for (count of totals().counts; track $index) {
                <td class="number">{{ count }}</td>
              }
              <td class="number total">{{ totals().total }}</td>
            </tr>
          </tfoot>
        }
      </table>
    </div>
  `,
})
export class FocusAreaTable {
  private readonly i18n = inject(I18n);

  readonly byFocusArea = input.required<PartnershipDashboard['byFocusArea']>();

  protected readonly stages = computed(() => STAGES.map((stage) => ({ stage, name: this.i18n.t(STAGE_NAME[stage]) })));

  protected readonly rows = computed(() =>
    this.byFocusArea().map((row) => ({
      key: row.focusArea?.id ?? 'none',
      name: row.focusArea?.name ?? this.i18n.t('dashboard.focusAreas.none'),
      counts: STAGES.map((stage) => this.i18n.formatNumber(row[stage])),
      total: this.i18n.formatNumber(STAGES.reduce((sum, stage) => sum + row[stage], 0)),
    })),
  );

  protected readonly totals = computed(() => {
    const sums = STAGES.map((stage) => this.byFocusArea().reduce((sum, row) => sum + row[stage], 0));
    return {
      counts: sums.map((sum) => this.i18n.formatNumber(sum)),
      total: this.i18n.formatNumber(sums.reduce((a, b) => a + b, 0)),
    };
  });
}
