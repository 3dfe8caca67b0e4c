import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RATIONALE_MAX_LENGTH } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import type { Observable } from 'rxjs';
import { characterCount } from '../collaboration/character-count-text';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/**
 * Asks why, then does `action` with the answer: every stage move and status
 * change carries a written rationale, kept in the project's history.
 */
@Component({
  selector: 'sp-rationale-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  styleUrl: '../collaboration/forms.css',
  template: `
    @if (feedback.summaryItems().length > 0) {
      <sp-error-summary [heading]="feedback.summaryHeading()" [items]="feedback.summaryItems()" />
    }
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <sp-text-field
        #field
        [control]="form.controls.rationale"
        [fieldId]="feedback.ids.rationale"
        [label]="label()"
        [hint]="'projects.rationaleHint' | t"
        [rows]="3"
        [count]="count()"
        [error]="feedback.messages().rationale"
      />
      <div class="actions">
        <button type="submit" class="ds-button" [attr.aria-disabled]="feedback.pending() ? true : null">{{ submitLabel() }}</button>
        <button type="button" class="ds-button" data-variant="secondary" (click)="cancelled.emit()">
          {{ 'collaboration.cancel' | t }}
        </button>
      </div>
    </form>
  `,
})
export class RationaleForm {
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  /** The question, e.g. "Hvorfor flyttes prosjektet til Utvikle og teste?" */
  readonly label = input.required<string>();
  readonly submitLabel = input.required<string>();
  readonly action = input.required<(rationale: string) => Observable<unknown>>();
  readonly done = output();
  readonly cancelled = output();

  private readonly prefix = uniqueFormId('rationale');
  private readonly field = viewChild.required<TextField>('field');
  protected readonly form = inject(NonNullableFormBuilder).group({
    rationale: ['', [notBlank, Validators.maxLength(RATIONALE_MAX_LENGTH)]],
  });
  private readonly value = toSignal(this.form.valueChanges);
  protected readonly count = computed(() => {
    this.value();
    return characterCount(this.i18n, this.form.controls.rationale.value, RATIONALE_MAX_LENGTH);
  });
  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<'rationale'>(
    this.i18n,
    this.injector,
    { rationale: `${this.prefix}-rationale` },
    () => {
      const { rationale } = this.form.controls;
      return {
        rationale: rationale.hasError('required')
          ? 'projects.rationaleRequired'
          : rationale.hasError('maxlength')
            ? 'projects.rationaleTooLong'
            : null,
      };
    },
    this.value,
    this.summary,
  );

  constructor() {
    afterNextRender({ read: () => this.field().focus() });
  }

  protected submit(): void {
    if (!this.feedback.begin(this.form.valid)) return;
    this.action()(this.form.getRawValue().rationale.trim()).subscribe({
      next: () => {
        this.feedback.succeed();
        this.done.emit();
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
