import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject, input, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { AnswerResponse, PartnershipResponse, Question } from '@samspill/contracts';
import { ANSWER_MAX_LENGTH, QUESTIONS } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { injectActor } from '../collaboration/actor';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { characterCount } from '../collaboration/character-count-text';
import { notBlank } from '../collaboration/validators';
import { QuestionsApi } from './questions-api';

type Field = 'from' | 'to' | 'question' | 'text';

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
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  templateUrl: './answer-form.html',
  styleUrl: '../collaboration/forms.css',
})
export class AnswerForm implements OnInit {
  private readonly api = inject(QuestionsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  readonly partnership = input.required<PartnershipResponse>();
  readonly answered = output<Answered>();

  protected readonly prefix = uniqueFormId('answer');
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
  protected readonly fromOptions = computed(() => this.partnership().members);
  protected readonly toOptions = computed(() => this.partnership().members.filter((m) => m.id !== this.fromId()));
  protected readonly questionOptions = computed(() => {
    const other = this.toOptions().find((m) => m.id === this.value().to)?.name ?? this.i18n.t('questions.theOther');
    return QUESTIONS.map((question) => ({ question, label: this.i18n.t(`questions.ask.${question}`, { other }) }));
  });
  protected readonly count = computed(() => characterCount(this.i18n, this.value().text ?? '', ANSWER_MAX_LENGTH));

  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<Field>(
    this.i18n,
    inject(Injector),
    { from: `${this.prefix}-from`, to: `${this.prefix}-to`, question: `${this.prefix}-question`, text: `${this.prefix}-text` },
    () => {
      const { to, question, text } = this.form.controls;
      return {
        from: this.choosesFrom() && !this.fromId() ? 'questions.fromRequired' : null,
        to: to.hasError('required') ? 'questions.toRequired' : null,
        question: question.hasError('required') ? 'questions.questionRequired' : null,
        text: text.hasError('required') ? 'questions.textRequired' : text.hasError('maxlength') ? 'questions.textTooLong' : null,
      };
    },
    this.value,
    this.summary,
  );

  ngOnInit(): void {
    this.chooseDefaults();
  }

  /** With two members there is only one other: choose it. */
  protected chooseDefaults(): void {
    const others = this.toOptions();
    if (!others.some((m) => m.id === this.form.controls.to.value)) {
      this.form.controls.to.setValue(others.length === 1 ? others[0].id : '');
    }
  }

  protected submit(): void {
    const errors = this.feedback;
    const valid = this.form.valid && (!this.choosesFrom() || this.fromId() !== '');
    if (!errors.begin(valid)) return;
    const { to, question, focusAreaId, text } = this.form.getRawValue();
    if (question === '') return;
    const fromId = this.fromId();
    this.api
      .answer(this.partnership().id, {
        toOrganizationId: to,
        question,
        text: text.trim(),
        focusAreaId: focusAreaId || null,
        ...(this.choosesFrom() ? { fromOrganizationId: fromId } : {}),
      })
      .subscribe({
        next: (answer) => {
          errors.succeed();
          this.form.controls.text.reset();
          this.answered.emit({ answer, fromId, toId: to, question });
        },
        error: (error: unknown) => errors.fail(error),
      });
  }
}
