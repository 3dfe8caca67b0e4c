import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { FollowUpAnswer, FollowUpResponse } from '@samspill/contracts';
import { FOLLOW_UP_ANSWERS } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { computed } from '@angular/core';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { MeasurementApi } from '../measurement/measurement-api';

const NOTE_MAX = 2000;

/** Is the new practice still held? Answered once: held, slipped or abandoned, with a note. */
@Component({
  selector: 'sp-follow-up-answer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, ChoiceGroup, FormShell],
  template: `
    <sp-form [feedback]="feedback" [submitLabel]="'followUps.answer' | t" size="sm" (submitted)="submit()">
      <sp-choice-group
        [control]="form.controls.status"
        [feedback]="feedback.field('status')"
        [legend]="'followUps.question' | t: { title: followUp().project.title }"
        [options]="answers()"
      />
      <sp-field
        [control]="form.controls.note"
        [feedback]="feedback.field('note')"
        [label]="'followUps.note' | t"
        [hint]="'followUps.noteHint' | t"
        [rows]="2"
        [count]="noteCount()"
      />
    </sp-form>
  `,
})
export class FollowUpAnswerForm {
  private readonly api = inject(MeasurementApi);
  private readonly i18n = inject(I18n);

  readonly followUp = input.required<FollowUpResponse>();
  readonly answered = output<FollowUpResponse>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['', Validators.required],
    note: ['', Validators.maxLength(NOTE_MAX)],
  });
  protected readonly answers = computed(() =>
    FOLLOW_UP_ANSWERS.map((id) => ({ id, name: this.i18n.t(`followUps.answers.${id}`), hint: this.i18n.t(`followUps.hints.${id}`) })),
  );
  protected readonly feedback = formFeedback(this.form, {
    name: 'follow-up',
    errors: () => ({
      status: this.form.controls.status.hasError('required') ? 'followUps.statusRequired' : null,
      note: this.form.controls.note.hasError('maxlength') ? 'followUps.noteTooLong' : null,
    }),
  });
  protected readonly noteCount = this.feedback.count(this.form.controls.note, NOTE_MAX);

  protected submit(): void {
    const { status, note } = this.form.getRawValue();
    this.feedback.submit(
      () => this.api.answerFollowUp(this.followUp().id, { status: status as FollowUpAnswer, note: note.trim() }),
      (answered) => this.answered.emit(answered),
    );
  }
}
