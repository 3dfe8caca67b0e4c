import { type Signal, computed, effect, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { type ApiProblem, toApiProblem } from '../http/api-error';

/** What a component fetched, as signals; see core/README.md. */
export interface DataResource<T> {
  /** Undefined while it first loads (or loads for new params) and after a failure; a reload keeps the old value. */
  readonly value: Signal<T | undefined>;
  /** Why the last fetch failed, as a message key and status; null otherwise. */
  readonly problem: Signal<ApiProblem | null>;
  /** Fetches again, quietly (the old value stays on screen); `then` runs once the new value is in. */
  reload(then?: () => void): void;
  /** Shows what the page already knows (the answer to a save) without asking the server. */
  set(value: T): void;
  update(change: (value: T) => T): void;
}

/**
 * Fetches with Angular's `rxResource`: again whenever `params` changes (an
 * older request still under way is cancelled), not at all while it is
 * undefined. Call in an injection context, e.g. a field initialiser:
 *
 *   protected readonly partnership = dataResource(() => this.id(), (id) => this.api.get(id));
 *   protected readonly organizations = dataResource(() => this.api.list());
 */
export function dataResource<T>(fetch: () => Observable<T>): DataResource<T>;
export function dataResource<P, T>(params: () => P | undefined, fetch: (params: P) => Observable<T>): DataResource<T>;
export function dataResource<P, T>(
  paramsOrFetch: (() => P | undefined) | (() => Observable<T>),
  fetch?: (params: P) => Observable<T>,
): DataResource<T> {
  const resource = fetch
    ? rxResource({ params: paramsOrFetch as () => P | undefined, stream: ({ params }) => fetch(params) })
    : rxResource({ stream: paramsOrFetch as () => Observable<T> });

  const value = computed(() => (resource.hasValue() ? resource.value() : undefined));
  const problem = computed(() => (resource.status() === 'error' ? toApiProblem(resource.error()) : null));

  // Callbacks of reload(), run once the fetch they waited for has landed (and dropped if it failed).
  let waiting: (() => void)[] = [];
  effect(() => {
    const status = resource.status();
    if (status === 'loading' || status === 'reloading') return;
    const run = waiting;
    waiting = [];
    if (status === 'resolved' || status === 'local') untracked(() => run.forEach((then) => then()));
  });

  return {
    value,
    problem,
    reload: (then) => {
      if (then) waiting.push(then);
      resource.reload();
    },
    set: (next) => resource.set(next),
    update: (change) => {
      const current = untracked(value);
      if (current !== undefined) resource.set(change(current));
    },
  };
}
