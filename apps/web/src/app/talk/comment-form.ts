import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { Comment, PersonRef } from '@samspill/contracts';
import { COMMENT_MAX_LENGTH } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { MentionPicker } from './mention-picker';
import { TalkApi, type ThreadOf } from './talk-api';

/**
 * Writes a comment, a reply (given `parent`) or new wording for one's own comment (given `comment`; the API
 * keeps the earlier wording). Mentions are chosen from the people who may see the thread.
 */
@Component({
  selector: 'sp-comment-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, MentionPicker],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="submitLabel() | t"
      [cancelLabel]="cancellable() ? ('form.cancel' | t) : null"
      [size]="compact() ? 'sm' : null"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <sp-field
        #text
        [control]="form.controls.text"
        [feedback]="feedback.field('text')"
        [label]="label() | t"
        [rows]="compact() ? 3 : 4"
        [count]="count()"
      />
      @if (!comment()) {
        <sp-mention-picker [thread]="thread()" [(chosen)]="mentions" />
      }
    </sp-form>
  `,
})
export class CommentForm implements OnInit {
  private readonly api = inject(TalkApi);
  protected readonly i18n = inject(I18n);

  readonly thread = input.required<ThreadOf>();
  /** Answer this comment. */
  readonly parent = input<Comment | null>(null);
  /** Reword this comment. */
  readonly comment = input<Comment | null>(null);
  /** The thread's own form stays open; a reply or an edit can be closed. */
  readonly cancellable = input(false);
  /** Moves focus into the text when it opens (a reply or an edit the person asked for). */
  readonly autofocus = input(false);
  readonly saved = output<Comment>();
  readonly cancelled = output();

  private readonly text = viewChild.required<Field>('text');
  protected readonly mentions = signal<PersonRef[]>([]);
  protected readonly compact = computed(() => this.parent() !== null || this.comment() !== null);
  protected readonly label = computed(() =>
    this.comment() ? 'talk.thread.editText' : this.parent() ? 'talk.thread.replyText' : ('talk.thread.text' as const),
  );
  protected readonly submitLabel = computed(() =>
    this.comment() ? 'form.save' : this.parent() ? 'talk.thread.sendReply' : ('talk.thread.post' as const),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [notBlank, Validators.maxLength(COMMENT_MAX_LENGTH)]],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'comment',
    errors: () => {
      const { text } = this.form.controls;
      return {
        text: text.hasError('required') ? 'talk.thread.textRequired' : text.hasError('maxlength') ? 'talk.thread.textTooLong' : null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.text, COMMENT_MAX_LENGTH);

  constructor() {
    afterNextRender({ read: () => this.autofocus() && this.text().focus() });
  }

  ngOnInit(): void {
    const comment = this.comment();
    if (comment) this.form.setValue({ text: comment.text });
  }

  protected submit(): void {
    const text = this.form.controls.text.value.trim();
    const comment = this.comment();
    const parent = this.parent();
    this.feedback.submit(
      () =>
        comment
          ? this.api.editComment(comment.id, { text })
          : this.api.addComment(this.thread(), {
              text,
              ...(parent ? { parentId: parent.id } : {}),
              ...(this.mentions().length > 0 ? { mentionIds: this.mentions().map((person) => person.id) } : {}),
            }),
      (saved) => {
        this.form.reset();
        this.mentions.set([]);
        this.saved.emit(saved);
      },
    );
  }
}
