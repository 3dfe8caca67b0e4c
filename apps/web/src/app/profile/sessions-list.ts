import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import type { SessionResponse } from '@samspill/contracts';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey, MessageParams } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { deviceName } from './device-name';
import { ProfileApi } from './profile-api';

/** Where one is signed in: sign out one device (another one, or this) or everywhere. */
@Component({
  selector: 'sp-sessions-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .message:empty {
      display: none;
    }
  `,
  template: `
    <div class="message" id="sessions-message" tabindex="-1" role="status">
      @if (message(); as message) {
        <p class="ds-validation-message" [attr.data-color]="message.failed ? 'danger' : 'success'">{{ message.key | t: message.params }}</p>
      }
    </div>
    @if (rows(); as rows) {
      <div class="table-wrap" role="region" tabindex="0" [attr.aria-label]="'profile.sessionsCaption' | t">
        <table class="ds-table" data-border data-color="neutral">
          <thead>
            <tr>
              <th scope="col">{{ 'profile.device' | t }}</th>
              <th scope="col">{{ 'profile.started' | t }}</th>
              <th scope="col">{{ 'profile.lastUsed' | t }}</th>
              <th scope="col">
                <span class="ds-sr-only">{{ 'profile.sessionActions' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (session of rows; track session.id) {
              <tr>
                <th scope="row">
                  {{ session.device }}
                  @if (session.current) {
                    <span class="ds-tag" data-color="info">{{ 'profile.thisDevice' | t }}</span>
                  }
                </th>
                <td>{{ session.startedText }}</td>
                <td>{{ session.lastUsedText }}</td>
                <td>
                  <button
                    type="button"
                    class="ds-button"
                    data-variant="tertiary"
                    data-size="sm"
                    [id]="'end-session-' + session.id"
                    [attr.aria-disabled]="busy() ? true : null"
                    (click)="end(session)"
                  >
                    {{ 'profile.signOutSession' | t: { device: session.device, started: session.startedText } }}
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <div>
        <button type="button" class="ds-button" data-variant="secondary" [attr.aria-disabled]="busy() ? true : null" (click)="endAll()">
          {{ 'profile.signOutEverywhere' | t }}
        </button>
        <p class="ds-paragraph" data-size="sm">{{ 'profile.signOutEverywhereHint' | t }}</p>
      </div>
    } @else {
      <sp-load-status [data]="sessions" loadingText="profile.loadingSessions" failedHeading="profile.sessionsFailedHeading" />
    }
  `,
})
export class SessionsList {
  private readonly api = inject(ProfileApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focus = focusAfterRender();

  protected readonly sessions = dataResource(() => this.api.sessions());
  protected readonly rows = computed(() => this.sessions.value()?.map((s) => this.row(s)));
  protected readonly message = signal<{ key: MessageKey; params?: MessageParams; failed: boolean } | null>(null);
  protected readonly busy = signal(false);

  protected end(session: ReturnType<SessionsList['row']>): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    this.api
      .endSession(session.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          if (session.current) return this.signedOut();
          this.sessions.update((list) => list.filter((s) => s.id !== session.id));
          this.message.set({ key: 'profile.signedOutSession', params: { device: session.device }, failed: false });
          this.focus('#sessions-message');
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  protected endAll(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    this.api
      .endAllSessions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: () => this.signedOut(), error: (error: unknown) => this.failed(error) });
  }

  /** This device's session has ended too: to the sign-in page, which says so. */
  private signedOut(): void {
    this.auth.clear();
    void this.router.navigate(['/sign-in'], { queryParams: { reason: 'expired' } });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.message.set({ key: toApiProblem(error).key, failed: true });
    this.focus('#sessions-message');
  }

  private row(session: SessionResponse) {
    const named = deviceName(session.userAgent);
    const format = (at: string) => this.i18n.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      ...session,
      device: named ? this.i18n.t('profile.deviceOn', named) : (session.userAgent ?? this.i18n.t('profile.unknownDevice')),
      startedText: format(session.createdAt),
      lastUsedText: format(session.lastUsedAt),
    };
  }
}
