import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { Comment, CommentRevision } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { TalkApi } from './talk-api';

/**
 * One comment as written (text bound, so shown escaped, line breaks kept), who wrote it, when, whom it
 * mentions, and the actions the person may take. A deleted comment stays as a placeholder, so the replies
 * under it keep their context.
 */
@Component({
  selector: 'sp-comment-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-2);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--ds-size-2);
      margin: 0;
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
    .author {
      color: var(--ds-color-neutral-text-default);
      font-weight: var(--ds-font-weight-semibold);
    }
    .text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .deleted {
      margin: 0;
      font-style: italic;
      color: var(--ds-color-neutral-text-subtle);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
    }
    .revisions {
      margin: 0;
      padding-left: var(--ds-size-4);
      border-left: 3px solid var(--ds-color-neutral-border-subtle);
    }
  `,
  template: `
    @let c = comment();
    @if (c.deleted) {
      <p class="deleted">{{ 'talk.thread.deletedPlaceholder' | t }}</p>
    } @else {
      <p class="meta">
        <span class="author">{{ c.author.name }}</span>
        <span>{{ c.organization.name }}</span>
        <time [attr.datetime]="c.createdAt">{{ written() }}</time>
        @if (c.editedAt; as editedAt) {
          <span
            >({{ 'talk.thread.edited' | t }}<span class="ds-sr-only"> {{ date(editedAt) }}</span
            >)</span
          >
        }
      </p>
      <p class="text">{{ c.text }}</p>
      @if (c.mentions.length > 0) {
        <p class="meta">{{ 'talk.thread.mentioned' | t }}: {{ mentioned() }}</p>
      }
      @if (c.editedAt && revisionsOpen()) {
        @if (revisions(); as earlier) {
          <div class="revisions" [id]="'revisions-' + c.id">
            <p class="meta">{{ 'talk.thread.revisionsHeading' | t }}</p>
            @for (revision of earlier; track revision.replacedAt) {
              <p class="text">{{ revision.text }}</p>
              <p class="meta">{{ 'talk.thread.replacedAt' | t: { date: date(revision.replacedAt) } }}</p>
            }
          </div>
        }
      }
    }
    @if (actionsShown()) {
      <div class="actions">
        @if (canReply()) {
          <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" (click)="reply.emit()">
            {{ 'talk.thread.reply' | t }}<span class="ds-sr-only"> {{ 'talk.thread.to' | t: { name: c.author.name } }}</span>
          </button>
        }
        @if (own()) {
          <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" (click)="edit.emit()">
            {{ 'talk.thread.edit' | t }}<span class="ds-sr-only"> {{ 'talk.thread.yourComment' | t: { date: written() } }}</span>
          </button>
        }
        @if (own() || moderate()) {
          <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" data-color="danger" (click)="remove.emit()">
            {{ 'talk.thread.delete' | t
            }}<span class="ds-sr-only">
              {{ (own() ? 'talk.thread.yourComment' : 'talk.thread.theirComment') | t: { name: c.author.name, date: written() } }}</span
            >
          </button>
        }
        @if (c.editedAt && !c.deleted) {
          <button
            type="button"
            class="ds-button"
            data-variant="tertiary"
            data-size="sm"
            [attr.aria-expanded]="revisionsOpen()"
            [attr.aria-controls]="revisionsOpen() ? 'revisions-' + c.id : null"
            (click)="toggleRevisions()"
          >
            {{ 'talk.thread.showRevisions' | t }}
          </button>
        }
      </div>
    }
  `,
})
export class CommentItem {
  private readonly i18n = inject(I18n);
  private readonly api = inject(TalkApi);

  readonly comment = input.required<Comment>();
  readonly canReply = input(false);
  /** The person wrote it (and it is not deleted): they may reword or delete it. */
  readonly own = input(false);
  /** An admin moderates: they may delete anyone's comment, and write none. */
  readonly moderate = input(false);
  readonly reply = output();
  readonly edit = output();
  readonly remove = output();

  protected readonly revisions = signal<CommentRevision[] | null>(null);
  protected readonly revisionsOpen = signal(false);
  protected readonly written = computed(() => this.date(this.comment().createdAt));
  protected readonly mentioned = computed(() =>
    this.comment()
      .mentions.map((person) => person.name)
      .join(', '),
  );
  protected readonly actionsShown = computed(
    () => this.canReply() || this.own() || this.moderate() || (this.comment().editedAt !== null && !this.comment().deleted),
  );

  protected date(value: string): string {
    return this.i18n.formatDate(value, { dateStyle: 'long', timeStyle: 'short' });
  }

  /** Earlier wordings, fetched the first time they are asked for. */
  protected toggleRevisions(): void {
    this.revisionsOpen.update((open) => !open);
    if (this.revisions() !== null) return;
    this.api
      .revisions(this.comment().id)
      .subscribe({ next: (revisions) => this.revisions.set(revisions), error: () => this.revisions.set([]) });
  }
}
