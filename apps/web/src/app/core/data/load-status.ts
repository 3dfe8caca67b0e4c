import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { NotFoundPage } from '../../not-found/not-found-page';
import { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { TranslatePipe } from '../i18n/translate-pipe';
import type { DataResource } from './data-resource';

/**
 * What stands in for data that is not there: a spinner (or the placeholder
 * given as content), the not-found view, or the failure in words with a way
 * to try again. The API answers 404 both for what does not exist and for what
 * the person may not see, and 400 for an address whose id is no id: all three
 * read as "not found", so an outsider learns nothing.
 */
@Component({
  selector: 'sp-load-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NotFoundPage],
  styles: `
    .loading {
      display: flex;
      align-items: center;
      gap: var(--ds-size-3);
    }
    .ds-alert {
      display: grid;
      gap: var(--ds-size-3);
      justify-items: start;
    }
  `,
  template: `
    @if (data().problem(); as problem) {
      @if (notFound()) {
        <sp-not-found-page />
      } @else {
        <div class="ds-alert" data-color="danger" role="alert">
          <h2 class="ds-heading" data-size="xs">{{ failedHeading() | t }}</h2>
          <p class="ds-paragraph">{{ problem.key | t }}</p>
          <button type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="data().reload()">
            {{ 'data.retry' | t }}
          </button>
        </div>
      }
    } @else if (data().value() === undefined) {
      <ng-content>
        <p class="loading" role="status">
          <svg class="ds-spinner" data-size="sm" viewBox="0 0 50 50" aria-hidden="true">
            <circle class="ds-spinner__background" cx="25" cy="25" r="20" fill="none" stroke-width="5" />
            <circle class="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" stroke-width="5" />
          </svg>
          {{ loadingText() | t }}
        </p>
      </ng-content>
    }
  `,
})
export class LoadStatus {
  private readonly i18n = inject(I18n);

  readonly data = input.required<DataResource<unknown>>();
  readonly loadingText = input<MessageKey>('data.loading');
  readonly failedHeading = input<MessageKey>('data.loadFailed');

  protected readonly notFound = computed(() => {
    const status = this.data().problem()?.status;
    return status === 404 || status === 400;
  });

  constructor() {
    // The page has turned into the not-found page: say so in the title too (in the current language).
    const title = inject(Title);
    effect(() => {
      if (this.notFound()) title.setTitle(`${this.i18n.t('titles.notFound')} – ${this.i18n.t('app.name')}`);
    });
  }
}
