import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { BenefitResponse } from '@samspill/contracts';
import { BENEFIT_UNITS } from '@samspill/contracts/values';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { MeasurementApi } from '../measurement/measurement-api';
import { BenefitForm } from './benefit-form';

/** What the form is doing: adding, or editing (and perhaps realising) one benefit. */
type Editing = { kind: 'add' } | { kind: 'edit'; benefit: BenefitResponse; realising: boolean } | null;

/**
 * A project's benefits per organisation, identified and realised, with the
 * sums per unit (never across units). Staff and leaders of the organisation a
 * benefit belongs to add, edit and realise it.
 */
@Component({
  selector: 'sp-benefits-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, BenefitForm],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .number {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
    }
    .panel {
      padding: var(--ds-size-5);
      border: 1px solid var(--ds-color-accent-border-subtle);
      border-radius: var(--ds-border-radius-lg);
    }
    .sums {
      margin: 0;
      padding-inline-start: var(--ds-size-5);
    }
    @media print {
      .actions,
      .add {
        display: none;
      }
    }
  `,
  template: `
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
    @if (benefits.value(); as list) {
      @if (list.length === 0) {
        <p class="ds-paragraph">{{ 'benefits.empty' | t }}</p>
      } @else {
        <table class="ds-table" data-size="sm">
          <caption class="ds-sr-only">
            {{
              'benefits.caption' | t
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'benefits.description' | t }}</th>
              <th scope="col">{{ 'benefits.organization' | t }}</th>
              <th scope="col">{{ 'benefits.kind' | t }}</th>
              <th scope="col" class="number">{{ 'benefits.identified' | t }}</th>
              <th scope="col" class="number">{{ 'benefits.realised' | t }}</th>
              @if (canWrite()) {
                <th scope="col">
                  <span class="ds-sr-only">{{ 'benefits.actions' | t }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.b.id) {
              <tr [id]="'benefit-' + row.b.id" tabindex="-1">
                <th scope="row">{{ row.b.description }}</th>
                <td>{{ row.b.organization.name }}</td>
                <td>{{ row.kind }}</td>
                <td class="number">{{ row.identified }}</td>
                <td class="number">{{ row.realised }}</td>
                @if (canWrite()) {
                  <td>
                    @if (row.mine) {
                      <div class="actions">
                        <button type="button" class="ds-button edit" data-size="sm" data-variant="tertiary" (click)="edit(row.b, false)">
                          {{ 'benefits.edit' | t }}<span class="ds-sr-only">: {{ row.b.description }}</span>
                        </button>
                        @if (row.b.realised === null) {
                          <button
                            type="button"
                            class="ds-button realise"
                            data-size="sm"
                            data-variant="tertiary"
                            (click)="edit(row.b, true)"
                          >
                            {{ 'benefits.realise' | t }}<span class="ds-sr-only">: {{ row.b.description }}</span>
                          </button>
                        }
                      </div>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
        <h3 class="ds-heading" data-size="2xs">{{ 'benefits.sumsHeading' | t }}</h3>
        <ul class="sums">
          @for (sum of sums(); track sum.unit) {
            <li>{{ sum.text }}</li>
          }
        </ul>
      }
    } @else {
      <sp-load-status [data]="benefits" loadingText="benefits.loading" />
    }
    @if (editing(); as e) {
      <div class="panel" id="benefit-form">
        <sp-benefit-form
          [projectId]="projectId()"
          [benefit]="e.kind === 'edit' ? e.benefit : null"
          [realising]="e.kind === 'edit' && e.realising"
          [organizations]="recordFor()"
          (saved)="saved($event)"
          (cancelled)="close()"
          (reloadRequested)="reload()"
        />
      </div>
    } @else if (canWrite()) {
      <div class="add">
        <button id="benefit-add" type="button" class="ds-button" data-variant="secondary" (click)="editing.set({ kind: 'add' })">
          {{ 'benefits.addButton' | t }}
        </button>
      </div>
    }
  `,
})
export class BenefitsPanel {
  private readonly api = inject(MeasurementApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();

  readonly projectId = input.required<string>();
  readonly canWrite = input(false);
  /** For an admin, who belongs to no organisation: the participants to record for. */
  readonly recordFor = input<readonly { id: string; name: string }[]>([]);

  protected readonly benefits = dataResource(
    () => this.projectId(),
    (id) => this.api.benefits(id),
  );
  protected readonly editing = signal<Editing>(null);
  protected readonly announcement = signal('');

  private readonly amount = (value: number, unit: BenefitResponse['unit']) =>
    this.i18n.t(`benefits.amounts.${unit}`, { amount: this.i18n.formatNumber(value, { maximumFractionDigits: 2 }) });

  protected readonly rows = computed(() => {
    const actor = this.actor();
    return (this.benefits.value() ?? []).map((b) => ({
      b,
      kind: this.i18n.t(`benefits.kinds.${b.kind}`),
      identified: this.amount(b.identified, b.unit),
      realised:
        b.realised === null || b.realisedOn === null
          ? this.i18n.t('benefits.notRealised')
          : this.i18n.t('benefits.realisedAt', {
              amount: this.amount(b.realised, b.unit),
              date: this.i18n.formatDate(`${b.realisedOn}T12:00:00`, { dateStyle: 'medium' }),
            }),
      mine: actor.role === 'admin' || b.organization.id === actor.organizationId,
    }));
  });

  /** Summed per unit only: kroner are never added to hours, nor one currency to another. */
  protected readonly sums = computed(() => {
    const list = this.benefits.value() ?? [];
    return BENEFIT_UNITS.filter((unit) => list.some((b) => b.unit === unit)).map((unit) => {
      const inUnit = list.filter((b) => b.unit === unit);
      const identified = inUnit.reduce((sum, b) => sum + b.identified, 0);
      const realised = inUnit.reduce((sum, b) => sum + (b.realised ?? 0), 0);
      return {
        unit,
        text: this.i18n.t('benefits.sum', { identified: this.amount(identified, unit), realised: this.amount(realised, unit) }),
      };
    });
  });

  protected edit(benefit: BenefitResponse, realising: boolean): void {
    this.editing.set({ kind: 'edit', benefit, realising });
  }

  protected saved(benefit: BenefitResponse): void {
    const adding = this.editing()?.kind === 'add';
    this.editing.set(null);
    this.announcement.set(this.i18n.t(adding ? 'benefits.added' : 'benefits.saved'));
    this.benefits.reload(() => this.focus(`#benefit-${benefit.id}`));
  }

  protected close(): void {
    const e = this.editing();
    this.editing.set(null);
    this.focus(e?.kind === 'edit' ? `#benefit-${e.benefit.id} .edit` : '#benefit-add');
  }

  /** Someone else changed the benefit: show the list as it now is. */
  protected reload(): void {
    this.editing.set(null);
    this.benefits.reload(() => this.announcement.set(this.i18n.t('benefits.reloaded')));
  }
}
