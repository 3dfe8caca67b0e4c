import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { OrganizationResponse } from '@samspill/contracts';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationForm } from './organization-form';
import { OrganizationsApi } from './organizations-api';

@Component({
  selector: 'sp-organizations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, OrganizationForm],
  templateUrl: './organizations-page.html',
  styleUrl: './organizations-page.css',
})
export class OrganizationsPage {
  private readonly api = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(Auth);

  protected readonly canCreate = computed(() => this.auth.can('organizations:create'));
  protected readonly organizations = dataResource(() => this.api.list());

  /** Sorted by the current language's alphabet (æ, ø, å come last in Norwegian). */
  protected readonly rows = computed(() => {
    const list = this.organizations.value();
    return list
      ? [...list]
          .sort((a, b) => this.i18n.compare(a.name, b.name))
          .map((organization) => ({
            ...organization,
            kindName: this.i18n.t(`kinds.${organization.kind}`),
            countryName: this.i18n.t(`countries.${organization.country}`),
          }))
      : undefined;
  });

  protected added(organization: OrganizationResponse): void {
    this.organizations.update((list) => [...list, organization]);
  }
}
