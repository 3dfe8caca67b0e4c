import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { AnswerResponse, FocusAreaResponse } from '@samspill/contracts';
import { ANSWER_MAX_LENGTH } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormSummary } from '../core/forms/form-summary';
import { notBlank } from '../core/forms/validators';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { QuestionsApi } from './questions-api';

/** Rewords an answer or changes its focus area, in place. */
@Component({
  selector: 'sp-answer-edit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, Field, FormSummary],
  styleUrl: '../core/forms/forms.css',
  template: `
    <sp-form-summary [feedback]="feedback" />
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <sp-field
        [control]="form.controls.text"
        [fieldId]="feedback.id('text')"
        [label]="'questions.text' | t"
        [rows]="4"
        [count]="count()"
        [error]="feedback.error('text')"
      />
      <sp-field
        [control]="form.controls.focusAreaId"
        [fieldId]="feedback.id('focusArea')"
        [label]="'questions.focusArea' | t"
        [optional]="'form.optional' | t"
        [options]="focusAreas()"
        [none]="'questions.noFocusArea' | t"
      />
      <div class="actions">
        <button type="submit" class="ds-button" data-size="sm" [attr.aria-disabled]="feedback.pending() ? true : null">
          {{ 'form.save' | t }}
        </button>
        <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="cancelled.emit()">
          {{ 'form.cancel' | t }}
        </button>
      </div>
    </form>
  `,
})
export class AnswerEditForm implements OnInit {
  private readonly api = inject(QuestionsApi);

  readonly answer = input.required<AnswerResponse>();
  readonly focusAreas = input.required<readonly FocusAreaResponse[]>();
  readonly saved = output<AnswerResponse>();
  readonly cancelled = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [notBlank, Validators.maxLength(ANSWER_MAX_LENGTH)]],
    focusAreaId: [''],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'answer-edit',
    errors: () => {
      const { text } = this.form.controls;
      return {
        text: text.hasError('required') ? 'questions.textRequired' : text.hasError('maxlength') ? 'questions.textTooLong' : null,
        focusArea: null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.text, ANSWER_MAX_LENGTH);

  ngOnInit(): void {
    this.form.setValue({ text: this.answer().text, focusAreaId: this.answer().focusAreaId ?? '' });
  }

  protected submit(): void {
    const { text, focusAreaId } = this.form.getRawValue();
    this.feedback.submit(
      () => this.api.update(this.answer().id, { text: text.trim(), focusAreaId: focusAreaId || null }),
      (answer) => this.saved.emit(answer),
    );
  }
}
