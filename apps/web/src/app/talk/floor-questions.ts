import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Comment } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { floorQuestions } from './thread-view';

/**
 * "Questions from the floor" on a platform partnership: what people of other organisations asked in its
 * thread, each marked answered (someone of the partnership replied) or not, with a link to it in the thread.
 */
@Component({
  selector: 'sp-floor-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-3);
    }
    ul {
      display: grid;
      gap: var(--ds-size-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      gap: var(--ds-size-1);
      padding: var(--ds-size-3) var(--ds-size-4);
      border-left: 4px solid var(--ds-color-neutral-border-default);
      background: var(--ds-color-neutral-background-tinted);
    }
    li.answered {
      border-left-color: var(--ds-color-success-border-default);
    }
    p {
      margin: 0;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
  `,
  template: `
    <p class="ds-paragraph">{{ 'talk.floor.intro' | t }}</p>
    @if (questions().length > 0) {
      <p class="ds-paragraph">{{ 'talk.floor.summary' | t: { total: questions().length, open: open() } }}</p>
      <ul>
        @for (question of questions(); track question.comment.id) {
          @let c = question.comment;
          <li [class.answered]="question.answers > 0">
            <p>
              <span class="ds-tag" [attr.data-color]="question.answers > 0 ? 'success' : 'warning'">
                {{ (question.answers > 0 ? 'talk.floor.answered' : 'talk.floor.unanswered') | t }}
              </span>
            </p>
            <p class="text">{{ c.text }}</p>
            <p class="meta">
              {{ 'talk.floor.askedBy' | t: { name: c.author.name, organization: c.organization.name, date: date(c.createdAt) } }}
              @if (question.answers > 0) {
                · {{ 'talk.floor.answerCount' | t: { count: question.answers } }}
              }
            </p>
            <p>
              <a class="ds-link" [href]="'#comment-' + c.id" (click)="go($event, c.id)">{{ 'talk.floor.answerLink' | t }}</a>
            </p>
          </li>
        }
      </ul>
    } @else {
      <p class="ds-paragraph">{{ 'talk.floor.none' | t }}</p>
    }
  `,
})
export class FloorQuestions {
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);

  readonly comments = input.required<readonly Comment[]>();

  protected readonly questions = computed(() => floorQuestions(this.comments()));
  protected readonly open = computed(() => this.questions().filter((question) => question.answers === 0).length);

  protected date(value: string): string {
    return this.i18n.formatDate(value, { dateStyle: 'long' });
  }

  /** The comment is on this page: move focus there (a plain fragment link would only scroll). */
  protected go(event: Event, id: string): void {
    const target = this.document.getElementById(`comment-${id}`);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }
}
