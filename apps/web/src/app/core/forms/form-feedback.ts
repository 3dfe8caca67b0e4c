import { DOCUMENT, DestroyRef, Injector, type Signal, afterNextRender, computed, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import type { ErrorSummaryItem, FieldCount, FieldFeedback } from '@samspill/web-ui';
import type { Observable } from 'rxjs';
import { type ApiProblem, toApiProblem } from '../http/api-error';
import { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { characterCount } from './character-count';

/** Each field's first problem as a message key, or null when it is fine. */
export type FieldErrors<F extends string> = Record<F, MessageKey | null>;

export interface FormFeedbackOptions<F extends string> {
  /**
   * Names the form in its fields' ids (`answer-3-text`), unique for each
   * form on the page. A page's one form may leave it out: its field names
   * are then its ids (`email`).
   */
  name?: string;
  /** Reads the controls (and any signals) and names each field's first problem. */
  errors: () => FieldErrors<F>;
  /** The summary's heading when the server refuses; «Noe gikk galt» unless said. */
  refusedHeading?: MessageKey;
}

let nextForm = 0;

/** The server's words help only where they name what our sentence cannot: the refused field, the member that blocks a change. */
const withDetail = (problem: ApiProblem) => problem.code === 'VALIDATION_FAILED' || problem.reason === 'MEMBER_HAS_PROJECTS';

/**
 * The feedback every form gives, one way (see core/README.md): errors shown
 * only after a submit, next to each field and in one error summary that
 * links to them (or says what the server refused), with focus moved there
 * so the person hears what went wrong. Call in an injection context.
 */
export function formFeedback<F extends string>(form: AbstractControl, options: FormFeedbackOptions<F>): FormFeedback<F> {
  return new FormFeedback(form, options);
}

export class FormFeedback<F extends string> {
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly prefix: string;
  private readonly submitted = signal(false);
  private readonly pendingState = signal(false);
  private readonly problemState = signal<ApiProblem | null>(null);
  /** The form's value as a signal, so errors and counts follow what the person types. */
  private readonly value: Signal<unknown>;
  private readonly errors: Signal<FieldErrors<F>>;
  private readonly fields = new Map<F, Signal<FieldFeedback>>();

  /** A request is under way: the submit button says so, and a second submit waits. */
  readonly pending = this.pendingState.asReadonly();
  /** What the server refused, if it did. */
  readonly problem = this.problemState.asReadonly();
  readonly summaryId: string;
  readonly summaryHeading: Signal<string>;
  readonly summaryItems: Signal<ErrorSummaryItem[]>;

  constructor(
    form: AbstractControl,
    private readonly options: FormFeedbackOptions<F>,
  ) {
    this.prefix = options.name ? `${options.name}-${++nextForm}-` : '';
    this.summaryId = `${this.prefix}error-summary`;
    this.value = toSignal(form.valueChanges, { initialValue: form.value });
    this.errors = computed(() => {
      this.value();
      return options.errors();
    });
    this.summaryHeading = computed(() =>
      this.i18n.t(this.problemState() ? (options.refusedHeading ?? 'errors.heading') : 'form.errorSummaryHeading'),
    );
    this.summaryItems = computed(() => {
      const problem = this.problemState();
      if (problem) {
        const items: ErrorSummaryItem[] = [{ message: this.i18n.t(problem.key) }];
        if (problem.detail && withDetail(problem)) {
          items.push({ message: this.i18n.t('errors.details', { message: problem.detail }) });
        }
        return items;
      }
      if (!this.submitted()) return [];
      const errors = this.errors();
      return (Object.keys(errors) as F[]).flatMap((field) => {
        const key = errors[field];
        return key ? [{ fieldId: this.id(field), message: this.i18n.t(key) }] : [];
      });
    });
  }

  /** The field's id; its error is `<id>-error`, its hint (by custom) `<id>-hint`. */
  id(field: F): string {
    return `${this.prefix}${field}`;
  }

  /** For `sp-field`, `sp-checkbox-group` and `sp-field-error`: the field's id and, once the person has tried to submit, its error. */
  field(field: F): FieldFeedback {
    let feedback = this.fields.get(field);
    if (!feedback) {
      feedback = computed(() => {
        const key = this.submitted() ? this.errors()[field] : null;
        return { id: this.id(field), error: key ? this.i18n.t(key) : null };
      });
      this.fields.set(field, feedback);
    }
    return feedback();
  }

  /** For `[attr.aria-describedby]` of a control that is not an `sp-field`: its hints and, when there is one, its error. */
  describedBy(field: F, ...hints: string[]): string | null {
    const ids = [...hints, this.field(field).error ? `${this.id(field)}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  /** «1 990 tegn igjen» under a text field, following what the person types. */
  count(control: AbstractControl<string>, max: number): Signal<FieldCount> {
    return computed(() => {
      this.value();
      return characterCount(this.i18n, control.value, max);
    });
  }

  /**
   * Shows the errors (and moves focus to the summary) when a field has one;
   * otherwise sends, and on success clears the feedback and calls `done`.
   * `send` may answer null when the values make no request (the field
   * errors already say why; it only narrows types).
   */
  submit<T>(send: () => Observable<T> | null, done: (value: T) => void): void {
    if (this.pendingState()) return;
    this.submitted.set(true);
    this.problemState.set(null);
    const errors = untracked(() => this.options.errors());
    const request = Object.values(errors).every((key) => key === null) ? send() : null;
    if (!request) {
      this.focusSummary();
      return;
    }
    this.pendingState.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => {
        this.reset();
        done(value);
      },
      error: (error: unknown) => {
        this.pendingState.set(false);
        this.problemState.set(toApiProblem(error));
        this.focusSummary();
      },
    });
  }

  /** Back to a fresh form's feedback: nothing shown, nothing pending. */
  reset(): void {
    this.submitted.set(false);
    this.pendingState.set(false);
    this.problemState.set(null);
  }

  private focusSummary(): void {
    afterNextRender({ read: () => this.document.getElementById(this.summaryId)?.focus() }, { injector: this.injector });
  }
}
