import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { MarkReadDto, NotificationItem } from '@samspill/contracts';
import { map } from 'rxjs';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { NotificationCenter } from './notification-center';
import { TalkApi } from './talk-api';

export const NOTIFICATIONS_PER_PAGE = 20;

/** A notification's `link` as the router takes it: the path, and the comment after `#`. */
export function routeOf(link: string): { path: string; fragment: string | undefined } {
  const hash = link.indexOf('#');
  return hash === -1 ? { path: link, fragment: undefined } : { path: link.slice(0, hash), fragment: link.slice(hash + 1) || undefined };
}

/**
 * Every notification, newest first, a page at a time: unread ones marked, each with a link to the thing
 * (following it marks it read), mark one or all read, and only the unread on request. New ones arrive on
 * the first page as they happen.
 */
@Component({
  selector: 'sp-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, RouterLink],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-6);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--ds-size-3) var(--ds-size-6);
    }
    .list {
      display: grid;
      gap: var(--ds-size-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--ds-size-2) var(--ds-size-4);
      padding: var(--ds-size-3) var(--ds-size-4);
      border: 1px solid var(--ds-color-neutral-border-subtle);
      border-radius: var(--ds-border-radius-md);
    }
    .list li.unread {
      border-left: 4px solid var(--ds-color-accent-base-default);
      background: var(--ds-color-accent-background-tinted);
    }
    .body {
      display: grid;
      gap: var(--ds-size-1);
      min-width: 0;
      flex: 1 1 16rem;
    }
    .body p {
      margin: 0;
    }
    .meta {
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
    .text {
      overflow-wrap: anywhere;
    }
    .paging {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--ds-size-3);
    }
  `,
  template: `
    <div class="page-intro">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'talk.notifications.heading' | t }}</h1>
      <p class="ds-paragraph">{{ 'talk.notifications.intro' | t }}</p>
      <p>
        <a class="ds-link" routerLink="/profile" fragment="notification-settings">{{ 'talk.notifications.settingsLink' | t }}</a>
      </p>
    </div>

    <div class="tools">
      <div class="ds-field">
        <input
          class="ds-input"
          type="checkbox"
          id="unread-only"
          [checked]="unreadOnly()"
          (change)="showUnreadOnly($any($event.target).checked)"
        />
        <label class="ds-label" for="unread-only">{{ 'talk.notifications.unreadOnly' | t }}</label>
      </div>
      <p class="ds-paragraph" id="unread-count">{{ 'talk.notifications.unreadCount' | t: { count: center.unread() } }}</p>
      @if (center.unread() > 0) {
        <button id="mark-all" type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="markAll()">
          {{ 'talk.notifications.markAllRead' | t }}
        </button>
      }
    </div>
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
    @if (problem(); as problem) {
      <p class="ds-validation-message" data-field="validation" role="alert">{{ problem | t }}</p>
    }

    @if (list.value(); as page) {
      <ul class="list" id="notifications">
        @for (item of page.items; track item.id) {
          <li [class.unread]="!item.readAt">
            <div class="body">
              <p class="meta">
                @if (!item.readAt) {
                  <strong>{{ 'talk.notifications.unread' | t }}</strong> ·
                }
                {{ kind(item) }} · <time [attr.datetime]="item.createdAt">{{ date(item.createdAt) }}</time>
              </p>
              <p class="text">
                <a
                  class="ds-link"
                  [id]="'link-' + item.id"
                  [routerLink]="route(item).path"
                  [fragment]="route(item).fragment"
                  (click)="opened(item)"
                  >{{ item.text }}</a
                >
              </p>
            </div>
            @if (!item.readAt) {
              <button
                type="button"
                class="ds-button"
                data-variant="tertiary"
                data-size="sm"
                [id]="'read-' + item.id"
                (click)="markOne(item)"
              >
                {{ 'talk.notifications.markRead' | t }}<span class="ds-sr-only">: {{ item.text }}</span>
              </button>
            }
          </li>
        } @empty {
          <li>{{ (unreadOnly() ? 'talk.notifications.emptyUnread' : 'talk.notifications.empty') | t }}</li>
        }
      </ul>
      @if (offset() > 0 || page.more) {
        <nav class="paging" [attr.aria-label]="'talk.notifications.paging' | t">
          @if (offset() > 0) {
            <button type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="turn(-1)">
              {{ 'talk.notifications.previous' | t }}
            </button>
          }
          <span>{{ 'talk.notifications.page' | t: { page: pageNumber() } }}</span>
          @if (page.more) {
            <button type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="turn(1)">
              {{ 'talk.notifications.next' | t }}
            </button>
          }
        </nav>
      }
    } @else {
      <sp-load-status [data]="list" loadingText="talk.notifications.loading" />
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(TalkApi);
  private readonly i18n = inject(I18n);
  private readonly focus = focusAfterRender();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly center = inject(NotificationCenter);

  protected readonly unreadOnly = signal(false);
  protected readonly offset = signal(0);
  protected readonly pageNumber = computed(() => this.offset() / NOTIFICATIONS_PER_PAGE + 1);
  protected readonly announcement = signal('');
  protected readonly problem = signal<MessageKey | null>(null);

  /** One more than a page is asked for: if it comes, there is a next page. */
  protected readonly list = dataResource(
    () => ({ unread: this.unreadOnly(), offset: this.offset() }),
    ({ unread, offset }) =>
      this.api.notifications({ unread, offset, limit: NOTIFICATIONS_PER_PAGE + 1 }).pipe(
        map((answer) => ({
          items: answer.items.slice(0, NOTIFICATIONS_PER_PAGE),
          more: answer.items.length > NOTIFICATIONS_PER_PAGE,
          unread: answer.unread,
        })),
      ),
  );

  constructor() {
    effect(() => {
      const page = this.list.value();
      if (page) untracked(() => this.center.setUnread(page.unread));
    });
    // A new one belongs at the top of the first page.
    this.center.arrived.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.offset() === 0) this.list.reload();
    });
  }

  protected kind(item: NotificationItem): string {
    return this.i18n.t(`talk.notifications.kinds.${item.kind}`);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
  }

  protected route(item: NotificationItem): { path: string; fragment: string | undefined } {
    return routeOf(item.link);
  }

  protected showUnreadOnly(only: boolean): void {
    this.unreadOnly.set(only);
    this.offset.set(0);
  }

  protected turn(direction: 1 | -1): void {
    this.offset.update((offset) => Math.max(0, offset + direction * NOTIFICATIONS_PER_PAGE));
    this.focus('h1');
  }

  /** Following a notification's link marks it read; the navigation does not wait for that. */
  protected opened(item: NotificationItem): void {
    if (!item.readAt) this.send({ ids: [item.id] }, null, () => this.center.setUnread(Math.max(0, this.center.unread() - 1)));
  }

  protected markOne(item: NotificationItem): void {
    // Focus stays with the notification (its button is gone), or goes to the heading if it left the list.
    this.send({ ids: [item.id] }, 'talk.notifications.markedRead', () =>
      this.focus(() => this.host.querySelector<HTMLElement>(`[id="link-${item.id}"]`) ?? this.host.querySelector('h1')),
    );
  }

  protected markAll(): void {
    this.send({ all: true }, 'talk.notifications.allMarkedRead', () => this.focus('h1'));
  }

  private send(which: MarkReadDto, message: MessageKey | null, then?: () => void): void {
    this.problem.set(null);
    this.api.markRead(which).subscribe({
      next: () => {
        // Following a link leaves the page: only the bell's count is left to mend.
        if (!message) return then?.();
        this.announcement.set(this.i18n.t(message));
        this.list.reload(then);
      },
      error: (error: unknown) => this.problem.set(toApiProblem(error).key),
    });
  }
}
