import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PracticesApi } from '../practices/practices-api';
import { spreadSentences } from './spread-sentences';

/** The politician's view of spread: how far practices travel, in plain sentences. */
@Component({
  selector: 'sp-spread-plain',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus, TranslatePipe],
  styles: `
    :host,
    section > * {
      min-width: 0;
    }
    .stack {
      display: grid;
      gap: var(--ds-size-4);
    }
    .stack > * {
      margin: 0;
    }
    .sentences {
      display: grid;
      gap: var(--ds-size-3);
      margin: 0;
      padding-inline-start: var(--ds-size-6);
    }
  `,
  template: `
    <section class="stack" aria-labelledby="spread-heading">
      <h2 class="ds-heading" data-size="md" id="spread-heading">{{ 'learning.spread.heading' | t }}</h2>
      @if (sentences(); as sentences) {
        @if (sentences.length === 0) {
          <p class="ds-paragraph">{{ 'learning.spread.politicianNone' | t }}</p>
        } @else {
          <ul class="sentences">
            @for (sentence of sentences; track $index) {
              <li>{{ sentence }}</li>
            }
          </ul>
        }
      } @else {
        <sp-load-status [data]="spread" failedHeading="learning.spread.loadFailed" />
      }
    </section>
  `,
})
export class SpreadPlain {
  private readonly api = inject(PracticesApi);
  private readonly i18n = inject(I18n);

  /** The partnership's members: their own giving and taking gets a sentence each. */
  readonly memberIds = input.required<readonly string[]>();

  protected readonly spread = dataResource(() => this.api.spread());
  protected readonly sentences = computed(() => {
    const spread = this.spread.value();
    return spread ? spreadSentences(spread, this.memberIds(), this.i18n) : undefined;
  });
}
