import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PartnershipDashboard } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { STATUS_NAME } from './stage-names';

/** Stopped and completed projects with the reason given: a stopped project is a lesson. */
@Component({
  selector: 'sp-closed-projects',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  styles: `
    .closed {
      display: grid;
      gap: var(--ds-size-4);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .project {
      display: grid;
      gap: var(--ds-size-1);
      padding-inline-start: var(--ds-size-4);
      border-inline-start: 4px solid var(--ds-color-neutral-border-default);
    }
    .project[data-status='stopped'] {
      border-inline-start-style: dashed;
    }
    .title {
      margin: 0;
      font-size: var(--ds-body-md-font-size);
    }
    .meta {
      margin: 0;
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
    .status {
      font-weight: var(--ds-font-weight-semibold);
      color: var(--ds-color-neutral-text-default);
    }
    .rationale {
      margin: 0;
    }
    @media print {
      .project {
        break-inside: avoid;
        border-color: #000;
      }
    }
  `,
  template: `
    @if (items().length > 0) {
      <ul class="closed">
        @for (item of items(); track item.id) {
          <li class="project" [attr.data-status]="item.status">
            <h3 class="title">
              <a class="ds-link" [routerLink]="['/projects', item.id]">{{ item.title }}</a>
            </h3>
            <p class="meta">
              <span class="status">{{ item.statusName }}</span>
              @if (item.closedOn) {
                · {{ item.closedOn }}
              }
            </p>
            <p class="rationale">{{ item.rationale ?? ('dashboard.closed.noReason' | t) }}</p>
          </li>
        }
      </ul>
    } @else {
      <p class="ds-paragraph">{{ 'dashboard.closed.empty' | t }}</p>
    }
  `,
})
export class ClosedProjects {
  private readonly i18n = inject(I18n);

  readonly projects = input.required<PartnershipDashboard['closedProjects']>();

  protected readonly items = computed(() =>
    this.projects().map((project) => ({
      ...project,
      statusName: this.i18n.t(STATUS_NAME[project.status]),
      closedOn: project.closedAt ? this.i18n.t('dashboard.closed.closedOn', { date: this.i18n.formatDate(project.closedAt) }) : null,
      rationale: project.rationale?.trim() || null,
    })),
  );
}
