import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { InvitationResponse, Locale, Role } from '@samspill/contracts';
import { ROLES } from '@samspill/contracts/values';
import { ROLES_A_LEADER_GIVES } from '@samspill/domain';
import { Field } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n, LANGUAGES } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from '../organizations/organizations-api';
import { InvitationsApi } from './invitations-api';

/** Invites someone by e-mail; a leader into their own organisation, an admin anywhere. Emits the stored invitation. */
@Component({
  selector: 'sp-invite-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="(feedback.pending() ? 'invitations.inviting' : 'invitations.invite') | t"
      (submitted)="submit()"
    >
      <div class="sp-form-row">
        <sp-field [control]="form.controls.name" [feedback]="feedback.field('name')" [label]="'invitations.name' | t" autocomplete="off" />
        <sp-field
          [control]="form.controls.email"
          [feedback]="feedback.field('email')"
          [label]="'invitations.email' | t"
          type="email"
          autocomplete="off"
        />
      </div>
      <sp-field
        [control]="form.controls.role"
        [feedback]="feedback.field('role')"
        [label]="'invitations.role' | t"
        [options]="roles()"
        [placeholder]="'invitations.chooseRole' | t"
      />
      @if (isAdmin()) {
        <sp-field
          [control]="form.controls.organizationId"
          [feedback]="feedback.field('organizationId')"
          [label]="'invitations.organization' | t"
          [options]="organizations()"
          [none]="'invitations.noOrganization' | t"
        />
      }
      <sp-field
        [control]="form.controls.locale"
        [feedback]="feedback.field('locale')"
        [label]="'invitations.language' | t"
        [options]="languages"
      />
    </sp-form>
    <div role="status">
      @if (outcome(); as outcome) {
        <p class="ds-validation-message" [attr.data-color]="outcome.sent ? 'success' : 'warning'">
          {{ (outcome.sent ? 'invitations.invited' : 'invitations.notSent') | t: { email: outcome.email } }}
        </p>
      }
    </div>
  `,
})
export class InviteForm {
  private readonly api = inject(InvitationsApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);

  readonly invited = output<InvitationResponse>();

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly roles = computed(() =>
    (this.isAdmin() ? ROLES : ROLES_A_LEADER_GIVES).map((role) => ({ id: role, name: this.i18n.t(`roles.${role}`) })),
  );
  private readonly allOrganizations = dataResource(
    () => (this.isAdmin() ? true : undefined),
    () => this.organizationsApi.list(),
  );
  /** Only active organisations take new people. */
  protected readonly organizations = computed(() =>
    (this.allOrganizations.value() ?? []).filter((o) => o.active).sort((a, b) => this.i18n.compare(a.name, b.name)),
  );
  protected readonly languages = LANGUAGES.map((l) => ({ id: l.locale, name: l.name }));
  protected readonly outcome = signal<{ email: string; sent: boolean } | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email]],
    role: ['' as Role | '', Validators.required],
    organizationId: [''],
    locale: [this.i18n.locale() as Locale],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'invite',
    errors: () => {
      const { name, email, role, organizationId } = this.form.controls;
      return {
        name: name.hasError('required') ? 'invitations.nameRequired' : name.hasError('maxlength') ? 'invitations.nameTooLong' : null,
        email: email.hasError('required') ? 'invitations.emailRequired' : email.hasError('email') ? 'invitations.emailInvalid' : null,
        role: role.hasError('required') ? 'invitations.roleRequired' : null,
        organizationId:
          this.isAdmin() && role.value !== 'admin' && role.value !== '' && organizationId.value === ''
            ? 'invitations.organizationRequired'
            : null,
        locale: null,
      };
    },
  });

  protected submit(): void {
    this.outcome.set(null);
    const { name, email, role, organizationId, locale } = this.form.getRawValue();
    this.feedback.submit(
      () =>
        role === ''
          ? null
          : this.api.invite({
              name: name.trim(),
              email: email.trim(),
              role,
              locale,
              ...(this.isAdmin() && organizationId ? { organizationId } : {}),
            }),
      (invitation) => {
        this.form.reset({ name: '', email: '', role: '', organizationId: '', locale: this.i18n.locale() });
        this.outcome.set({ email: invitation.email, sent: invitation.mailSent });
        this.invited.emit(invitation);
      },
    );
  }
}
