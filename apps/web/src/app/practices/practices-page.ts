import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { SEARCH_MAX_LENGTH } from '@samspill/contracts/values';
import { map } from 'rxjs';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { counted } from '../dashboard/counted';
import { PracticesApi } from './practices-api';

const PAGE = 20;

/** Every practice on the platform, searched in any Nordic language, newest first; staff and leaders can share one. */
@Component({
  selector: 'sp-practices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus, RouterLink, TranslatePipe],
  templateUrl: './practices-page.html',
  styleUrl: './practices-page.css',
})
export class PracticesPage {
  private readonly api = inject(PracticesApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly actor = injectActor();

  protected readonly search = toSignal(
    this.route.queryParamMap.pipe(
      map((query) => {
        const offset = Number(query.get('offset') ?? '0');
        return {
          q: (query.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH),
          offset: Number.isInteger(offset) && offset > 0 && offset <= 1_000_000 ? offset : 0,
        };
      }),
    ),
    { requireSync: true },
  );
  protected readonly practices = dataResource(
    () => this.search(),
    ({ q, offset }) => this.api.list({ ...(q ? { q } : {}), limit: PAGE, offset }),
  );
  /** Staff and leaders share for their own organisation, an admin for any. */
  protected readonly canShare = computed(() => {
    const { role, organizationId } = this.actor();
    return role === 'admin' || ((role === 'staff' || role === 'leader') && organizationId !== null);
  });

  protected readonly resultText = computed(() => {
    const list = this.practices.value();
    if (!list) return '';
    return counted(this.i18n, list.total, {
      zero: 'learning.practices.resultsZero',
      one: 'learning.practices.resultsOne',
      other: 'learning.practices.resultsOther',
    });
  });
  protected readonly items = computed(() =>
    (this.practices.value()?.items ?? []).map((p) => ({
      ...p,
      owner: this.i18n.t('learning.practices.by', {
        organization: p.organization.name,
        country: this.i18n.t(`countries.${p.organization.country}`),
      }),
      adopted: counted(this.i18n, p.adoptionCount, {
        zero: 'learning.practices.adoptedZero',
        one: 'learning.practices.adoptedOne',
        other: 'learning.practices.adoptedOther',
      }),
    })),
  );
  protected readonly previous = computed(() => (this.search().offset > 0 ? Math.max(0, this.search().offset - PAGE) : null));
  protected readonly next = computed(() => {
    const list = this.practices.value();
    const next = this.search().offset + PAGE;
    return list && next < list.total ? next : null;
  });

  protected queryFor(offset: number) {
    return { q: this.search().q || null, offset: offset || null };
  }

  protected find(event: Event, q: string): void {
    event.preventDefault();
    void this.router.navigate([], { relativeTo: this.route, queryParams: { q: q.trim() || null, offset: null } });
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }
}
