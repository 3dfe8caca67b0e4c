import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { dataResource } from '../core/data/data-resource';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { QuestionsApi } from '../reciprocal-questions/questions-api';

/** The "what could we do together?" answer a project grew out of, quoted, with the way back to the questions. */
@Component({
  selector: 'sp-source-answer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  styles: `
    figure {
      display: grid;
      gap: var(--ds-size-2);
      margin: 0;
      padding: var(--ds-size-4);
      border-left: 4px solid var(--ds-color-accent-border-default);
      background: var(--ds-color-accent-background-tinted);
    }
    blockquote {
      margin: 0;
      white-space: pre-line;
    }
    figcaption {
      font-size: var(--ds-body-sm-font-size);
    }
  `,
  template: `
    <figure>
      <figcaption>
        <strong>{{ 'projects.fromAnswer' | t }}</strong>
      </figcaption>
      @if (text(); as text) {
        <blockquote>{{ text }}</blockquote>
      }
      <figcaption>
        <a class="ds-link" [routerLink]="['/partnerships', partnershipId(), 'questions']" [fragment]="'answer-' + answerId()">
          {{ 'projects.toQuestions' | t }}
        </a>
      </figcaption>
    </figure>
  `,
})
export class SourceAnswer {
  private readonly api = inject(QuestionsApi);

  readonly partnershipId = input.required<string>();
  readonly answerId = input.required<string>();

  // Without it the link still leads to the questions, so a failure is not worth a message here.
  private readonly questions = dataResource(
    () => this.partnershipId(),
    (id) => this.api.questions(id),
  );
  protected readonly text = computed(
    () =>
      this.questions
        .value()
        ?.pairs.flatMap((p) => p.doTogether)
        .find((a) => a.id === this.answerId())?.text ?? null,
  );
}
