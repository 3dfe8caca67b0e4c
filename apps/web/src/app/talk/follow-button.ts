import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { FollowEntityType } from '@samspill/contracts';
import { dataResource } from '../core/data/data-resource';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { TalkApi, type ThreadOf } from './talk-api';

/**
 * Follow or unfollow a project, practice or partnership: an on/off switch («Følg prosjektet», `role="switch"`
 * with `aria-checked`) — a setting of one's own, not a change to the thing — with a line that says what
 * following means, and a polite announcement when it changes. Until the API has said whether the
 * person follows, nothing is shown (a wrong state would be worse than none).
 */
@Component({
  selector: 'sp-follow-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--ds-size-2) var(--ds-size-3);
    }
    .mark {
      display: inline-block;
      width: 1em;
      text-align: center;
    }
    p {
      margin: 0;
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
  `,
  template: `
    @if (state.value(); as state) {
      <button
        type="button"
        role="switch"
        class="ds-button"
        data-size="sm"
        [attr.data-variant]="state.following ? 'primary' : 'secondary'"
        [attr.aria-checked]="state.following"
        [attr.aria-describedby]="noteId()"
        [attr.aria-disabled]="pending() ? true : null"
        (click)="toggle(state.following)"
      >
        <span class="mark" aria-hidden="true">{{ state.following ? '✓' : '+' }}</span>
        {{ label() | t }}
      </button>
      <p [id]="noteId()">{{ (state.following ? 'talk.follow.followingNote' : 'talk.follow.notFollowingNote') | t }}</p>
    }
    @if (problem(); as problem) {
      <p class="ds-validation-message" data-field="validation" role="alert">{{ problem | t }}</p>
    }
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
  `,
})
export class FollowButton {
  private readonly api = inject(TalkApi);
  private readonly i18n = inject(I18n);

  readonly entityType = input.required<FollowEntityType>();
  readonly entityId = input.required<string>();

  private readonly thing = computed<ThreadOf>(() => ({ entityType: this.entityType(), entityId: this.entityId() }));
  protected readonly state = dataResource(
    () => this.thing(),
    (thing) => this.api.followState(thing),
  );
  protected readonly label = computed((): MessageKey => `talk.follow.labels.${this.entityType()}`);
  protected readonly noteId = computed(() => `follow-note-${this.entityId()}`);
  protected readonly pending = signal(false);
  protected readonly problem = signal<MessageKey | null>(null);
  protected readonly announcement = signal('');

  protected toggle(following: boolean): void {
    if (this.pending()) return;
    this.pending.set(true);
    this.problem.set(null);
    const request = following ? this.api.unfollow(this.thing()) : this.api.follow(this.thing());
    request.subscribe({
      next: () => {
        this.pending.set(false);
        this.state.set({ following: !following });
        this.announcement.set(this.i18n.t(following ? 'talk.follow.unfollowed' : 'talk.follow.followed'));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.problem.set(toApiProblem(error).key);
      },
    });
  }
}
