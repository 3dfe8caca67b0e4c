import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { Practice } from '@samspill/contracts';
import { of } from 'rxjs';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from '../organizations/organizations-api';
import { PracticeForm } from './practice-form';
import { PracticesApi } from './practices-api';

/** Shares a practice; `?basedOn=<id>` starts it as built on that one. */
@Component({
  selector: 'sp-practice-new-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus, PracticeForm, TranslatePipe],
  template: `
    <div class="page-intro">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'learning.practices.newHeading' | t }}</h1>
      <p class="ds-paragraph">{{ 'learning.practices.newIntro' | t }}</p>
    </div>
    @if (ready()) {
      <sp-practice-form
        [organizations]="organizations.value() ?? []"
        [buildOn]="origin.value() ?? null"
        (saved)="open($event)"
        (cancelled)="back()"
      />
    } @else if (basedOn()) {
      <sp-load-status [data]="origin" />
    } @else {
      <sp-load-status [data]="organizations" />
    }
  `,
})
export class PracticeNewPage {
  private readonly api = inject(PracticesApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly router = inject(Router);
  private readonly actor = injectActor();

  /** The query parameter `basedOn`, bound by the router. */
  readonly basedOn = input<string>();

  protected readonly origin = dataResource(
    () => this.basedOn() || undefined,
    (id) => this.api.get(id),
  );
  /** Only an admin chooses the owner; everyone else shares for their own organisation. */
  protected readonly organizations = dataResource(() => (this.actor().role === 'admin' ? this.organizationsApi.list() : of([])));
  protected readonly ready = computed(
    () => this.organizations.value() !== undefined && (!this.basedOn() || this.origin.value() !== undefined),
  );

  protected open(practice: Practice): void {
    void this.router.navigate(['/practices', practice.id]);
  }

  protected back(): void {
    void this.router.navigate(['/practices']);
  }
}
