import { RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { OrganizationResponse } from '@samspill/contracts';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { MergeForm } from './merge-form';
import { OrganizationEditor } from './organization-editor';
import { OrganizationForm } from './organization-form';
import { OrganizationsApi } from './organizations-api';

@Component({
  selector: 'sp-organizations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, OrganizationForm, OrganizationEditor, MergeForm, RouterLink],
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

  // --- issue 10: admins correct an organisation and record mergers ---
  private readonly focus = focusAfterRender();
  protected readonly canManage = computed(() => this.auth.can('organizations:update'));
  /** The organisation being edited or merged, and how. */
  protected readonly managing = signal<{ organization: OrganizationResponse; action: 'edit' | 'merge' } | null>(null);
  protected readonly done = signal<string | null>(null);

  protected manage(organization: OrganizationResponse, action: 'edit' | 'merge'): void {
    this.done.set(null);
    this.managing.set({ organization, action });
    this.focus(action === 'edit' ? '#organization-manage input' : '#organization-manage select');
  }

  protected finish(changed?: OrganizationResponse): void {
    const current = this.managing();
    this.managing.set(null);
    if (changed) {
      this.organizations.update((list) => list.map((o) => (o.id === changed.id ? changed : o)));
      this.done.set(
        changed.successor && current?.action === 'merge'
          ? this.i18n.t('organizationAdmin.merged', { name: changed.name, successor: changed.successor.name })
          : this.i18n.t('organizationAdmin.saved', { name: changed.name }),
      );
    }
    // After a merger the merge button is gone: back to the organisation's edit button.
    if (current) this.focus(`#${changed?.successor ? 'edit' : current.action}-${current.organization.id}`);
  }
}
