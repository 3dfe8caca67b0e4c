import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Auth } from '../core/auth/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PasswordChange } from './password-change';
import { ProfileDetails } from './profile-details';
import { SessionsList } from './sessions-list';
import { MySignIn } from '../single-sign-on/my-sign-in';
import { NotificationSettingsPanel } from '../talk/notification-settings';

/** What a person does for themselves: name, language, notifications and e-mail, password, where they are signed in. */
@Component({
  selector: 'sp-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ProfileDetails, PasswordChange, SessionsList, MySignIn, NotificationSettingsPanel],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-8);
    }
    section {
      display: grid;
      gap: var(--ds-size-4);
      max-width: 36rem;
    }
    section.sessions {
      max-width: 52rem;
    }
  `,
  template: `
    <div class="page-intro">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'profile.heading' | t }}</h1>
      <p class="ds-paragraph">{{ 'profile.email' | t }}: {{ auth.user()?.email }}</p>
    </div>
    <section aria-labelledby="details-heading">
      <h2 class="ds-heading" data-size="sm" id="details-heading">{{ 'profile.detailsHeading' | t }}</h2>
      <sp-profile-details />
    </section>
    <section aria-labelledby="sign-in-heading">
      <h2 class="ds-heading" data-size="sm" id="sign-in-heading">{{ 'singleSignOn.profileHeading' | t }}</h2>
      <sp-my-sign-in />
    </section>
    <section id="notification-settings" aria-labelledby="notification-settings-heading" tabindex="-1">
      <h2 class="ds-heading" data-size="sm" id="notification-settings-heading">{{ 'talk.settings.heading' | t }}</h2>
      <p class="ds-paragraph">{{ 'talk.settings.intro' | t }}</p>
      <sp-notification-settings />
    </section>
    <section aria-labelledby="password-heading">
      <h2 class="ds-heading" data-size="sm" id="password-heading">{{ 'profile.passwordHeading' | t }}</h2>
      <p class="ds-paragraph">{{ 'profile.passwordIntro' | t }}</p>
      <sp-password-change />
    </section>
    <section class="sessions" aria-labelledby="sessions-heading">
      <h2 class="ds-heading" data-size="sm" id="sessions-heading">{{ 'profile.sessionsHeading' | t }}</h2>
      <p class="ds-paragraph">{{ 'profile.sessionsIntro' | t }}</p>
      <sp-sessions-list />
    </section>
  `,
})
export class ProfilePage {
  protected readonly auth = inject(Auth);
}
