import { DestroyRef, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type Observable, Subject, catchError, map, of, switchMap } from 'rxjs';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';

/** What a page knows about something it fetches. */
export type Load<T> = { state: 'loading' } | { state: 'failed'; problem: ApiProblem } | { state: 'loaded'; value: T };

export function loadedValue<T>(load: Load<T>): T | null {
  return load.state === 'loaded' ? load.value : null;
}

/**
 * Fetches into a `Load` signal. A newer fetch cancels an older one still
 * under way (the route's id changed, or an action asked for fresh data),
 * and a quiet reload keeps showing the old value instead of a spinner.
 */
export interface FetchOptions {
  /** Keep showing the old value while fetching. */
  quiet?: boolean;
  /** Called once the new value is in the signal, e.g. to move focus to something in it. */
  then?: () => void;
}

export class Loader<K, T> {
  private readonly requests = new Subject<{ key: K; options: FetchOptions }>();
  private key: { value: K } | null = null;

  constructor(
    readonly load: WritableSignal<Load<T>>,
    fetch: (key: K) => Observable<T>,
    destroyRef: DestroyRef,
  ) {
    this.requests
      .pipe(
        switchMap(({ key, options }) => {
          if (!options.quiet || this.load().state !== 'loaded') this.load.set({ state: 'loading' });
          return fetch(key).pipe(
            map((value): Load<T> => ({ state: 'loaded', value })),
            catchError((error: unknown) => of<Load<T>>({ state: 'failed', problem: toApiProblem(error) })),
            map((load) => ({ load, then: options.then })),
          );
        }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(({ load, then }) => {
        this.load.set(load);
        if (load.state === 'loaded') then?.();
      });
  }

  fetch(key: K, options: FetchOptions = {}): void {
    this.key = { value: key };
    this.requests.next({ key, options });
  }

  /** Fetches the last key again, quietly unless told otherwise. */
  reload(options: FetchOptions = {}): void {
    if (this.key) this.fetch(this.key.value, { quiet: true, ...options });
  }
}
