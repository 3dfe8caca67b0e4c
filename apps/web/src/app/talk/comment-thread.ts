import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import type { Comment, FollowEntityType } from '@samspill/contracts';
import { type PartnershipScope, canWriteInThread } from '@samspill/domain';
import { injectActor } from '../core/auth/actor';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { CommentForm } from './comment-form';
import { CommentItem } from './comment-item';
import { TalkApi, type ThreadOf } from './talk-api';
import { threadView } from './thread-view';

/** What the person is doing in the thread: answering or rewording a comment, or making sure of a deletion. */
type Action = { kind: 'reply' | 'edit' | 'delete'; id: string } | null;

/**
 * The discussion next to a project, practice or partnership: comments oldest first, replies (one level) under
 * the comment they answer, the person's own comments to reword or delete, and a form at the end for those who
 * write (politicians read). A link to `#comment-<id>` (from a notification) moves focus to that comment.
 */
@Component({
  selector: 'sp-comment-thread',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TranslatePipe, LoadStatus, CommentForm, CommentItem],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-5);
    }
    .thread,
    .replies {
      display: grid;
      gap: var(--ds-size-4);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .replies {
      margin-top: var(--ds-size-3);
      padding-left: var(--ds-size-5);
      border-left: 3px solid var(--ds-color-accent-border-subtle);
    }
    article {
      display: grid;
      gap: var(--ds-size-2);
      padding: var(--ds-size-3) var(--ds-size-4);
      border-radius: var(--ds-border-radius-md);
      background: var(--ds-color-neutral-background-tinted);
    }
    article:focus {
      outline: 2px solid var(--ds-color-accent-border-strong);
    }
    .confirm {
      display: grid;
      gap: var(--ds-size-2);
      justify-items: start;
    }
    .confirm div {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
    }
    .new {
      display: grid;
      gap: var(--ds-size-3);
    }
  `,
  template: `
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
    @if (comments.value(); as list) {
      <ol class="thread" [attr.aria-label]="'talk.thread.heading' | t">
        @for (entry of view(); track entry.comment.id) {
          <li>
            <ng-container *ngTemplateOutlet="one; context: { $implicit: entry.comment, top: true }" />
            @if (action()?.kind === 'reply' && action()?.id === entry.comment.id) {
              <div class="replies">
                <sp-comment-form
                  [thread]="thread()"
                  [parent]="entry.comment"
                  [cancellable]="true"
                  [autofocus]="true"
                  (saved)="saved($event, 'talk.thread.replied')"
                  (cancelled)="cancel(entry.comment.id)"
                />
              </div>
            }
            @if (entry.replies.length > 0) {
              <ol class="replies" [attr.aria-label]="'talk.thread.repliesTo' | t: { name: entry.comment.author.name }">
                @for (reply of entry.replies; track reply.id) {
                  <li><ng-container *ngTemplateOutlet="one; context: { $implicit: reply, top: false }" /></li>
                }
              </ol>
            }
          </li>
        } @empty {
          <li>{{ 'talk.thread.empty' | t }}</li>
        }
      </ol>
    } @else {
      <sp-load-status [data]="comments" loadingText="talk.thread.loading" />
    }

    @if (canWrite()) {
      <div class="new">
        <h3 class="ds-heading" data-size="2xs" [id]="formHeadingId()">{{ 'talk.thread.newHeading' | t }}</h3>
        <sp-comment-form [thread]="thread()" (saved)="saved($event, 'talk.thread.added')" />
      </div>
    } @else {
      <p class="ds-paragraph">{{ readOnlyNote() | t }}</p>
    }

    <ng-template #one let-comment let-top="top">
      <article [id]="'comment-' + comment.id" tabindex="-1">
        @if (action()?.kind === 'edit' && action()?.id === comment.id) {
          <sp-comment-form
            [thread]="thread()"
            [comment]="comment"
            [cancellable]="true"
            [autofocus]="true"
            (saved)="saved($event, 'talk.thread.saved')"
            (cancelled)="cancel(comment.id)"
          />
        } @else {
          <sp-comment-item
            [comment]="comment"
            [canReply]="top && canWrite() && !comment.deleted"
            [own]="isOwn(comment)"
            [moderate]="actor().role === 'admin' && !comment.deleted"
            (reply)="act('reply', comment.id)"
            (edit)="act('edit', comment.id)"
            (remove)="act('delete', comment.id)"
          />
        }
        @if (action()?.kind === 'delete' && action()?.id === comment.id) {
          <div class="confirm" role="group" [attr.aria-labelledby]="'confirm-' + comment.id">
            <p class="ds-paragraph" [id]="'confirm-' + comment.id">{{ 'talk.thread.confirmDelete' | t }}</p>
            @if (deleteProblem(); as problem) {
              <p class="ds-validation-message" data-field="validation">{{ problem | t }}</p>
            }
            <div>
              <button
                type="button"
                class="ds-button"
                data-color="danger"
                data-size="sm"
                [id]="'confirm-delete-' + comment.id"
                (click)="remove(comment)"
              >
                {{ 'talk.thread.confirmDeleteYes' | t }}
              </button>
              <button type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="cancel(comment.id)">
                {{ 'form.cancel' | t }}
              </button>
            </div>
          </div>
        }
      </article>
    </ng-template>
  `,
})
export class CommentThread {
  private readonly api = inject(TalkApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly focus = focusAfterRender();

  readonly entityType = input.required<FollowEntityType>();
  readonly entityId = input.required<string>();
  /** The partnership of the project, or the partnership itself; null for a practice (published to everyone). */
  readonly partnership = input<PartnershipScope | null>(null);
  /** The thread as the API last answered, for what the page shows beside it (questions from the floor). */
  readonly loaded = output<Comment[]>();

  protected readonly thread = computed<ThreadOf>(() => ({ entityType: this.entityType(), entityId: this.entityId() }));
  protected readonly comments = dataResource(
    () => this.thread(),
    (thread) => this.api.comments(thread),
  );
  protected readonly view = computed(() => threadView(this.comments.value() ?? []));
  protected readonly actor = injectActor();
  /** Who may see the thing may read; who may write comes from the shared policy (the API decides with the same rule). */
  protected readonly canWrite = computed(
    () => this.auth.user() !== null && canWriteInThread(this.actor(), { type: this.entityType(), partnership: this.partnership() }),
  );
  protected readonly readOnlyNote = computed(() => {
    const role = this.actor().role;
    return role === 'politician'
      ? 'talk.thread.readOnly'
      : role === 'admin'
        ? 'talk.thread.readOnlyAdmin'
        : ('talk.thread.readOnlyOutside' as const);
  });
  protected readonly formHeadingId = computed(() => `new-comment-${this.entityId()}`);
  protected readonly action = signal<Action>(null);
  protected readonly deleteProblem = signal<ReturnType<typeof toApiProblem>['key'] | null>(null);
  protected readonly announcement = signal('');

  private readonly fragment = toSignal(inject(ActivatedRoute).fragment, { initialValue: null });

  constructor() {
    effect(() => {
      const list = this.comments.value();
      if (list) untracked(() => this.loaded.emit(list));
    });
    // Arriving from a notification's link: once the comment is on screen, take the person to it.
    effect(() => {
      const fragment = this.fragment();
      const list = this.comments.value();
      if (fragment?.startsWith('comment-') && list?.some((comment) => `comment-${comment.id}` === fragment)) {
        untracked(() =>
          this.focus(() => {
            const target = this.document.getElementById(fragment);
            target?.scrollIntoView({ block: 'center' });
            return target;
          }),
        );
      }
    });
  }

  protected isOwn(comment: Comment): boolean {
    return !comment.deleted && this.canWrite() && comment.author.id === this.auth.user()?.id;
  }

  protected act(kind: 'reply' | 'edit' | 'delete', id: string): void {
    this.deleteProblem.set(null);
    this.action.set({ kind, id });
    if (kind === 'delete') this.focus(`#confirm-delete-${id}`);
  }

  protected cancel(id: string): void {
    this.action.set(null);
    this.focus(`#comment-${id}`);
  }

  protected saved(comment: Comment, message: 'talk.thread.added' | 'talk.thread.replied' | 'talk.thread.saved'): void {
    this.action.set(null);
    this.announcement.set(this.i18n.t(message));
    this.comments.reload(() => this.focus(`#comment-${comment.id}`));
  }

  protected remove(comment: Comment): void {
    this.api.deleteComment(comment.id).subscribe({
      next: () => {
        this.action.set(null);
        this.announcement.set(this.i18n.t('talk.thread.removed'));
        this.comments.reload(() => this.focus(`#comment-${comment.id}`));
      },
      error: (error: unknown) => this.deleteProblem.set(toApiProblem(error).key),
    });
  }
}
