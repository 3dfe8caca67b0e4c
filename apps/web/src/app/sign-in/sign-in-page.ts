import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { SignInMethod, SignInMethodResponse } from '@samspill/contracts';
import { ERROR_CODES, ERROR_REASONS } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { Observable, catchError, of, switchMap, tap } from 'rxjs';
import { Auth } from '../core/auth/auth';
import { safeReturnUrl } from '../core/auth/auth-guards';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { SingleSignOnApi } from '../single-sign-on/single-sign-on-api';

/**
 * E-mail first: the address decides how a person signs in. Leaving the
 * e-mail field (or sending the form) asks the API; where the organisation
 * has its own identity provider, the password field goes away and the
 * button sends the person there. Everyone else signs in with a password.
 */
@Component({
  selector: 'sp-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, RouterLink],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.css',
})
export class SignInPage {
  private readonly auth = inject(Auth);
  private readonly sso = inject(SingleSignOnApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly sessionEnded = this.query.get('reason') === 'expired';
  /** Why a sign-in at the organisation's provider was refused, when it sent the person back here. */
  protected readonly refusal = refusalKey(this.query.get('error'), this.query.get('reason'));
  /** How the address in the field signs in, once asked; `unknown` until then or after it changes. */
  protected readonly method = signal<SignInMethod | 'unknown'>('unknown');
  private checkedEmail = '';
  protected readonly submitLabel = computed<MessageKey>(() =>
    this.feedback.pending()
      ? this.method() === 'oidc'
        ? 'singleSignOn.redirecting'
        : 'signIn.submitting'
      : this.method() === 'oidc'
        ? 'singleSignOn.continueThere'
        : 'signIn.submit',
  );
  // The page's one form: its field names are its ids (#email, #password).
  protected readonly feedback = formFeedback(this.form, {
    refusedHeading: 'signIn.failedHeading',
    errors: () => {
      const { email, password } = this.form.controls;
      return {
        email: email.hasError('required') ? 'signIn.emailRequired' : email.hasError('email') ? 'signIn.emailInvalid' : null,
        password: this.method() !== 'oidc' && password.hasError('required') ? 'signIn.passwordRequired' : null,
      };
    },
  });

  constructor() {
    this.form.controls.email.valueChanges.pipe(takeUntilDestroyed()).subscribe((email) => {
      if (email.trim().toLowerCase() !== this.checkedEmail) this.method.set('unknown');
    });
  }

  /** Leaving the e-mail field: ask how this address signs in, so the password field can go before it is needed. */
  protected emailLeft(): void {
    const email = this.form.controls.email;
    if (email.valid && this.method() === 'unknown') this.lookUp().subscribe();
  }

  protected submit(): void {
    // Sent before the address was looked up (Enter in the e-mail field): look it up first, so that nobody whose
    // organisation signs in elsewhere is asked for a password.
    if (this.method() === 'unknown' && this.form.controls.email.valid && !this.feedback.pending()) {
      this.lookUp().subscribe(() => this.submit());
      return;
    }
    const { email, password } = this.form.getRawValue();
    const returnUrl = safeReturnUrl(this.query.get('returnUrl'));
    this.feedback.submit(
      () =>
        // Known to sign in with a password: straight on. Otherwise ask (again: each sign-in at a provider is fresh).
        (this.method() === 'password' ? of<SignInMethodResponse>({ method: 'password' }) : this.lookUp(returnUrl)).pipe(
          switchMap((answer) =>
            answer.method === 'oidc' && answer.redirectUrl ? this.toProvider(answer.redirectUrl) : this.auth.login(email.trim(), password),
          ),
        ),
      () => void this.router.navigateByUrl(returnUrl),
    );
  }

  /** Back to the e-mail field, to type another address. */
  protected otherAddress(): void {
    this.form.controls.email.setValue('');
    this.document.getElementById('email')?.focus();
  }

  private lookUp(returnUrl?: string): Observable<SignInMethodResponse> {
    const email = this.form.controls.email.value.trim().toLowerCase();
    return this.sso.signInMethod({ email, ...(returnUrl ? { returnUrl } : {}) }).pipe(
      // Without an answer the password form still works: the server refuses it in words if it must.
      catchError(() => of<SignInMethodResponse>({ method: 'password' })),
      tap((answer) => {
        this.checkedEmail = email;
        this.method.set(answer.method);
        if (answer.method === 'oidc') {
          this.form.controls.password.setValue('');
          this.keepFocus();
        }
      }),
    );
  }

  /** The password field goes away; if focus was in it, it moves on to the button that now continues. */
  private keepFocus(): void {
    afterNextRender(
      {
        write: () => {
          const active = this.document.activeElement;
          if (!active || active === this.document.body || !active.isConnected) {
            this.document.querySelector<HTMLElement>('sp-form button[type="submit"]')?.focus();
          }
        },
      },
      { injector: this.injector },
    );
  }

  /** The browser goes to the provider; this page stays pending until it has left. */
  private toProvider(redirectUrl: string): Observable<never> {
    return new Observable<never>(() => this.document.location.assign(redirectUrl));
  }
}

/** The sentence for a refusal the callback sent back (`?error=CODE[&reason=R]`), or null. */
function refusalKey(code: string | null, reason: string | null): MessageKey | null {
  if (!code || !(ERROR_CODES as readonly string[]).includes(code)) return null;
  const reasons = (ERROR_REASONS as Partial<Record<string, readonly string[]>>)[code];
  return (reason && reasons?.includes(reason) ? `errors.reasons.${code}.${reason}` : `errors.codes.${code}`) as MessageKey;
}
