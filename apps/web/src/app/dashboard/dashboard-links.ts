import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PartnershipResponse } from '@samspill/contracts';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from '../partnerships/partnerships-api';

/** The home page lists only a few; the overview has them all. */
const SHOWN = 6;

/**
 * The way in from the home page: politicians go straight to the plain view of
 * each partnership they are in; everyone else to the overview and each
 * partnership's figures.
 */
@Component({
  selector: 'sp-dashboard-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  styles: `
    .links {
      display: grid;
      gap: var(--ds-size-3);
      padding: var(--ds-size-6);
      border: 1px solid var(--ds-color-neutral-border-subtle);
      border-radius: var(--ds-border-radius-lg);
    }
    .list {
      display: grid;
      gap: var(--ds-size-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .politician .ds-link {
      font-size: var(--ds-body-lg-font-size);
      font-weight: var(--ds-font-weight-semibold);
    }
  `,
  template: `
    @if (politician()) {
      @if (links().length > 0) {
        <section class="links politician" aria-labelledby="dashboard-links-heading">
          <h2 class="ds-heading" data-size="sm" id="dashboard-links-heading">{{ 'politician.homeHeading' | t }}</h2>
          <p class="ds-paragraph">{{ 'politician.homeIntro' | t }}</p>
          <ul class="list">
            @for (link of links(); track link.id) {
              <li>
                <a class="ds-link" [routerLink]="['/partnerships', link.id, 'politician']">{{
                  'politician.homeLink' | t: { name: link.name }
                }}</a>
              </li>
            }
          </ul>
        </section>
      }
    } @else {
      <section class="links" aria-labelledby="dashboard-links-heading">
        <h2 class="ds-heading" data-size="sm" id="dashboard-links-heading">{{ 'dashboard.links.heading' | t }}</h2>
        <p class="ds-paragraph">{{ 'dashboard.links.intro' | t }}</p>
        <ul class="list">
          <li>
            <a class="ds-link" routerLink="/overview">{{ 'dashboard.links.overview' | t }}</a>
          </li>
          @for (link of links(); track link.id) {
            <li>
              <a class="ds-link" [routerLink]="['/partnerships', link.id, 'dashboard']">{{
                'dashboard.links.partnership' | t: { name: link.name }
              }}</a>
            </li>
          }
        </ul>
      </section>
    }
  `,
})
export class DashboardLinks {
  private readonly api = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly user = inject(Auth).user;
  // The list is not paged: for an admin, who sees every partnership and belongs to none, it is all cost and no use.
  // Without it the overview link still leads on, so a failure is not worth a message here.
  private readonly partnerships = dataResource(
    () => (this.user()?.role === 'admin' ? undefined : this.user()?.id),
    () => this.api.list(),
  );

  protected readonly politician = computed(() => this.user()?.role === 'politician');
  /** The person's own partnerships first, then those open to the whole platform. */
  protected readonly links = computed(() => {
    const own = this.user()?.organization?.id;
    const isMember = (p: PartnershipResponse) => (p.members.some((m) => m.id === own) ? 0 : 1);
    return [...(this.partnerships.value() ?? [])]
      .sort((a, b) => isMember(a) - isMember(b) || this.i18n.compare(a.name, b.name))
      .slice(0, SHOWN)
      .map(({ id, name }) => ({ id, name }));
  });
}
