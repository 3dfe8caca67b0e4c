import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { OrganizationResponse } from '@samspill/contracts';
import { Auth } from '../core/auth/auth';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationForm } from './organization-form';
import { OrganizationsApi } from './organizations-api';

type Load = { state: 'loading' } | { state: 'failed'; problem: ApiProblem } | { state: 'loaded' };

@Component({
  selector: 'sp-organizations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, OrganizationForm],
  templateUrl: './organizations-page.html',
  styleUrl: './organizations-page.css',
})
export class OrganizationsPage {
  private readonly api = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);

  private readonly auth = inject(Auth);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canCreate = computed(() => this.auth.can('organizations:create'));
  protected readonly load = signal<Load>({ state: 'loading' });
  private readonly organizations = signal<OrganizationResponse[]>([]);

  protected readonly problem = computed(() => {
    const load = this.load();
    return load.state === 'failed' ? load.problem : null;
  });

  /** Sorted by the current language's alphabet (æ, ø, å come last in Norwegian). */
  protected readonly rows = computed(() =>
    [...this.organizations()]
      .sort((a, b) => this.i18n.compare(a.name, b.name))
      .map((organization) => ({
        ...organization,
        kindName: this.i18n.t(`kinds.${organization.kind}`),
        countryName: this.i18n.t(`countries.${organization.country}`),
      })),
  );

  constructor() {
    this.fetch();
  }

  protected fetch(): void {
    this.load.set({ state: 'loading' });
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (organizations) => {
          this.organizations.set(organizations);
          this.load.set({ state: 'loaded' });
        },
        error: (error: unknown) => this.load.set({ state: 'failed', problem: toApiProblem(error) }),
      });
  }

  protected added(organization: OrganizationResponse): void {
    this.organizations.update((list) => [...list, organization]);
  }
}
