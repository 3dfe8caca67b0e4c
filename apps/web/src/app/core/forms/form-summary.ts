import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ErrorSummary } from '@samspill/web-ui';
import type { FormFeedback } from './form-feedback';

/** The error summary above a form, when there is something to say; `FormFeedback` moves focus to it. */
@Component({
  selector: 'sp-form-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  template: `
    @let f = feedback();
    @if (f.summaryItems().length > 0) {
      <sp-error-summary [summaryId]="f.summaryId" [heading]="f.summaryHeading()" [items]="f.summaryItems()" />
    }
  `,
})
export class FormSummary {
  readonly feedback = input.required<FormFeedback<string>>();
}
