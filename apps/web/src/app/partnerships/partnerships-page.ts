import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PartnershipResponse } from '@samspill/contracts';
import { canCreatePartnership } from '@samspill/domain';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipForm } from './partnership-form';
import { PartnershipsApi } from './partnerships-api';

/** The partnerships the person may see, and (for leaders and admins) a form to start one. */
@Component({
  selector: 'sp-partnerships-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, PartnershipForm],
  templateUrl: './partnerships-page.html',
  styleUrl: './partnerships-page.css',
})
export class PartnershipsPage {
  private readonly api = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  protected readonly partnerships = dataResource(() => this.api.list());
  protected readonly canCreate = computed(() => canCreatePartnership(this.actor()));
  protected readonly createdName = signal<string | null>(null);

  protected readonly cards = computed(() => {
    const list = this.partnerships.value();
    return list
      ? [...list]
          .sort((a, b) => this.i18n.compare(a.name, b.name))
          .map((p) => ({
            id: p.id,
            name: p.name,
            members: p.members.map((m) => m.name).join(', '),
            focusAreas: p.focusAreas.map((f) => f.name).join(', '),
            visibility: this.i18n.t(`partnerships.visibilities.${p.visibility}`),
          }))
      : undefined;
  });

  protected created(partnership: PartnershipResponse): void {
    this.createdName.set(partnership.name);
    this.partnerships.update((list) => [...list, partnership]);
  }
}
