import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormFeedback } from './form-feedback';

/**
 * A field's error, under a control that is not an `sp-field` (a group of
 * radio buttons, say); the control names `feedback.describedBy(field)` so
 * screen readers hear it.
 */
@Component({
  selector: 'sp-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @if (feedback().error(field()); as message) {
      <p class="ds-validation-message" data-field="validation" [id]="feedback().id(field()) + '-error'">{{ message }}</p>
    }
  `,
})
export class FieldError<F extends string> {
  readonly feedback = input.required<FormFeedback<F>>();
  readonly field = input.required<NoInfer<F>>();
}
