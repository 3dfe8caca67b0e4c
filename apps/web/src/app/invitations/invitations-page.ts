import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import type { InvitationResponse } from '@samspill/contracts';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey, MessageParams } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { InvitationsApi } from './invitations-api';
import { InviteForm } from './invite-form';

/** Invite by e-mail, and keep track: those waiting (resend, withdraw) and those whose link ran out (resend). */
@Component({
  selector: 'sp-invitations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, RouterLink, InviteForm],
  templateUrl: './invitations-page.html',
  styleUrl: './invitations-page.css',
})
export class InvitationsPage {
  private readonly api = inject(InvitationsApi);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focus = focusAfterRender();

  protected readonly pending = dataResource(() => this.api.list('pending'));
  protected readonly expired = dataResource(() => this.api.list('expired'));
  protected readonly pendingRows = computed(() => this.pending.value()?.map((i) => this.row(i)));
  protected readonly expiredRows = computed(() => this.expired.value()?.map((i) => this.row(i)));

  /** What the last action did, or why it failed, in words. */
  protected readonly message = signal<{ key: MessageKey; params?: MessageParams; failed: boolean } | null>(null);
  protected readonly busy = signal<string | null>(null);

  protected invited(invitation: InvitationResponse): void {
    this.pending.update((list) => [invitation, ...list]);
  }

  protected resend(invitation: InvitationResponse): void {
    this.act(invitation, this.api.resend(invitation.id), (updated) => {
      this.expired.update((list) => list.filter((i) => i.id !== updated.id));
      this.pending.update((list) => [updated, ...list.filter((i) => i.id !== updated.id)]);
      this.message.set({
        key: updated.mailSent ? 'invitations.resent' : 'invitations.resentNotSent',
        params: { email: updated.email },
        failed: !updated.mailSent,
      });
    });
  }

  protected withdraw(invitation: InvitationResponse): void {
    this.act(invitation, this.api.withdraw(invitation.id), () => {
      this.pending.update((list) => list.filter((i) => i.id !== invitation.id));
      this.expired.update((list) => list.filter((i) => i.id !== invitation.id));
      this.message.set({ key: 'invitations.withdrawn', params: { email: invitation.email }, failed: false });
    });
  }

  private act<T>(invitation: InvitationResponse, request: Observable<T>, done: (value: T) => void): void {
    if (this.busy()) return;
    this.busy.set(invitation.id);
    this.message.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => {
        this.busy.set(null);
        done(value);
        this.focus('#invitations-message');
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.message.set({ key: toApiProblem(error).key, failed: true });
        this.focus('#invitations-message');
      },
    });
  }

  private row(invitation: InvitationResponse) {
    return {
      ...invitation,
      roleName: this.i18n.t(`roles.${invitation.role}`),
      expiresText: this.i18n.formatDate(invitation.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
    };
  }
}
