import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import { Router } from '@angular/router';
import { Field } from '@samspill/web-ui';
import { switchMap } from 'rxjs';
import { Auth } from '../core/auth/auth';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { newPasswordErrors } from '../core/forms/new-password';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { InvitationsApi } from './invitations-api';

/** The link in the invitation mail: the invitee chooses a password and is signed in. */
@Component({
  selector: 'sp-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  styles: `
    .narrow {
      display: grid;
      gap: var(--ds-size-5);
      max-width: 30rem;
    }
  `,
  template: `
    <div class="narrow">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'invitation.heading' | t }}</h1>
      <p class="ds-paragraph">{{ 'invitation.intro' | t }}</p>
      <sp-form
        [feedback]="feedback"
        [submitLabel]="(feedback.pending() ? 'invitation.submitting' : 'invitation.submit') | t"
        (submitted)="submit()"
      >
        <sp-field
          [control]="form.controls.password"
          [feedback]="feedback.field('password')"
          [label]="'invitation.password' | t"
          [hint]="'invitation.passwordHint' | t"
          type="password"
          autocomplete="new-password"
        />
        <sp-field
          [control]="form.controls.repeated"
          [feedback]="feedback.field('repeated')"
          [label]="'invitation.passwordConfirm' | t"
          type="password"
          autocomplete="new-password"
        />
      </sp-form>
    </div>
  `,
})
export class AcceptInvitationPage {
  private readonly api = inject(InvitationsApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  /** The route's `:token`, from the mail's link. */
  readonly token = input.required<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({ password: [''], repeated: [''] });
  protected readonly feedback = formFeedback(this.form, {
    refusedHeading: 'invitation.failedHeading',
    errors: () => newPasswordErrors(this.form.controls.password, this.form.controls.repeated),
  });

  protected submit(): void {
    const { password } = this.form.getRawValue();
    this.feedback.submit(
      () => this.api.accept({ token: this.token(), password }).pipe(switchMap((response) => this.auth.adopt(response))),
      () => void this.router.navigateByUrl('/'),
    );
  }
}
