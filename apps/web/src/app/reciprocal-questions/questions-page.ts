import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PartnershipResponse, QuestionsResponse } from '@samspill/contracts';
import { canAnswerQuestions, canCreateProject } from '@samspill/domain';
import { forkJoin } from 'rxjs';
import { injectActor } from '../collaboration/actor';
import { type Load, Loader, loadedValue } from '../collaboration/load';
import { focusHeadingOnceLoaded } from '../collaboration/focus';
import { LoadStatus } from '../collaboration/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from '../partnerships/partnerships-api';
import { type Answered, AnswerForm } from './answer-form';
import type { AnswerChange } from './answer-item';
import { QuestionPair } from './question-pair';
import { QuestionsApi } from './questions-api';
import { buildPairs } from './questions-view';

interface Data {
  partnership: PartnershipResponse;
  questions: QuestionsResponse;
}

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
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly actor = injectActor();

  protected readonly load = signal<Load<Data>>({ state: 'loading' });
  protected readonly loader = new Loader(
    this.load,
    (id: string) => forkJoin({ partnership: this.partnerships.get(id), questions: this.questions.questions(id) }),
    inject(DestroyRef),
  );
  protected readonly data = computed(() => loadedValue(this.load()));
  protected readonly pairs = computed(() => {
    const data = this.data();
    return data ? buildPairs(data.questions, data.partnership, this.actor()) : [];
  });
  private readonly scope = computed(() => {
    const p = this.data()?.partnership;
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

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) =>
        this.loader.fetch(params.get('id') ?? '', { then: () => focusHeadingOnceLoaded(this.host.nativeElement, this.injector) }),
      );
  }

  /** The new answer appears in its pair; focus moves to it so the person sees where it went. */
  protected answered({ answer, fromId, toId, question }: Answered): void {
    const members = this.data()?.partnership.members ?? [];
    const name = (id: string) => members.find((m) => m.id === id)?.name ?? '';
    // A wish is shown where the other member's offers to the writer are.
    const [from, to] = question === 'weLearnFromThem' ? [toId, fromId] : [fromId, toId];
    this.announcement.set(this.i18n.t('questions.added', { from: name(from), to: name(to) }));
    this.reloadThenFocus(`#answer-${answer.id}`);
  }

  protected changed(change: AnswerChange, pairKey: string): void {
    this.announcement.set(this.i18n.t(change.kind === 'removed' ? 'questions.removed' : 'questions.saved'));
    this.reloadThenFocus(change.kind === 'removed' ? `[id="pair-${pairKey}"]` : `#answer-${change.answerId}`);
  }

  private reloadThenFocus(selector: string): void {
    this.loader.reload({
      then: () =>
        afterNextRender({ read: () => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector }),
    });
  }
}
