import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { IndicatorResponse, MeasurementResponse } from '@samspill/contracts';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { today } from './log-entry-form';
import { ProjectsApi } from './projects-api';
import { parseNumber } from './parse-number';

type Field = 'value' | 'measuredOn' | 'organization';

/** Records one measurement of an indicator, for the person's own organisation (an admin says which). */
@Component({
  selector: 'sp-measurement-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  styleUrl: '../collaboration/forms.css',
  template: `
    @if (feedback.summaryItems().length > 0) {
      <sp-error-summary [heading]="feedback.summaryHeading()" [items]="feedback.summaryItems()" />
    }
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <div class="row">
        <sp-text-field
          #first
          [control]="form.controls.value"
          [fieldId]="feedback.ids.value"
          [label]="'indicators.value' | t: { unit: indicator().unit }"
          inputmode="decimal"
          [error]="feedback.messages().value"
        />
        <sp-text-field
          [control]="form.controls.measuredOn"
          [fieldId]="feedback.ids.measuredOn"
          [label]="'indicators.measuredOn' | t"
          type="date"
          [error]="feedback.messages().measuredOn"
        />
        @if (organizations().length > 0) {
          <div class="ds-field">
            <label class="ds-label" [for]="feedback.ids.organization">{{ 'indicators.organization' | t }}</label>
            <select class="ds-input" formControlName="organizationId" [id]="feedback.ids.organization">
              @for (organization of organizations(); track organization.id) {
                <option [value]="organization.id">{{ organization.name }}</option>
              }
            </select>
          </div>
        }
      </div>
      <div class="actions">
        <button type="submit" class="ds-button" data-size="sm" [attr.aria-disabled]="feedback.pending() ? true : null">
          {{ 'indicators.addMeasurement' | t }}
        </button>
        <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="cancelled.emit()">
          {{ 'collaboration.cancel' | t }}
        </button>
      </div>
    </form>
  `,
})
export class MeasurementForm {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);

  readonly indicator = input.required<IndicatorResponse>();
  /** For an admin only: the participants to measure for. Empty means "my own organisation". */
  readonly organizations = input<readonly { id: string; name: string }[]>([]);
  readonly saved = output<MeasurementResponse>();
  readonly cancelled = output();

  private readonly prefix = uniqueFormId('measurement');
  private readonly first = viewChild.required<TextField>('first');
  protected readonly form = inject(NonNullableFormBuilder).group({
    value: ['', Validators.required],
    measuredOn: [today(), Validators.required],
    organizationId: [''],
  });
  private readonly value = toSignal(this.form.valueChanges);
  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<Field>(
    this.i18n,
    inject(Injector),
    { value: `${this.prefix}-value`, measuredOn: `${this.prefix}-date`, organization: `${this.prefix}-organization` },
    () => {
      const { value, measuredOn } = this.form.controls;
      return {
        value: value.hasError('required')
          ? 'indicators.valueRequired'
          : parseNumber(value.value) === null
            ? 'indicators.valueInvalid'
            : null,
        measuredOn: measuredOn.hasError('required') ? 'indicators.dateRequired' : null,
        organization: null,
      };
    },
    computed(() => this.value()),
    this.summary,
  );

  constructor() {
    afterNextRender(() => {
      this.form.controls.organizationId.setValue(this.organizations()[0]?.id ?? '');
      this.first().focus();
    });
  }

  protected submit(): void {
    const { value, measuredOn, organizationId } = this.form.getRawValue();
    const number = parseNumber(value);
    if (!this.feedback.begin(this.form.valid && number !== null) || number === null) return;
    this.api.addMeasurement(this.indicator().id, { value: number, measuredOn, ...(organizationId ? { organizationId } : {}) }).subscribe({
      next: (measurement) => {
        this.feedback.succeed();
        this.saved.emit(measurement);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
