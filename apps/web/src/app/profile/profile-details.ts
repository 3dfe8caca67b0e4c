import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { Locale } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n, LANGUAGES, isLocale } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ProfileApi } from './profile-api';

/** One's own name and language; the language is saved, so every sign-in, on any device, opens in it. */
@Component({
  selector: 'sp-profile-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form [feedback]="feedback" [submitLabel]="'profile.save' | t" (submitted)="submit()">
      <sp-field [control]="form.controls.name" [feedback]="feedback.field('name')" [label]="'profile.name' | t" autocomplete="name" />
      <sp-field
        [control]="form.controls.locale"
        [feedback]="feedback.field('locale')"
        [label]="'profile.language' | t"
        [hint]="'profile.languageHint' | t"
        [options]="languages"
      />
    </sp-form>
    <div role="status">
      @if (saved()) {
        <p class="ds-validation-message" data-color="success">{{ 'profile.saved' | t }}</p>
      }
    </div>
  `,
})
export class ProfileDetails implements OnInit {
  private readonly api = inject(ProfileApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);

  protected readonly languages = LANGUAGES.map((l) => ({ id: l.locale, name: l.name }));
  protected readonly saved = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    locale: ['nb' as Locale],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'profile',
    errors: () => {
      const { name } = this.form.controls;
      return {
        name: name.hasError('required') ? 'profile.nameRequired' : name.hasError('maxlength') ? 'profile.nameTooLong' : null,
        locale: null,
      };
    },
  });

  ngOnInit(): void {
    const user = this.auth.user();
    if (user) this.form.setValue({ name: user.name, locale: isLocale(user.locale) ? user.locale : 'nb' });
  }

  protected submit(): void {
    this.saved.set(false);
    const { name, locale } = this.form.getRawValue();
    this.feedback.submit(
      () => this.api.update({ name: name.trim(), locale }),
      (user) => {
        this.auth.updateUser(user);
        if (isLocale(user.locale) && user.locale !== this.i18n.locale()) void this.i18n.setLocale(user.locale);
        this.saved.set(true);
      },
    );
  }
}
