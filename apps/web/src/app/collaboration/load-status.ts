import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import type { MessageKey } from '../core/i18n/messages';
import { NotFoundPage } from '../not-found/not-found-page';
import type { Load } from './load';

/**
 * The page while its data is not there: a spinner, the not-found view (also
 * for what the person may not see: the API answers 404 for both), or the
 * failure in words with a way to try again.
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
    @switch (view()) {
      @case ('loading') {
        <p class="loading" role="status">
          <svg class="ds-spinner" data-size="sm" viewBox="0 0 50 50" aria-hidden="true">
            <circle class="ds-spinner__background" cx="25" cy="25" r="20" fill="none" stroke-width="5" />
            <circle class="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" stroke-width="5" />
          </svg>
          {{ loadingText() | t }}
        </p>
      }
      @case ('notFound') {
        <sp-not-found-page />
      }
      @case ('failed') {
        <div class="ds-alert" data-color="danger" role="alert">
          <h2 class="ds-heading" data-size="xs">{{ failedHeading() | t }}</h2>
          <p class="ds-paragraph">{{ problemKey() | t }}</p>
          <button type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="retry.emit()">
            {{ 'collaboration.retry' | t }}
          </button>
        </div>
      }
    }
  `,
})
export class LoadStatus {
  readonly load = input.required<Load<unknown>>();
  readonly loadingText = input<MessageKey>('collaboration.loading');
  readonly failedHeading = input<MessageKey>('collaboration.loadFailed');
  readonly retry = output();

  protected readonly view = computed(() => {
    const load = this.load();
    if (load.state === 'failed') return load.problem.status === 404 ? 'notFound' : 'failed';
    return load.state;
  });

  protected readonly problemKey = computed<MessageKey>(() => {
    const load = this.load();
    return load.state === 'failed' ? load.problem.key : 'errors.unexpected';
  });
}
