import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { Field } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { newPasswordErrors } from '../core/forms/new-password';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ProfileApi } from './profile-api';

/** A new password; every session ends, this one too, so the person signs in again with it. */
@Component({
  selector: 'sp-password-change',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form [feedback]="feedback" [submitLabel]="'profile.changePassword' | t" submitVariant="secondary" (submitted)="submit()">
      <sp-field
        [control]="form.controls.current"
        [feedback]="feedback.field('current')"
        [label]="'profile.currentPassword' | t"
        type="password"
        autocomplete="current-password"
      />
      <sp-field
        [control]="form.controls.password"
        [feedback]="feedback.field('password')"
        [label]="'profile.newPassword' | t"
        [hint]="'invitation.passwordHint' | t"
        type="password"
        autocomplete="new-password"
      />
      <sp-field
        [control]="form.controls.repeated"
        [feedback]="feedback.field('repeated')"
        [label]="'profile.confirmPassword' | t"
        type="password"
        autocomplete="new-password"
      />
    </sp-form>
  `,
})
export class PasswordChange {
  private readonly api = inject(ProfileApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    current: ['', Validators.required],
    password: [''],
    repeated: [''],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'password',
    errors: () => ({
      current: this.form.controls.current.hasError('required') ? 'profile.currentRequired' : null,
      ...newPasswordErrors(this.form.controls.password, this.form.controls.repeated),
    }),
  });

  protected submit(): void {
    const { current, password } = this.form.getRawValue();
    this.feedback.submit(
      () => this.api.changePassword({ currentPassword: current, newPassword: password }),
      () => {
        this.auth.clear();
        void this.router.navigate(['/sign-in'], { queryParams: { reason: 'expired' } });
      },
    );
  }
}
