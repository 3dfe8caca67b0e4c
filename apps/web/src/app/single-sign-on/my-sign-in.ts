import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LoadStatus } from '../core/data/load-status';
import { dataResource } from '../core/data/data-resource';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { SingleSignOnApi } from './single-sign-on-api';

/** On the profile: how this session was started, the organisation's provider, and whether a password is allowed. */
@Component({
  selector: 'sp-my-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus],
  template: `
    @if (signIn.value(); as s) {
      <ul class="ds-list">
        <li>
          {{
            s.currentSession === 'oidc'
              ? ('singleSignOn.profileViaProvider' | t: { organization: s.organizationName ?? '' })
              : ('singleSignOn.profileViaPassword' | t)
          }}
        </li>
        @if (s.issuer) {
          <li>{{ 'singleSignOn.profileProvider' | t: { organization: s.organizationName ?? '', issuer: s.issuer } }}</li>
        } @else {
          <li>{{ 'singleSignOn.profileNoProvider' | t }}</li>
        }
        @if (!s.passwordAllowed) {
          <li>{{ 'singleSignOn.profilePasswordNotAllowed' | t }}</li>
        }
      </ul>
    } @else {
      <sp-load-status [data]="signIn" loadingText="singleSignOn.loading" failedHeading="errors.heading" />
    }
  `,
})
export class MySignIn {
  private readonly api = inject(SingleSignOnApi);
  protected readonly signIn = dataResource(() => this.api.mySignIn());
}
