import { ChangeDetectionStrategy, Component, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { IndicatorResponse, MeasurementResponse } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormSummary } from '../core/forms/form-summary';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { today } from './log-entry-form';
import { parseNumber } from './parse-number';
import { ProjectsApi } from './projects-api';

/** Records one measurement of an indicator, for the person's own organisation (an admin says which). */
@Component({
  selector: 'sp-measurement-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, Field, FormSummary],
  styleUrl: '../core/forms/forms.css',
  template: `
    <sp-form-summary [feedback]="feedback" />
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <div class="row">
        <sp-field
          #first
          [control]="form.controls.value"
          [fieldId]="feedback.id('value')"
          [label]="'indicators.value' | t: { unit: indicator().unit }"
          inputmode="decimal"
          [error]="feedback.error('value')"
        />
        <sp-field
          [control]="form.controls.measuredOn"
          [fieldId]="feedback.id('measuredOn')"
          [label]="'indicators.measuredOn' | t"
          type="date"
          [error]="feedback.error('measuredOn')"
        />
        @if (organizations().length > 0) {
          <sp-field
            [control]="form.controls.organizationId"
            [fieldId]="feedback.id('organization')"
            [label]="'indicators.organization' | t"
            [options]="organizations()"
          />
        }
      </div>
      <div class="actions">
        <button type="submit" class="ds-button" data-size="sm" [attr.aria-disabled]="feedback.pending() ? true : null">
          {{ 'indicators.addMeasurement' | t }}
        </button>
        <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="cancelled.emit()">
          {{ 'form.cancel' | t }}
        </button>
      </div>
    </form>
  `,
})
export class MeasurementForm {
  private readonly api = inject(ProjectsApi);

  readonly indicator = input.required<IndicatorResponse>();
  /** For an admin only: the participants to measure for. Empty means "my own organisation". */
  readonly organizations = input<readonly { id: string; name: string }[]>([]);
  readonly saved = output<MeasurementResponse>();
  readonly cancelled = output();

  private readonly first = viewChild.required<Field>('first');
  protected readonly form = inject(NonNullableFormBuilder).group({
    value: ['', Validators.required],
    measuredOn: [today(), Validators.required],
    organizationId: [''],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'measurement',
    errors: () => {
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
  });

  constructor() {
    afterNextRender(() => {
      this.form.controls.organizationId.setValue(this.organizations()[0]?.id ?? '');
      this.first().focus();
    });
  }

  protected submit(): void {
    const { value, measuredOn, organizationId } = this.form.getRawValue();
    const number = parseNumber(value);
    this.feedback.submit(
      () =>
        number === null
          ? null
          : this.api.addMeasurement(this.indicator().id, { value: number, measuredOn, ...(organizationId ? { organizationId } : {}) }),
      (measurement) => this.saved.emit(measurement),
    );
  }
}
