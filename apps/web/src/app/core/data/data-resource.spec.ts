import { HttpErrorResponse } from '@angular/common/http';
import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { dataResource } from './data-resource';

describe('dataResource', () => {
  function setup() {
    const requests = new Map<string, Subject<string>>();
    const key = signal('a');
    const data = TestBed.runInInjectionContext(() =>
      dataResource(
        () => key(),
        (k: string) => {
          const subject = new Subject<string>();
          requests.set(k, subject);
          return subject;
        },
      ),
    );
    /** Lets the resource start its fetch, or take in an answer (it lands a microtask later). */
    const settle = async () => {
      TestBed.tick();
      await Promise.resolve();
      await Promise.resolve();
      TestBed.tick();
    };
    const answer = async (k: string, value: string) => {
      requests.get(k)?.next(value);
      requests.get(k)?.complete();
      await settle();
    };
    return { key, data, requests, answer, settle };
  }

  afterEach(async () => TestBed.inject(ApplicationRef).whenStable());

  it('keeps only the newest fetch: an older answer arriving late is ignored', async () => {
    const { key, data, answer, settle } = setup();
    await settle();
    key.set('b');
    await settle();
    await answer('a', 'stale');
    expect(data.value()).toBeUndefined();
    await answer('b', 'fresh');
    expect(data.value()).toBe('fresh');
  });

  it('reloads quietly, keeping the old value on screen, then calls back', async () => {
    const { data, answer, settle } = setup();
    await settle();
    await answer('a', 'first');
    const then = jest.fn();
    data.reload(then);
    await settle();
    expect(data.value()).toBe('first');
    expect(then).not.toHaveBeenCalled();
    await answer('a', 'second');
    expect(data.value()).toBe('second');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('turns a failure into a problem with a sentence, not a status number', async () => {
    const { data, requests, settle } = setup();
    await settle();
    requests
      .get('a')
      ?.error(new HttpErrorResponse({ status: 404, error: { statusCode: 404, code: 'NOT_FOUND', message: 'No such partnership.' } }));
    await settle();
    expect(data.value()).toBeUndefined();
    expect(data.problem()).toMatchObject({ key: 'errors.codes.NOT_FOUND', status: 404 });
  });

  it('shows what a save answered without fetching', async () => {
    const { data, requests, answer, settle } = setup();
    await settle();
    await answer('a', 'first');
    data.update((value) => `${value}, edited`);
    await settle();
    expect(data.value()).toBe('first, edited');
    expect(requests.size).toBe(1);
  });
});
