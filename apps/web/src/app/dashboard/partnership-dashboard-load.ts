import { Injector, type Signal, afterNextRender, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import type { PartnershipDashboard } from '@samspill/contracts';
import { Subject, catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import { RouteFocus } from '../core/layout/route-focus';
import { DashboardApi } from './dashboard-api';

export type DashboardLoad =
  | { state: 'loading' }
  | { state: 'notFound' }
  | { state: 'failed'; problem: ApiProblem }
  | { state: 'loaded'; dashboard: PartnershipDashboard };

/**
 * The partnership dashboard for the route's `:id`: one request, started as
 * soon as the page is created, and again when the id changes or on retry.
 * The API answers 404 to outsiders (and 400 to an id that is no id), so both
 * read as "not found": an outsider learns nothing about the partnership.
 * Call in an injection context.
 */
export function partnershipDashboardLoad(): { load: Signal<DashboardLoad>; retry: () => void } {
  const api = inject(DashboardApi);
  const retries = new Subject<void>();
  const ids = inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? ''));
  const load = toSignal(
    combineLatest([ids, retries.pipe(startWith(undefined))]).pipe(
      switchMap(([id]) =>
        api.partnership(id).pipe(
          map((dashboard): DashboardLoad => ({ state: 'loaded', dashboard })),
          catchError((error: unknown) => {
            const problem = toApiProblem(error);
            return of<DashboardLoad>(
              problem.status === 404 || problem.status === 400 ? { state: 'notFound' } : { state: 'failed', problem },
            );
          }),
          startWith<DashboardLoad>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as DashboardLoad },
  );
  whenNotFound(load);
  return { load, retry: () => retries.next() };
}

/** The page turns into the not-found page: say so in the title, and start reading at its heading. */
function whenNotFound(load: Signal<DashboardLoad>): void {
  const i18n = inject(I18n);
  const title = inject(Title);
  const routeFocus = inject(RouteFocus);
  const injector = inject(Injector);
  let focused = false;
  effect(() => {
    const notFound = load().state === 'notFound';
    if (!notFound) {
      focused = false;
      return;
    }
    // Reads the locale too, so the title follows a change of language.
    title.setTitle(`${i18n.t('titles.notFound')} – ${i18n.t('app.name')}`);
    if (!focused) afterNextRender({ read: () => routeFocus.focusMain() }, { injector });
    focused = true;
  });
}
