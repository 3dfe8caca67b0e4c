import { ChangeDetectionStrategy, Component, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { IndicatorResponse, MeasurementResponse } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { today } from './log-entry-form';
import { parseNumber } from './parse-number';
import { ProjectsApi } from './projects-api';

/** Records one measurement of an indicator, for the person's own organisation (an admin says which). */
@Component({
  selector: 'sp-measurement-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="'indicators.addMeasurement' | t"
      [cancelLabel]="'form.cancel' | t"
      size="sm"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <div class="sp-form-row">
        <sp-field
          #first
          [control]="form.controls.value"
          [feedback]="feedback.field('value')"
          [label]="'indicators.value' | t: { unit: indicator().unit }"
          inputmode="decimal"
        />
        <sp-field
          [control]="form.controls.measuredOn"
          [feedback]="feedback.field('measuredOn')"
          [label]="'indicators.measuredOn' | t"
          type="date"
        />
        @if (organizations().length > 0) {
          <sp-field
            [control]="form.controls.organizationId"
            [feedback]="feedback.field('organization')"
            [label]="'indicators.organization' | t"
            [options]="organizations()"
          />
        }
      </div>
    </sp-form>
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
