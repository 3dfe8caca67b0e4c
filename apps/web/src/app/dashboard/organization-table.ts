import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PartnershipDashboard } from '@samspill/contracts';
import { QUESTIONS } from '@samspill/contracts/values';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/**
 * Each member side by side: active projects, and answers to the three
 * questions given (written by it) and received (written about it).
 */
@Component({
  selector: 'sp-organization-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styleUrl: './dashboard-tables.css',
  template: `
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="organization-caption">
      <table class="ds-table" data-border data-size="sm">
        <caption id="organization-caption">
          {{
            'dashboard.organizations.caption' | t
          }}
        </caption>
        <colgroup span="2"></colgroup>
        @for (group of groups(); track group.key) {
          <colgroup span="2"></colgroup>
        }
        <thead>
          <tr>
            <th scope="col" rowspan="2">{{ 'dashboard.organizations.organization' | t }}</th>
            <th scope="col" rowspan="2" class="number">{{ 'dashboard.organizations.projects' | t }}</th>
            @for (group of groups(); track group.key) {
              <th scope="colgroup" colspan="2" class="group-start">{{ group.name }}</th>
            }
          </tr>
          <tr>
            @for (group of groups(); track group.key) {
              <th scope="col" class="number group-start">{{ 'dashboard.organizations.given' | t }}</th>
              <th scope="col" class="number">{{ 'dashboard.organizations.received' | t }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id) {
            <tr>
              <th scope="row">{{ row.name }}</th>
              <td class="number">{{ row.projects }}</td>
              @for (cell of row.answers; track $index) {
                <td class="number group-start">{{ cell.given }}</td>
                <td class="number">{{ cell.received }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class OrganizationTable {
  private readonly i18n = inject(I18n);

  readonly byOrganization = input.required<PartnershipDashboard['byOrganization']>();

  protected readonly groups = computed(() => [
    { key: 'all', name: this.i18n.t('dashboard.organizations.allAnswers') },
    ...QUESTIONS.map((question) => ({ key: question, name: this.i18n.t(`dashboard.organizations.questions.${question}`) })),
  ]);

  protected readonly rows = computed(() => {
    const n = (value: number) => this.i18n.formatNumber(value);
    return this.byOrganization().map((row) => ({
      id: row.organization.id,
      name: row.organization.name,
      projects: n(row.projects),
      answers: [
        { given: n(row.answersGiven), received: n(row.answersReceived) },
        ...QUESTIONS.map((question) => {
          const counts = row.byQuestion[question] ?? { given: 0, received: 0 };
          return { given: n(counts.given), received: n(counts.received) };
        }),
      ],
    }));
  });
}
