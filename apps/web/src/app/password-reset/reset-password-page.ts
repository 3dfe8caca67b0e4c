import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Field } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { newPasswordErrors } from '../core/forms/new-password';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { PasswordResetApi } from './password-reset-api';

/** The link in the reset mail: a new password, after which every session has ended. */
@Component({
  selector: 'sp-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, RouterLink],
  styleUrl: './password-pages.css',
  template: `
    <div class="narrow">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'passwordReset.resetHeading' | t }}</h1>
      @if (done()) {
        <div class="ds-alert" data-color="success">
          <p class="ds-paragraph" id="reset-done" tabindex="-1">{{ 'passwordReset.done' | t }}</p>
        </div>
        <p class="ds-paragraph">
          <a class="ds-link" routerLink="/sign-in">{{ 'passwordReset.signIn' | t }}</a>
        </p>
      } @else {
        <p class="ds-paragraph">{{ 'passwordReset.resetIntro' | t }}</p>
        <sp-form
          [feedback]="feedback"
          [submitLabel]="(feedback.pending() ? 'passwordReset.submitting' : 'passwordReset.submit') | t"
          (submitted)="submit()"
        >
          <sp-field
            [control]="form.controls.password"
            [feedback]="feedback.field('password')"
            [label]="'passwordReset.newPassword' | t"
            [hint]="'invitation.passwordHint' | t"
            type="password"
            autocomplete="new-password"
          />
          <sp-field
            [control]="form.controls.repeated"
            [feedback]="feedback.field('repeated')"
            [label]="'passwordReset.confirm' | t"
            type="password"
            autocomplete="new-password"
          />
        </sp-form>
      }
    </div>
  `,
})
export class ResetPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly auth = inject(Auth);
  private readonly focus = focusAfterRender();

  /** The route's `:token`, from the mail's link. */
  readonly token = input.required<string>();

  protected readonly done = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: [''], repeated: [''] });
  protected readonly feedback = formFeedback(this.form, {
    refusedHeading: 'passwordReset.failedHeading',
    errors: () => newPasswordErrors(this.form.controls.password, this.form.controls.repeated),
  });

  protected submit(): void {
    this.feedback.submit(
      () => this.api.confirm({ token: this.token(), password: this.form.getRawValue().password }),
      () => {
        // Every session has ended, this browser's too.
        this.auth.clear();
        this.done.set(true);
        this.focus('#reset-done');
      },
    );
  }
}
