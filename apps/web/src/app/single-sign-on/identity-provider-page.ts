import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { IdentityProviderResponse, IdentityProviderTestResponse } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { catchError, of, throwError } from 'rxjs';
import { LoadStatus } from '../core/data/load-status';
import { dataResource } from '../core/data/data-resource';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from '../organizations/organizations-api';
import { SingleSignOnApi } from './single-sign-on-api';

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** An administrator connects an organisation to its own OpenID Connect provider, and tests the connection first. */
@Component({
  selector: 'sp-identity-provider-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, LoadStatus, ReactiveFormsModule],
  styleUrl: './identity-provider-page.css',
  templateUrl: './identity-provider-page.html',
})
export class IdentityProviderPage {
  private readonly api = inject(SingleSignOnApi);
  private readonly i18n = inject(I18n);
  private readonly organizationsApi = inject(OrganizationsApi);

  /** The organisation's id, from the route. */
  readonly id = input.required<string>();

  protected readonly organizations = dataResource(() => this.organizationsApi.list());
  protected readonly name = computed(() => this.organizations.value()?.find((o) => o.id === this.id())?.name ?? '');
  /** The stored settings; null when the organisation has no provider. */
  protected readonly provider = dataResource(
    () => this.id(),
    (id) =>
      this.api
        .provider(id)
        .pipe(catchError((e: unknown) => (e instanceof HttpErrorResponse && e.status === 404 ? of(null) : throwError(() => e)))),
  );
  protected readonly done = signal<string | null>(null);
  protected readonly testing = signal(false);
  protected readonly tested = signal<IdentityProviderTestResponse | null>(null);
  protected readonly testProblem = signal<ApiProblem | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    issuer: ['', notBlank],
    clientId: ['', notBlank],
    clientSecret: [''],
    emailDomains: [''],
    scopes: [''],
    acrValues: [''],
    allowPassword: [true],
    createUnknownUsers: [false],
  });
  protected readonly feedback = formFeedback(this.form, {
    refusedHeading: 'singleSignOn.failedHeading',
    errors: () => {
      const { issuer, clientId, clientSecret, emailDomains } = this.form.controls;
      const domains = words(emailDomains.value.toLowerCase());
      return {
        issuer: issuer.hasError('required') ? 'singleSignOn.issuerRequired' : null,
        clientId: clientId.hasError('required') ? 'singleSignOn.clientIdRequired' : null,
        clientSecret: !this.provider.value() && clientSecret.value.trim() === '' ? 'singleSignOn.clientSecretRequired' : null,
        emailDomains:
          domains.length === 0
            ? 'singleSignOn.emailDomainsRequired'
            : domains.some((d) => !DOMAIN.test(d.replace(/^@/, '')))
              ? 'singleSignOn.emailDomainsInvalid'
              : null,
        scopes: null,
        acrValues: null,
      };
    },
  });

  constructor() {
    // The form shows what is stored, once it is known.
    effect(() => {
      const stored = this.provider.value();
      if (stored) this.fill(stored);
    });
  }

  protected save(): void {
    const v = this.form.getRawValue();
    const stored = this.provider.value();
    this.feedback.submit(
      () =>
        this.api.saveProvider(this.id(), {
          issuer: v.issuer.trim(),
          clientId: v.clientId.trim(),
          ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
          emailDomains: words(v.emailDomains.toLowerCase()).map((d) => d.replace(/^@/, '')),
          scopes: words(v.scopes),
          acrValues: words(v.acrValues),
          allowPassword: v.allowPassword,
          createUnknownUsers: v.createUnknownUsers,
          ...(stored ? { version: stored.version } : {}),
        }),
      (saved) => {
        this.provider.set(saved);
        this.form.controls.clientSecret.setValue('');
        this.done.set(this.i18n.t('singleSignOn.saved'));
      },
    );
  }

  protected test(): void {
    if (this.testing()) return;
    this.testing.set(true);
    this.tested.set(null);
    this.testProblem.set(null);
    this.api.testProvider(this.id(), this.form.controls.issuer.value.trim()).subscribe({
      next: (found) => {
        this.testing.set(false);
        this.tested.set(found);
      },
      error: (e: unknown) => {
        this.testing.set(false);
        this.testProblem.set(toApiProblem(e));
      },
    });
  }

  protected remove(): void {
    this.api.removeProvider(this.id()).subscribe({
      next: () => {
        this.provider.set(null);
        this.form.reset();
        this.done.set(this.i18n.t('singleSignOn.removed'));
      },
      error: (e: unknown) => this.testProblem.set(toApiProblem(e)),
    });
  }

  private fill(p: IdentityProviderResponse): void {
    this.form.patchValue({
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: '',
      emailDomains: p.emailDomains.join(' '),
      scopes: p.scopes.join(' '),
      acrValues: p.acrValues.join(' '),
      allowPassword: p.allowPassword,
      createUnknownUsers: p.createUnknownUsers,
    });
  }
}
