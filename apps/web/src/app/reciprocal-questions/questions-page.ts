import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { canAnswerQuestions, canCreateProject } from '@samspill/domain';
import { forkJoin } from 'rxjs';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { type Answered, AnswerForm } from './answer-form';
import type { AnswerChange } from './answer-item';
import { QuestionPair } from './question-pair';
import { QuestionsApi } from './questions-api';
import { buildPairs } from './questions-view';

/** The three questions of a partnership: offers and wishes side by side, per direction, and the form to answer. */
@Component({
  selector: 'sp-questions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, AnswerForm, QuestionPair],
  templateUrl: './questions-page.html',
  styleUrl: './questions-page.css',
})
export class QuestionsPage {
  private readonly partnerships = inject(PartnershipsApi);
  private readonly questions = inject(QuestionsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();

  /** The partnership's id, from the route. */
  readonly id = input.required<string>();

  protected readonly page = dataResource(
    () => this.id(),
    (id) => forkJoin({ partnership: this.partnerships.get(id), questions: this.questions.questions(id) }),
  );
  protected readonly pairs = computed(() => {
    const data = this.page.value();
    return data ? buildPairs(data.questions, data.partnership, this.actor()) : [];
  });
  private readonly scope = computed(() => {
    const p = this.page.value()?.partnership;
    return p ? { visibility: p.visibility, memberIds: p.members.map((m) => m.id) } : null;
  });
  protected readonly canAnswer = computed(() => {
    const scope = this.scope();
    return scope !== null && canAnswerQuestions(this.actor(), scope);
  });
  protected readonly canMakeProject = computed(() => {
    const scope = this.scope();
    return scope !== null && canCreateProject(this.actor(), scope);
  });
  protected readonly announcement = signal('');

  /** The new answer appears in its pair; focus moves to it so the person sees where it went. */
  protected answered({ answer, fromId, toId, question }: Answered): void {
    const members = this.page.value()?.partnership.members ?? [];
    const name = (id: string) => members.find((m) => m.id === id)?.name ?? '';
    // A wish is shown where the other member's offers to the writer are.
    const [from, to] = question === 'weLearnFromThem' ? [toId, fromId] : [fromId, toId];
    this.announcement.set(this.i18n.t('questions.added', { from: name(from), to: name(to) }));
    this.page.reload(() => this.focus(`#answer-${answer.id}`));
  }

  protected changed(change: AnswerChange, pairKey: string): void {
    this.announcement.set(this.i18n.t(change.kind === 'removed' ? 'questions.removed' : 'questions.saved'));
    this.page.reload(() => this.focus(change.kind === 'removed' ? `[id="pair-${pairKey}"]` : `#answer-${change.answerId}`));
  }
}
