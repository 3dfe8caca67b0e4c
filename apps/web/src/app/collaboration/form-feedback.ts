import { Injector, type Signal, afterNextRender, computed, signal } from '@angular/core';
import type { ErrorSummary, ErrorSummaryItem } from '@samspill/web-ui';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import type { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';

export type FieldErrors<F extends string> = Record<F, MessageKey | null>;

let nextForm = 0;

/** A prefix that keeps field ids unique when a form appears more than once on a page. */
export function uniqueFormId(name: string): string {
  return `${name}-${++nextForm}`;
}

/**
 * The bookkeeping every form here shares: field errors shown only after a
 * submit, one error summary that links to the fields (or says what the
 * server refused), and focus moved to it so the person hears what went wrong.
 */
export class FormFeedback<F extends string> {
  readonly submitted = signal(false);
  readonly pending = signal(false);
  readonly problem = signal<ApiProblem | null>(null);

  readonly fieldErrors: Signal<FieldErrors<F>>;
  /** The shown errors in the person's language, for `sp-text-field`. */
  readonly messages: Signal<Record<F, string | null>>;
  /** No field has an error, whether or not they are shown yet. */
  readonly valid: Signal<boolean>;
  readonly summaryItems: Signal<ErrorSummaryItem[]>;
  readonly summaryHeading: Signal<string>;

  /**
   * `errors` reads the form's controls; `changes` is a signal of the form's
   * value, read so the errors follow what the person types.
   */
  constructor(
    private readonly i18n: I18n,
    private readonly injector: Injector,
    readonly ids: Record<F, string>,
    errors: () => FieldErrors<F>,
    changes: Signal<unknown>,
    private readonly summary: Signal<ErrorSummary | undefined>,
  ) {
    const fields = Object.keys(ids) as F[];
    const all = computed(() => {
      changes();
      return errors();
    });
    this.valid = computed(() => fields.every((field) => all()[field] === null));
    this.fieldErrors = computed(() => (this.submitted() ? all() : (Object.fromEntries(fields.map((f) => [f, null])) as FieldErrors<F>)));
    this.messages = computed(() => {
      const current = this.fieldErrors();
      return Object.fromEntries(fields.map((f) => [f, current[f] ? this.i18n.t(current[f]) : null])) as Record<F, string | null>;
    });
    this.summaryHeading = computed(() => this.i18n.t(this.problem() ? 'errors.heading' : 'form.errorSummaryHeading'));
    this.summaryItems = computed(() => {
      const problem = this.problem();
      if (problem) {
        const items: ErrorSummaryItem[] = [{ message: this.i18n.t(problem.key) }];
        // The server's words name the refused field or the member that blocks a change.
        if (problem.detail && (problem.code === 'VALIDATION_FAILED' || problem.code === 'INVALID_MEMBERS')) {
          items.push({ message: this.i18n.t('errors.details', { message: problem.detail }) });
        }
        return items;
      }
      const current = this.fieldErrors();
      return fields.flatMap((field) => {
        const key = current[field];
        return key ? [{ fieldId: this.ids[field], message: this.i18n.t(key) }] : [];
      });
    });
  }

  /** The ids a field's aria-describedby names: its hint and, when there is one, its error. */
  describedBy(field: F, ...hints: string[]): string | null {
    const ids = [...hints, this.fieldErrors()[field] ? `${this.ids[field]}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  /** Starts a submit; false (with focus on the summary) when the form has errors or one is under way. */
  begin(valid: boolean): boolean {
    if (this.pending()) return false;
    this.submitted.set(true);
    this.problem.set(null);
    if (!valid) {
      this.focusSummary();
      return false;
    }
    this.pending.set(true);
    return true;
  }

  succeed(): void {
    this.pending.set(false);
    this.submitted.set(false);
    this.problem.set(null);
  }

  fail(error: unknown): ApiProblem {
    const problem = toApiProblem(error);
    this.pending.set(false);
    this.problem.set(problem);
    this.focusSummary();
    return problem;
  }

  reset(): void {
    this.submitted.set(false);
    this.pending.set(false);
    this.problem.set(null);
  }

  private focusSummary(): void {
    afterNextRender({ read: () => this.summary()?.focus() }, { injector: this.injector });
  }
}
