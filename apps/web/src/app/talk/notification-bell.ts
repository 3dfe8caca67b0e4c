import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { NotificationCenter } from './notification-center';

/**
 * The bell in the top bar: a link to the notifications whose accessible name carries the unread count
 * («Varsler, 3 uleste»), the count drawn on it, and a polite live region that says what has just arrived.
 */
@Component({
  selector: 'sp-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  styles: `
    :host {
      display: inline-flex;
    }
    a {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 2.75rem;
      min-height: 2.75rem;
      border-radius: var(--ds-border-radius-md);
      color: var(--ds-color-neutral-text-default);
    }
    a:hover {
      background: var(--ds-color-neutral-surface-hover);
    }
    a.active {
      box-shadow: inset 0 -3px 0 var(--ds-color-accent-base-default);
    }
    svg {
      width: 1.5rem;
      height: 1.5rem;
    }
    .count {
      position: absolute;
      top: 0.1rem;
      right: 0.1rem;
      min-width: 1.25rem;
      padding: 0 0.3rem;
      border-radius: var(--ds-border-radius-full);
      background: var(--ds-color-danger-base-default);
      color: var(--ds-color-danger-base-contrast-default);
      font-size: 0.75rem;
      font-weight: var(--ds-font-weight-semibold);
      line-height: 1.25rem;
      text-align: center;
    }
  `,
  template: `
    <a routerLink="/notifications" routerLinkActive="active" ariaCurrentWhenActive="page" [attr.aria-label]="label()">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z"
        />
      </svg>
      @if (center.unread() > 0) {
        <span class="count" aria-hidden="true">{{ shown() }}</span>
      }
    </a>
    <div class="ds-sr-only" aria-live="polite" aria-atomic="true">{{ center.announcement() }}</div>
  `,
})
export class NotificationBell {
  private readonly i18n = inject(I18n);
  protected readonly center = inject(NotificationCenter);

  protected readonly shown = computed(() => {
    const count = this.center.unread();
    return count > 99 ? '99+' : this.i18n.formatNumber(count);
  });
  protected readonly label = computed(() => {
    const count = this.center.unread();
    return count > 0
      ? this.i18n.t('talk.notifications.bellLabel', { count: this.i18n.formatNumber(count) })
      : this.i18n.t('talk.notifications.bellLabelNone');
  });
}
