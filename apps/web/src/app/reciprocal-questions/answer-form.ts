import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { AnswerResponse, PartnershipResponse, Question } from '@samspill/contracts';
import { ANSWER_MAX_LENGTH, QUESTIONS } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { injectActor } from '../core/auth/actor';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { map } from 'rxjs';
import { QuestionsApi } from './questions-api';

export interface Answered {
  answer: AnswerResponse;
  fromId: string;
  toId: string;
  question: Question;
}

/** Staff and leaders answer one of the three questions, for their own organisation, about another member. */
@Component({
  selector: 'sp-answer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ChoiceGroup, Field, FormShell],
  templateUrl: './answer-form.html',
})
export class AnswerForm implements OnInit {
  private readonly api = inject(QuestionsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  readonly partnership = input.required<PartnershipResponse>();
  readonly answered = output<Answered>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    from: [''],
    to: ['', Validators.required],
    question: ['' as Question | '', Validators.required],
    focusAreaId: [''],
    text: ['', [notBlank, Validators.maxLength(ANSWER_MAX_LENGTH)]],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  /** Admins belong to no organisation and say which member answers; everyone else answers for their own. */
  protected readonly choosesFrom = computed(() => this.actor().role === 'admin');
  protected readonly fromId = computed(() => (this.choosesFrom() ? (this.value().from ?? '') : (this.actor().organizationId ?? '')));
  protected readonly toOptions = computed(() => this.partnership().members.filter((m) => m.id !== this.fromId()));
  protected readonly questionOptions = computed(() => {
    const other = this.toOptions().find((m) => m.id === this.value().to)?.name ?? this.i18n.t('questions.theOther');
    return QUESTIONS.map((question) => ({ id: question, name: this.i18n.t(`questions.ask.${question}`, { other }) }));
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'answer',
    errors: () => {
      const { to, question, text } = this.form.controls;
      return {
        from: this.choosesFrom() && !this.fromId() ? 'questions.fromRequired' : null,
        to: to.hasError('required') ? 'questions.toRequired' : null,
        question: question.hasError('required') ? 'questions.questionRequired' : null,
        focusArea: null,
        text: text.hasError('required') ? 'questions.textRequired' : text.hasError('maxlength') ? 'questions.textTooLong' : null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.text, ANSWER_MAX_LENGTH);

  ngOnInit(): void {
    this.chooseDefaults();
  }

  /** With two members there is only one other: choose it. */
  protected chooseDefaults(): void {
    const others = this.toOptions();
    if (!others.some((m) => m.id === this.form.controls.to.value)) {
      this.form.controls.to.setValue(others.length === 1 ? (others[0]?.id ?? '') : '');
    }
  }

  protected submit(): void {
    const { to, question, focusAreaId, text } = this.form.getRawValue();
    const fromId = this.fromId();
    this.feedback.submit(
      () =>
        question === ''
          ? null
          : this.api
              .answer(this.partnership().id, {
                toOrganizationId: to,
                question,
                text: text.trim(),
                focusAreaId: focusAreaId || null,
                ...(this.choosesFrom() ? { fromOrganizationId: fromId } : {}),
              })
              .pipe(map((answer): Answered => ({ answer, fromId, toId: to, question }))),
      (answered) => {
        this.form.controls.text.reset();
        this.answered.emit(answered);
      },
    );
  }
}
