import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject, input, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { AnswerResponse, FocusAreaResponse } from '@samspill/contracts';
import { ANSWER_MAX_LENGTH } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { characterCount } from '../collaboration/character-count-text';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { QuestionsApi } from './questions-api';

/** Rewords an answer or changes its focus area, in place. */
@Component({
  selector: 'sp-answer-edit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  styleUrl: '../collaboration/forms.css',
  template: `
    @if (feedback.summaryItems().length > 0) {
      <sp-error-summary [heading]="feedback.summaryHeading()" [items]="feedback.summaryItems()" />
    }
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <sp-text-field
        [control]="form.controls.text"
        [fieldId]="feedback.ids.text"
        [label]="'questions.text' | t"
        [rows]="4"
        [count]="count()"
        [error]="feedback.messages().text"
      />
      <div class="ds-field">
        <label class="ds-label" [for]="prefix + '-focus-area'">
          {{ 'questions.focusArea' | t }} <span class="optional">({{ 'form.optional' | t }})</span>
        </label>
        <select class="ds-input" formControlName="focusAreaId" [id]="prefix + '-focus-area'">
          <option value="">{{ 'questions.noFocusArea' | t }}</option>
          @for (focusArea of focusAreas(); track focusArea.id) {
            <option [value]="focusArea.id">{{ focusArea.name }}</option>
          }
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="ds-button" data-size="sm" [attr.aria-disabled]="feedback.pending() ? true : null">
          {{ 'collaboration.save' | t }}
        </button>
        <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="cancelled.emit()">
          {{ 'collaboration.cancel' | t }}
        </button>
      </div>
    </form>
  `,
})
export class AnswerEditForm implements OnInit {
  private readonly api = inject(QuestionsApi);
  private readonly i18n = inject(I18n);

  readonly answer = input.required<AnswerResponse>();
  readonly focusAreas = input.required<readonly FocusAreaResponse[]>();
  readonly saved = output<AnswerResponse>();
  readonly cancelled = output();

  protected readonly prefix = uniqueFormId('answer-edit');
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [notBlank, Validators.maxLength(ANSWER_MAX_LENGTH)]],
    focusAreaId: [''],
  });
  private readonly value = toSignal(this.form.valueChanges);
  protected readonly count = computed(() => {
    this.value();
    return characterCount(this.i18n, this.form.controls.text.value, ANSWER_MAX_LENGTH);
  });
  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<'text'>(
    this.i18n,
    inject(Injector),
    { text: `${this.prefix}-text` },
    () => {
      const { text } = this.form.controls;
      return { text: text.hasError('required') ? 'questions.textRequired' : text.hasError('maxlength') ? 'questions.textTooLong' : null };
    },
    this.value,
    this.summary,
  );

  ngOnInit(): void {
    this.form.setValue({ text: this.answer().text, focusAreaId: this.answer().focusAreaId ?? '' });
  }

  protected submit(): void {
    if (!this.feedback.begin(this.form.valid)) return;
    const { text, focusAreaId } = this.form.getRawValue();
    this.api.update(this.answer().id, { text: text.trim(), focusAreaId: focusAreaId || null }).subscribe({
      next: (answer) => {
        this.feedback.succeed();
        this.saved.emit(answer);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
