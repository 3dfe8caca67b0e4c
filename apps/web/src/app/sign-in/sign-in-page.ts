import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Field } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { safeReturnUrl } from '../core/auth/auth-guards';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { TranslatePipe } from '../core/i18n/translate-pipe';

@Component({
  selector: 'sp-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, RouterLink],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.css',
})
export class SignInPage {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly sessionEnded = this.query.get('reason') === 'expired';
  // The page's one form: its field names are its ids (#email, #password).
  protected readonly feedback = formFeedback(this.form, {
    refusedHeading: 'signIn.failedHeading',
    errors: () => {
      const { email, password } = this.form.controls;
      return {
        email: email.hasError('required') ? 'signIn.emailRequired' : email.hasError('email') ? 'signIn.emailInvalid' : null,
        password: password.hasError('required') ? 'signIn.passwordRequired' : null,
      };
    },
  });

  protected submit(): void {
    const { email, password } = this.form.getRawValue();
    this.feedback.submit(
      () => this.auth.login(email.trim(), password),
      () => void this.router.navigateByUrl(safeReturnUrl(this.query.get('returnUrl'))),
    );
  }
}
