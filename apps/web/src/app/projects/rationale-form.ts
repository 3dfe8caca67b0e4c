import { ChangeDetectionStrategy, Component, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { RATIONALE_MAX_LENGTH } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import type { Observable } from 'rxjs';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/**
 * Asks why, then does `action` with the answer and emits what it answered:
 * every stage move and status change carries a written rationale, kept in
 * the project's history.
 */
@Component({
  selector: 'sp-rationale-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="submitLabel()"
      [cancelLabel]="'form.cancel' | t"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <sp-field
        #field
        [control]="form.controls.rationale"
        [feedback]="feedback.field('rationale')"
        [label]="label()"
        [hint]="'projects.rationaleHint' | t"
        [rows]="3"
        [count]="count()"
      />
    </sp-form>
  `,
})
export class RationaleForm<T> {
  /** The question, e.g. "Hvorfor flyttes prosjektet til Utvikle og teste?" */
  readonly label = input.required<string>();
  readonly submitLabel = input.required<string>();
  readonly action = input.required<(rationale: string) => Observable<T>>();
  readonly done = output<T>();
  readonly cancelled = output();

  private readonly field = viewChild.required<Field>('field');
  protected readonly form = inject(NonNullableFormBuilder).group({
    rationale: ['', [notBlank, Validators.maxLength(RATIONALE_MAX_LENGTH)]],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'rationale',
    errors: () => {
      const { rationale } = this.form.controls;
      return {
        rationale: rationale.hasError('required')
          ? 'projects.rationaleRequired'
          : rationale.hasError('maxlength')
            ? 'projects.rationaleTooLong'
            : null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.rationale, RATIONALE_MAX_LENGTH);

  constructor() {
    afterNextRender({ read: () => this.field().focus() });
  }

  protected submit(): void {
    this.feedback.submit(
      () => this.action()(this.form.getRawValue().rationale.trim()),
      (answer) => this.done.emit(answer),
    );
  }
}
