import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { IndicatorResponse, MeasurementResponse } from '@samspill/contracts';
import { injectActor } from '../core/auth/actor';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { MeasurementApi } from './measurement-api';
import { MeasurementCorrectionForm } from './measurement-correction-form';

/**
 * The indicator's measurements, newest first, with their notes. The
 * organisation that measured may correct or remove its own (an admin any);
 * the API keeps what each was in the history.
 */
@Component({
  selector: 'sp-measurement-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, MeasurementCorrectionForm],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
    }
    .number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .confirm {
      display: grid;
      gap: var(--ds-size-2);
    }
    @media print {
      .actions {
        display: none;
      }
    }
  `,
  template: `
    @if (rows().length === 0) {
      <p class="ds-paragraph">{{ 'measurement.none' | t }}</p>
    } @else {
      <table class="ds-table" data-size="sm">
        <caption class="ds-sr-only">
          {{
            'indicators.measurementsOf' | t: { name: indicator().name }
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'indicators.measuredOn' | t }}</th>
            <th scope="col">{{ 'indicators.organization' | t }}</th>
            <th scope="col" class="number">{{ 'indicators.valueColumn' | t }}</th>
            <th scope="col">{{ 'measurement.note' | t }}</th>
            @if (canWork()) {
              <th scope="col">
                <span class="ds-sr-only">{{ 'measurement.actions' | t }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.m.id) {
            <tr [id]="'measurement-' + row.m.id" tabindex="-1">
              <th scope="row">{{ row.date }}</th>
              <td>{{ row.m.organization?.name ?? '' }}</td>
              <td class="number">{{ row.value }}</td>
              <td>{{ row.m.note ?? '' }}</td>
              @if (canWork()) {
                <td>
                  @if (row.mine) {
                    @if (correcting() === row.m.id) {
                      <sp-measurement-correction-form
                        [measurement]="row.m"
                        [unit]="indicator().unit"
                        (saved)="corrected($event)"
                        (cancelled)="stop(row.m.id)"
                      />
                    } @else if (removing() === row.m.id) {
                      <div class="confirm" role="group" [attr.aria-label]="'measurement.removeQuestion' | t: { date: row.date }">
                        <p class="ds-paragraph" data-size="sm">{{ 'measurement.removeQuestion' | t: { date: row.date } }}</p>
                        @if (problem(); as problem) {
                          <p class="ds-validation-message" role="alert">{{ problem | t }}</p>
                        }
                        <div class="actions">
                          <button type="button" class="ds-button confirm-remove" data-size="sm" data-color="danger" (click)="remove(row.m)">
                            {{ 'measurement.removeConfirm' | t }}
                          </button>
                          <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="stop(row.m.id)">
                            {{ 'form.cancel' | t }}
                          </button>
                        </div>
                      </div>
                    } @else {
                      <div class="actions">
                        <button type="button" class="ds-button correct" data-size="sm" data-variant="tertiary" (click)="correct(row.m.id)">
                          {{ 'measurement.correct' | t }}<span class="ds-sr-only">: {{ row.date }}, {{ row.value }}</span>
                        </button>
                        <button type="button" class="ds-button remove" data-size="sm" data-variant="tertiary" (click)="askRemove(row.m.id)">
                          {{ 'measurement.remove' | t }}<span class="ds-sr-only">: {{ row.date }}, {{ row.value }}</span>
                        </button>
                      </div>
                    }
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class MeasurementTable {
  private readonly api = inject(MeasurementApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();
  private readonly document = inject(DOCUMENT);

  readonly indicator = input.required<IndicatorResponse>();
  /** Whether the person works on the project at all; then their own organisation's rows get actions. */
  readonly canWork = input(false);
  /** A sentence for screen readers about what changed. */
  readonly changed = output<string>();

  protected readonly correcting = signal<string | null>(null);
  protected readonly removing = signal<string | null>(null);
  protected readonly problem = signal<MessageKey | null>(null);

  protected readonly rows = computed(() => {
    const actor = this.actor();
    return [...this.indicator().measurements].reverse().map((m) => ({
      m,
      date: this.i18n.formatDate(`${m.measuredOn}T12:00:00`),
      value: `${this.i18n.formatNumber(m.value, { maximumFractionDigits: 2 })} ${this.indicator().unit}`,
      mine: actor.role === 'admin' || (m.organization !== null && m.organization.id === actor.organizationId),
    }));
  });

  protected correct(id: string): void {
    this.removing.set(null);
    this.correcting.set(id);
  }

  protected askRemove(id: string): void {
    this.correcting.set(null);
    this.problem.set(null);
    this.removing.set(id);
    this.focus(`#measurement-${id} .confirm-remove`);
  }

  protected stop(id: string): void {
    this.correcting.set(null);
    this.removing.set(null);
    this.focus(`#measurement-${id} .actions button`);
  }

  protected corrected(m: MeasurementResponse): void {
    this.correcting.set(null);
    this.changed.emit(this.i18n.t('measurement.corrected'));
    this.focus(`#measurement-${m.id}`);
  }

  protected remove(m: MeasurementResponse): void {
    this.api.removeMeasurement(m.id).subscribe({
      next: () => {
        this.removing.set(null);
        this.changed.emit(this.i18n.t('measurement.removed'));
        this.focus(() => this.document.getElementById('measurements-heading'));
      },
      error: () => this.problem.set('measurement.removeFailed'),
    });
  }
}
