import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { ErrorSummary, type ErrorSummaryItem } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { safeReturnUrl } from '../core/auth/auth-guards';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';

@Component({
  selector: 'sp-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.css',
})
export class SignInPage {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly sessionEnded = this.query.get('reason') === 'expired';
  protected readonly submitted = signal(false);
  protected readonly pending = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  private readonly summary = viewChild(ErrorSummary);
  private readonly value = toSignal(this.form.valueChanges);

  protected readonly fieldErrors = computed(() => {
    this.value();
    if (!this.submitted()) return { email: null, password: null };
    const { email, password } = this.form.controls;
    const emailError: MessageKey | null = email.hasError('required')
      ? 'signIn.emailRequired'
      : email.hasError('email')
        ? 'signIn.emailInvalid'
        : null;
    const passwordError: MessageKey | null = password.hasError('required') ? 'signIn.passwordRequired' : null;
    return { email: emailError, password: passwordError };
  });

  protected readonly summaryHeading = computed(() => this.i18n.t(this.problem() ? 'signIn.failedHeading' : 'form.errorSummaryHeading'));

  protected readonly summaryItems = computed<ErrorSummaryItem[]>(() => {
    const problem = this.problem();
    if (problem) return [{ message: this.i18n.t(problem.key) }];
    const errors = this.fieldErrors();
    const items: ErrorSummaryItem[] = [];
    if (errors.email) items.push({ fieldId: 'email', message: this.i18n.t(errors.email) });
    if (errors.password) items.push({ fieldId: 'password', message: this.i18n.t(errors.password) });
    return items;
  });

  protected submit(): void {
    if (this.pending()) return;
    this.submitted.set(true);
    this.problem.set(null);
    if (this.form.invalid) {
      this.focusSummary();
      return;
    }
    this.pending.set(true);
    const { email, password } = this.form.getRawValue();
    this.auth.login(email.trim(), password).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.query.get('returnUrl'))),
      error: (error: unknown) => {
        this.pending.set(false);
        this.problem.set(toApiProblem(error));
        this.focusSummary();
      },
    });
  }

  private focusSummary(): void {
    afterNextRender({ read: () => this.summary()?.focus() }, { injector: this.injector });
  }
}
