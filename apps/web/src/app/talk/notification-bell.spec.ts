import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NotificationItem } from '@samspill/contracts';
import { NotificationBell } from './notification-bell';
import { NotificationCenter } from './notification-center';
import { find, setUpTalk } from './talk.testing';

/** A response whose body hands out the given chunks, then waits (an open stream) until the test ends it. */
function streamResponse(status: number, chunks: string[] = []) {
  const encoder = new TextEncoder();
  let end: () => void = () => undefined;
  const ended = new Promise<{ done: true; value: undefined }>((resolve) => (end = () => resolve({ done: true, value: undefined })));
  const queue = chunks.map((chunk) => encoder.encode(chunk));
  return {
    response: {
      status,
      ok: status >= 200 && status < 300,
      body: { getReader: () => ({ read: () => (queue.length > 0 ? Promise.resolve({ done: false, value: queue.shift() }) : ended) }) },
    },
    end,
  };
}

const ITEM: NotificationItem = {
  id: 'n1',
  kind: 'mention',
  text: 'Lise Leder nevnte deg i «Tavlemøter i hjemmetjenesten».',
  link: '/projects/pr1#comment-c1',
  createdAt: '2026-11-20T09:15:00.000Z',
  readAt: null,
};

describe('NotificationBell and NotificationCenter', () => {
  let backend: HttpTestingController;
  const realFetch = (globalThis as { fetch?: unknown }).fetch;

  beforeEach(async () => {
    backend = await setUpTalk();
  });

  afterEach(() => {
    TestBed.inject(NotificationCenter).stop();
    (globalThis as { fetch?: unknown }).fetch = realFetch;
    backend.verify();
  });

  async function settle(times = 10): Promise<void> {
    for (let i = 0; i < times; i++) await Promise.resolve();
    TestBed.tick();
  }

  it('names the unread count, and says politely what arrives on the stream', async () => {
    const open = streamResponse(200, [
      ': heartbeat\n\n',
      'event: ready\ndata: {"unread":2}\n\n',
      `event: notification\ndata: ${JSON.stringify({ item: ITEM, unread: 3 })}\n\n`,
    ]);
    const fetch = jest.fn().mockResolvedValue(open.response);
    (globalThis as { fetch?: unknown }).fetch = fetch;

    const fixture = TestBed.createComponent(NotificationBell);
    const host = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    const link = find(host, 'a');
    expect(link.getAttribute('aria-label')).toBe('Varsler, ingen uleste');

    const arrived: NotificationItem[] = [];
    const center = TestBed.inject(NotificationCenter);
    center.arrived.subscribe((item) => arrived.push(item));
    center.start();
    await settle();

    expect(fetch).toHaveBeenCalledWith(
      '/api/notifications/stream',
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer token' }) }),
    );
    expect(link.getAttribute('aria-label')).toBe('Varsler, 3 uleste');
    expect(host.querySelector('.count')?.textContent?.trim()).toBe('3');
    expect(host.querySelector('[aria-live="polite"]')?.textContent).toContain('Nytt varsel: Lise Leder nevnte deg');
    expect(arrived).toEqual([ITEM]);
    open.end();
  });

  it('reconnects after the stream drops, and renews the token once on a 401', async () => {
    jest.useFakeTimers();
    try {
      const refused = streamResponse(401);
      const first = streamResponse(200, ['event: ready\ndata: {"unread":1}\n\n']);
      const second = streamResponse(200, ['event: ready\ndata: {"unread":4}\n\n']);
      const fetch = jest
        .fn()
        .mockResolvedValueOnce(refused.response)
        .mockResolvedValueOnce(first.response)
        .mockResolvedValueOnce(second.response);
      (globalThis as { fetch?: unknown }).fetch = fetch;

      const center = TestBed.inject(NotificationCenter);
      center.start();
      await settle();
      backend.expectOne('/api/auth/refresh').flush({
        accessToken: 'renewed',
        expiresIn: 900,
        user: { id: 'u1', email: 'kari@gran.kommune.no', name: 'Kari Nordmann', role: 'staff', organization: null, locale: 'nb' },
      });
      await settle();
      expect(fetch).toHaveBeenLastCalledWith(
        '/api/notifications/stream',
        expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer renewed' }) }),
      );
      expect(center.unread()).toBe(1);

      first.end();
      await settle();
      expect(fetch).toHaveBeenCalledTimes(2);
      jest.advanceTimersByTime(1_000);
      await settle();
      expect(fetch).toHaveBeenCalledTimes(3);
      expect(center.unread()).toBe(4);
      second.end();
    } finally {
      jest.useRealTimers();
    }
  });

  it('announces the first of a burst at once and the rest in one sentence, not one by one', async () => {
    jest.useFakeTimers();
    try {
      const event = (id: string, text: string, unread: number) =>
        `event: notification\ndata: ${JSON.stringify({ item: { ...ITEM, id, text }, unread })}\n\n`;
      const open = streamResponse(200, [
        event('n1', 'Lise Leder nevnte deg.', 1),
        event('n2', 'Lars Ansatt svarte deg.', 2),
        event('n3', 'Kari Nordmann svarte deg.', 3),
      ]);
      (globalThis as { fetch?: unknown }).fetch = jest.fn().mockResolvedValue(open.response);
      const fixture = TestBed.createComponent(NotificationBell);
      const live = () => (fixture.nativeElement as HTMLElement).querySelector('[aria-live="polite"]')?.textContent?.trim();
      TestBed.inject(NotificationCenter).start();
      await settle();
      expect(live()).toBe('Nytt varsel: Lise Leder nevnte deg.');

      jest.advanceTimersByTime(2_000);
      TestBed.tick();
      expect(live()).toBe('2 nye varsler til. Det siste: Kari Nordmann svarte deg.');
      open.end();
    } finally {
      jest.useRealTimers();
    }
  });
});
