import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { type Load, Loader } from './load';

describe('Loader', () => {
  function setup() {
    const requests = new Map<string, Subject<string>>();
    const load = signal<Load<string>>({ state: 'loading' });
    const loader = TestBed.runInInjectionContext(
      () =>
        new Loader(
          load,
          (key: string) => {
            const subject = new Subject<string>();
            requests.set(key, subject);
            return subject;
          },
          TestBed.inject(DestroyRef),
        ),
    );
    const answer = (key: string, value: string) => {
      requests.get(key)?.next(value);
      requests.get(key)?.complete();
    };
    return { load, loader, requests, answer };
  }

  it('keeps only the newest fetch: an older answer arriving late is ignored', () => {
    const { load, loader, answer } = setup();
    loader.fetch('a');
    loader.fetch('b');
    answer('a', 'stale');
    expect(load()).toEqual({ state: 'loading' });
    answer('b', 'fresh');
    expect(load()).toEqual({ state: 'loaded', value: 'fresh' });
  });

  it('reloads quietly, keeping the old value on screen, then calls back', () => {
    const { load, loader, answer } = setup();
    loader.fetch('a');
    answer('a', 'first');
    const then = jest.fn();
    loader.reload({ then });
    expect(load()).toEqual({ state: 'loaded', value: 'first' });
    expect(then).not.toHaveBeenCalled();
    answer('a', 'second');
    expect(load()).toEqual({ state: 'loaded', value: 'second' });
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('turns a failure into a problem with a sentence, not a status number', () => {
    const { load, loader, requests } = setup();
    loader.fetch('a');
    requests
      .get('a')
      ?.error(new HttpErrorResponse({ status: 404, error: { statusCode: 404, code: 'NOT_FOUND', message: 'No such partnership.' } }));
    expect(load()).toMatchObject({ state: 'failed', problem: { key: 'errors.codes.NOT_FOUND', status: 404 } });
  });
});
