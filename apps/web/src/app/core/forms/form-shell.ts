import { ChangeDetectionStrategy, Component, ViewEncapsulation, input, output } from '@angular/core';
import { ErrorSummary } from '@samspill/web-ui';
import type { FormFeedback } from './form-feedback';

/**
 * Every form's frame: the error summary (which `FormFeedback` focuses), the
 * fields given as content, and the submit and cancel buttons. Emits
 * `submitted` on a click or Enter; the form then calls `feedback.submit()`.
 */
@Component({
  selector: 'sp-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  // Not encapsulated: the fields are the form's content, so the layout is written for `sp-form` wherever it stands.
  encapsulation: ViewEncapsulation.None,
  styleUrl: './form-shell.css',
  template: `
    @let f = feedback();
    @if (f.summaryItems().length > 0) {
      <sp-error-summary [summaryId]="f.summaryId" [heading]="f.summaryHeading()" [items]="f.summaryItems()" />
    }
    <form novalidate (submit)="submit($event)">
      <ng-content />
      <div class="sp-form-actions">
        <button
          type="submit"
          class="ds-button"
          [attr.data-size]="size()"
          [attr.data-variant]="submitVariant()"
          [attr.aria-disabled]="f.pending() ? true : null"
        >
          {{ submitLabel() }}
        </button>
        @if (cancelLabel(); as cancel) {
          <button type="button" class="ds-button" data-variant="secondary" [attr.data-size]="size()" (click)="cancelled.emit()">
            {{ cancel }}
          </button>
        }
      </div>
    </form>
  `,
})
export class FormShell {
  readonly feedback = input.required<FormFeedback<string>>();
  readonly submitLabel = input.required<string>();
  /** Without it there is no cancel button. */
  readonly cancelLabel = input<string | null>(null);
  readonly submitVariant = input<'primary' | 'secondary'>('primary');
  readonly size = input<'sm' | null>(null);
  readonly submitted = output();
  readonly cancelled = output();

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.emit();
  }
}
