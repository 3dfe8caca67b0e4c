import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { FocusAreaResponse } from '@samspill/contracts';
import { MatchMarker } from '@samspill/web-ui';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { AnswerEditForm } from './answer-edit-form';
import { QuestionsApi } from './questions-api';
import type { AnswerView } from './questions-view';

export type AnswerChange = { kind: 'edited'; answerId: string } | { kind: 'removed' };

/** One answer: its words, focus area, who wrote it and when, whether it meets one, and what the person may do with it. */
@Component({
  selector: 'sp-answer-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, MatchMarker, AnswerEditForm],
  templateUrl: './answer-item.html',
  styleUrl: './answer-item.css',
})
export class AnswerItem {
  private readonly api = inject(QuestionsApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly item = input.required<AnswerView>();
  readonly focusAreas = input.required<readonly FocusAreaResponse[]>();
  /** Whether the person may start projects in this partnership. */
  readonly canMakeProject = input(false);
  readonly changed = output<AnswerChange>();

  protected readonly mode = signal<'view' | 'edit' | 'confirmRemove'>('view');
  protected readonly pending = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected readonly written = computed(() => {
    const { answer } = this.item();
    return this.i18n.t('questions.writtenBy', { name: answer.author.name, date: this.i18n.formatDate(answer.createdAt) });
  });

  protected readonly marker = computed(() => {
    const { met, question, to } = this.item();
    if (met === null) return null;
    const key =
      question === 'theyLearnFromUs'
        ? met
          ? 'questions.offerMet'
          : 'questions.offerOpen'
        : met
          ? 'questions.wishMet'
          : 'questions.wishOpen';
    return { met, text: this.i18n.t(key, { other: to.name }) };
  });

  protected edit(): void {
    this.problem.set(null);
    this.mode.set('edit');
    this.focus('textarea');
  }

  protected confirmRemove(): void {
    this.problem.set(null);
    this.mode.set('confirmRemove');
    this.focus('.confirm button');
  }

  protected backToView(focusSelector: string): void {
    this.mode.set('view');
    this.focus(focusSelector);
  }

  protected saved(): void {
    this.mode.set('view');
    this.changed.emit({ kind: 'edited', answerId: this.item().answer.id });
  }

  protected remove(): void {
    if (this.pending()) return;
    this.pending.set(true);
    this.api.remove(this.item().answer.id).subscribe({
      next: () => this.changed.emit({ kind: 'removed' }),
      error: (error: unknown) => this.failed(error),
    });
  }

  /** One step: the project is created from the answer, and the person lands on it. */
  protected makeProject(): void {
    if (this.pending()) return;
    this.pending.set(true);
    this.problem.set(null);
    this.api.toProject(this.item().answer.id).subscribe({
      next: (project) => void this.router.navigate(['/projects', project.id]),
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.pending.set(false);
    this.problem.set(toApiProblem(error));
    this.mode.set('view');
    this.focus('.problem');
  }

  private focus(selector: string): void {
    afterNextRender({ read: () => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector });
  }
}
