import { ChangeDetectionStrategy, Component, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { MeasurementResponse } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { parseNumber } from '../projects/parse-number';
import { MeasurementApi } from './measurement-api';

/** Corrects a measurement: its value, its date and its note, against the version the person saw. */
@Component({
  selector: 'sp-measurement-correction-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="'measurement.saveCorrection' | t"
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
          [label]="'indicators.value' | t: { unit: unit() }"
          inputmode="decimal"
        />
        <sp-field
          [control]="form.controls.measuredOn"
          [feedback]="feedback.field('measuredOn')"
          [label]="'indicators.measuredOn' | t"
          type="date"
        />
      </div>
      <sp-field
        [control]="form.controls.note"
        [feedback]="feedback.field('note')"
        [label]="'measurement.note' | t"
        [optional]="'form.optional' | t"
        [rows]="2"
        [count]="noteCount()"
      />
    </sp-form>
  `,
})
export class MeasurementCorrectionForm {
  private readonly api = inject(MeasurementApi);

  readonly measurement = input.required<MeasurementResponse>();
  readonly unit = input.required<string>();
  readonly saved = output<MeasurementResponse>();
  readonly cancelled = output();

  private readonly first = viewChild.required<Field>('first');
  protected readonly form = inject(NonNullableFormBuilder).group({
    value: ['', Validators.required],
    measuredOn: ['', Validators.required],
    note: ['', Validators.maxLength(2000)],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'correction',
    errors: () => {
      const { value, measuredOn, note } = this.form.controls;
      return {
        value: value.hasError('required')
          ? 'indicators.valueRequired'
          : parseNumber(value.value) === null
            ? 'indicators.valueInvalid'
            : null,
        measuredOn: measuredOn.hasError('required') ? 'indicators.dateRequired' : null,
        note: note.hasError('maxlength') ? 'measurement.noteTooLong' : null,
      };
    },
  });
  protected readonly noteCount = this.feedback.count(this.form.controls.note, 2000);

  constructor() {
    afterNextRender(() => {
      const m = this.measurement();
      this.form.setValue({ value: String(m.value), measuredOn: m.measuredOn, note: m.note ?? '' });
      this.first().focus();
    });
  }

  protected submit(): void {
    const { value, measuredOn, note } = this.form.getRawValue();
    const number = parseNumber(value);
    this.feedback.submit(
      () =>
        number === null
          ? null
          : this.api.correctMeasurement(this.measurement().id, {
              value: number,
              measuredOn,
              note: note.trim() === '' ? null : note.trim(),
              version: this.measurement().version,
            }),
      (measurement) => this.saved.emit(measurement),
    );
  }
}
