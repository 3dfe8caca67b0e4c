import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { AnswerResponse, FocusAreaResponse } from '@samspill/contracts';
import { ANSWER_MAX_LENGTH } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { QuestionsApi } from './questions-api';

/** Rewords an answer or changes its focus area, in place. */
@Component({
  selector: 'sp-answer-edit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="'form.save' | t"
      [cancelLabel]="'form.cancel' | t"
      size="sm"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <sp-field
        [control]="form.controls.text"
        [feedback]="feedback.field('text')"
        [label]="'questions.text' | t"
        [rows]="4"
        [count]="count()"
      />
      <sp-field
        [control]="form.controls.focusAreaId"
        [feedback]="feedback.field('focusArea')"
        [label]="'questions.focusArea' | t"
        [optional]="'form.optional' | t"
        [options]="focusAreas()"
        [none]="'questions.noFocusArea' | t"
      />
    </sp-form>
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
