import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { UserResponse } from '@samspill/contracts';
import { ROLES } from '@samspill/contracts/values';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { OrganizationsApi } from '../organizations/organizations-api';
import { PeopleApi } from './people-api';
import { NO_FILTER, PAGE_SIZE, type PeopleFilter, peopleQuery } from './people-query';
import { PersonEditor } from './person-editor';

/** The user list: search, filters and pages; admins see everyone, a leader their own organisation's people. */
@Component({
  selector: 'sp-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, RouterLink, PersonEditor],
  templateUrl: './people-page.html',
  styleUrl: './people-page.css',
})
export class PeoplePage {
  private readonly api = inject(PeopleApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly focus = focusAfterRender();

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly ownOrganization = computed(() => this.auth.user()?.organization?.name ?? '');
  protected readonly canInvite = computed(() => this.auth.can('invitations:manage'));

  protected readonly filter = signal<PeopleFilter>(NO_FILTER);
  protected readonly page = signal(0);
  protected readonly people = dataResource(
    () => peopleQuery(this.filter(), this.page()),
    (query) => this.api.list(query),
  );
  /** Admins filter by organisation; a leader's list is their organisation already. */
  private readonly organizations = dataResource(
    () => (this.isAdmin() ? true : undefined),
    () => this.organizationsApi.list(),
  );
  protected readonly organizationOptions = computed(() =>
    [...(this.organizations.value() ?? [])].sort((a, b) => this.i18n.compare(a.name, b.name)),
  );
  protected readonly roles = computed(() => ROLES.map((role) => ({ id: role, name: this.i18n.t(`roles.${role}`) })));

  protected readonly rows = computed(() =>
    this.people.value()?.items.map((person) => ({
      ...person,
      roleName: this.i18n.t(`roles.${person.role}`),
      self: person.id === this.me(),
    })),
  );
  protected readonly range = computed(() => {
    const list = this.people.value();
    if (!list || list.items.length === 0) return null;
    const from = this.page() * PAGE_SIZE + 1;
    return { from, to: from + list.items.length - 1, total: list.total };
  });
  protected readonly hasNext = computed(() => {
    const range = this.range();
    return range !== null && range.to < range.total;
  });

  protected readonly editing = signal<UserResponse | null>(null);
  protected readonly savedName = signal<string | null>(null);

  protected search(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    this.filter.set({
      q: text('q'),
      organizationId: text('organizationId'),
      role: text('role') as PeopleFilter['role'],
      active: text('active') as PeopleFilter['active'],
    });
    this.page.set(0);
    this.editing.set(null);
  }

  protected goTo(page: number): void {
    this.page.set(page);
    this.editing.set(null);
    this.focus('#people-range');
  }

  protected edit(person: UserResponse): void {
    this.savedName.set(null);
    this.editing.set(person);
    this.focus('#person-editor input');
  }

  protected stopEditing(saved?: UserResponse): void {
    const person = this.editing();
    this.editing.set(null);
    if (saved) {
      this.people.update((list) => ({ ...list, items: list.items.map((p) => (p.id === saved.id ? saved : p)) }));
      this.savedName.set(saved.name);
    }
    if (person) this.focus(`#edit-${person.id}`);
  }
}
