import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { NotificationEvent, NotificationItem } from '@samspill/contracts';
import { Subject, firstValueFrom } from 'rxjs';
import { Auth } from '../core/auth/auth';
import { I18n } from '../core/i18n/i18n';
import { EventStreamParser, type ServerEvent } from './event-stream';

const STREAM_URL = '/api/notifications/stream';
/** Waits before reconnecting: 1 s, 2 s, 4 s … at most 30 s, so a restarting API is not hammered. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/**
 * A burst of notifications (a digest of changes, someone mentioning many at once) is not read out one by one: the
 * first is announced at once, the rest that arrive within this window in one sentence when it closes.
 */
const ANNOUNCE_WINDOW_MS = 2_000;

/**
 * The signed-in person's notifications as they happen: the unread count for the bell, each new one for the
 * pages that show them, and a sentence for the polite live region. It reads `/api/notifications/stream`
 * with fetch() and a stream reader rather than EventSource, because the API wants the access token in the
 * Authorization header like every other request (and EventSource cannot send headers). It reconnects on
 * its own after a dropped connection, renewing the token when the API answers 401; each connection starts
 * with a `ready` event that says the unread count again, so nothing missed meanwhile leaves the bell wrong.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);

  private readonly unreadCount = signal(0);
  private readonly announcementText = signal('');
  private readonly arrivals = new Subject<NotificationItem>();
  private controller: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private announceTimer: ReturnType<typeof setTimeout> | null = null;
  /** Arrived while the announcement window was open: how many, and the latest. */
  private held: { count: number; text: string } | null = null;

  /** For the bell. */
  readonly unread = this.unreadCount.asReadonly();
  /** For an aria-live="polite" region: what just arrived, in a sentence (a burst in one, see ANNOUNCE_WINDOW_MS). */
  readonly announcement = this.announcementText.asReadonly();
  /** Each notification as it arrives. */
  readonly arrived = this.arrivals.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Opens the stream (once; calling again while it is open does nothing). */
  start(): void {
    if (this.controller || this.retryTimer || typeof fetch !== 'function') return;
    void this.connect();
  }

  /** Closes the stream, e.g. at sign-out. */
  stop(): void {
    this.controller?.abort();
    this.controller = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.failures = 0;
    this.unreadCount.set(0);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.announceTimer = null;
    this.held = null;
  }

  /** A page that fetched the list (or marked some read) knows the count the server has now. */
  setUnread(count: number): void {
    this.unreadCount.set(count);
  }

  private async connect(renewed = false): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await fetch(STREAM_URL, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${this.auth.accessToken() ?? ''}` },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401 && !renewed) {
        const token = await firstValueFrom(this.auth.refresh());
        if (controller.signal.aborted) return;
        if (!token) {
          this.controller = null;
          return; // signed out: the next request sends the person to sign in
        }
        return this.connect(true);
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new EventStreamParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.failures = 0;
        for (const event of parser.feed(decoder.decode(value, { stream: true }))) this.handle(event);
      }
    } catch {
      // A dropped connection or a refused one: try again below, unless the page closed it on purpose.
    }
    if (controller.signal.aborted) return;
    this.controller = null;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failures);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private handle(event: ServerEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (event.event === 'ready' && isCount(data)) {
      this.unreadCount.set(data.unread);
    } else if (event.event === 'notification' && isNotificationEvent(data)) {
      this.unreadCount.set(data.unread);
      this.announce(data.item.text);
      this.arrivals.next(data.item);
    }
  }

  private announce(text: string): void {
    if (this.announceTimer) {
      this.held = { count: (this.held?.count ?? 0) + 1, text };
      return;
    }
    this.announcementText.set(this.i18n.t('talk.notifications.arrived', { text }));
    this.openAnnounceWindow();
  }

  private openAnnounceWindow(): void {
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      const held = this.held;
      this.held = null;
      if (!held) return;
      this.announcementText.set(
        held.count === 1
          ? this.i18n.t('talk.notifications.arrived', { text: held.text })
          : this.i18n.t('talk.notifications.arrivedMore', { count: held.count, text: held.text }),
      );
      this.openAnnounceWindow();
    }, ANNOUNCE_WINDOW_MS);
  }
}

function isCount(data: unknown): data is { unread: number } {
  return typeof data === 'object' && data !== null && typeof (data as { unread?: unknown }).unread === 'number';
}

function isNotificationEvent(data: unknown): data is NotificationEvent {
  return isCount(data) && typeof (data as { item?: { text?: unknown } }).item?.text === 'string';
}
