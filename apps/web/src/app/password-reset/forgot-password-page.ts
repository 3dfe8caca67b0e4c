import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { PasswordResetApi } from './password-reset-api';

/** "Forgot password": the same answer whether or not the address has an account. */
@Component({
  selector: 'sp-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, RouterLink],
  styleUrl: './password-pages.css',
  template: `
    <div class="narrow">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'passwordReset.forgotHeading' | t }}</h1>
      @if (sent()) {
        <div class="ds-alert" data-color="success">
          <p class="ds-paragraph" id="reset-sent" tabindex="-1">{{ 'passwordReset.sent' | t }}</p>
        </div>
      } @else {
        <p class="ds-paragraph">{{ 'passwordReset.forgotIntro' | t }}</p>
        <sp-form
          [feedback]="feedback"
          [submitLabel]="(feedback.pending() ? 'passwordReset.sending' : 'passwordReset.send') | t"
          (submitted)="submit()"
        >
          <sp-field
            [control]="form.controls.email"
            [feedback]="feedback.field('email')"
            [label]="'passwordReset.email' | t"
            type="email"
            autocomplete="username"
          />
        </sp-form>
      }
      <p class="ds-paragraph">
        <a class="ds-link" routerLink="/sign-in">{{ 'passwordReset.backToSignIn' | t }}</a>
      </p>
    </div>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly focus = focusAfterRender();

  protected readonly sent = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly feedback = formFeedback(this.form, {
    errors: () => {
      const { email } = this.form.controls;
      return { email: email.hasError('required') ? 'signIn.emailRequired' : email.hasError('email') ? 'signIn.emailInvalid' : null };
    },
  });

  protected submit(): void {
    this.feedback.submit(
      () => this.api.request({ email: this.form.getRawValue().email.trim() }),
      () => {
        this.sent.set(true);
        this.focus('#reset-sent');
      },
    );
  }
}
