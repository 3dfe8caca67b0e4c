import { DOCUMENT, ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AuditEntityType, AuditQuery } from '@samspill/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@samspill/contracts/values';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { downloadName, saveBlob } from '../dashboard/download';
import { OrganizationsApi } from '../organizations/organizations-api';
import { AuditApi } from './audit-api';
import { fieldChanges } from './audit-changes';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface AuditFilter {
  action: string;
  entityType: AuditEntityType | '';
  organizationId: string;
  from: string;
  to: string;
}
const NO_FILTER: AuditFilter = { action: '', entityType: '', organizationId: '', from: '', to: '' };

/** The audit trail with filters, pages and a CSV download: all of it for admins, a leader's organisation's part for leaders. */
@Component({
  selector: 'sp-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.css',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focus = focusAfterRender();

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly ownOrganization = computed(() => this.auth.user()?.organization?.name ?? '');
  protected readonly filter = signal<AuditFilter>(NO_FILTER);
  protected readonly page = signal(0);
  protected readonly dateError = signal(false);
  protected readonly query = computed<AuditQuery>(() => {
    const f = this.filter();
    return {
      ...(f.action ? { action: f.action } : {}),
      ...(f.entityType ? { entityType: f.entityType } : {}),
      ...(f.organizationId ? { organizationId: f.organizationId } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      limit: PAGE_SIZE,
      offset: this.page() * PAGE_SIZE,
    };
  });
  protected readonly trail = dataResource(
    () => this.query(),
    (query) => this.api.list(query),
  );
  private readonly organizations = dataResource(
    () => (this.isAdmin() ? true : undefined),
    () => this.organizationsApi.list(),
  );
  protected readonly organizationOptions = computed(() =>
    [...(this.organizations.value() ?? [])].sort((a, b) => this.i18n.compare(a.name, b.name)),
  );
  protected readonly actions = computed(() =>
    AUDIT_ACTIONS.map((action) => ({ id: action, name: this.i18n.t(`audit.actions.${action}`) })),
  );
  protected readonly entityTypes = computed(() =>
    AUDIT_ENTITY_TYPES.map((type) => ({ id: type, name: this.i18n.t(`audit.entityTypes.${type}`) })),
  );

  protected readonly rows = computed(() =>
    this.trail.value()?.items.map((entry) => ({
      ...entry,
      when: this.i18n.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'medium' }),
      what: (AUDIT_ACTIONS as readonly string[]).includes(entry.action)
        ? this.i18n.t(`audit.actions.${entry.action as (typeof AUDIT_ACTIONS)[number]}`)
        : entry.action,
      changes: fieldChanges(entry.before, entry.after),
    })),
  );
  protected readonly range = computed(() => {
    const list = this.trail.value();
    if (!list || list.items.length === 0) return null;
    const from = this.page() * PAGE_SIZE + 1;
    return { from, to: from + list.items.length - 1, total: list.total };
  });
  protected readonly hasNext = computed(() => {
    const range = this.range();
    return range !== null && range.to < range.total;
  });

  protected readonly downloading = signal(false);
  protected readonly downloadFailure = signal<MessageKey | null>(null);

  protected apply(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const [from, to] = [text('from'), text('to')];
    if ((from && !DAY.test(from)) || (to && !DAY.test(to))) {
      this.dateError.set(true);
      this.focus('#audit-from');
      return;
    }
    this.dateError.set(false);
    this.filter.set({
      action: text('action'),
      entityType: text('entityType') as AuditFilter['entityType'],
      organizationId: text('organizationId'),
      from,
      to,
    });
    this.page.set(0);
  }

  protected goTo(page: number): void {
    this.page.set(page);
    this.focus('#audit-range');
  }

  protected download(): void {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadFailure.set(null);
    this.api
      .csv(this.query())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (blob) => {
          this.downloading.set(false);
          saveBlob(this.document, blob, downloadName('samspill-logg', this.ownOrganization() || 'alle', 'csv'));
        },
        error: (error: unknown) => {
          this.downloading.set(false);
          this.downloadFailure.set(toApiProblem(error).key);
        },
      });
  }
}
