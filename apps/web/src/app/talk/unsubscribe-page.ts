import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import type { UnsubscribeKind } from '@samspill/contracts';
import { toApiProblem } from '../core/http/api-error';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { TalkApi } from './talk-api';

/**
 * Where a mail's unsubscribe link leads, without signing in. The person presses one button (a link checker
 * that opens the page changes nothing); mail programs use the RFC 8058 header, which posts straight to the API.
 */
@Component({
  selector: 'sp-unsubscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-5);
      max-width: 36rem;
    }
    .ds-alert {
      display: grid;
      gap: var(--ds-size-2);
    }
    p {
      margin: 0;
    }
  `,
  template: `
    <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'talk.unsubscribe.heading' | t }}</h1>
    @if (done(); as kind) {
      <div class="ds-alert" data-color="success" id="unsubscribed" tabindex="-1">
        <p>{{ doneKey(kind) | t }}</p>
        <p>{{ 'talk.unsubscribe.again' | t }}</p>
      </div>
    } @else if (!token) {
      <div class="ds-alert" data-color="danger" role="alert">
        <p>{{ 'talk.unsubscribe.missingToken' | t }}</p>
      </div>
    } @else {
      <p class="ds-paragraph">{{ 'talk.unsubscribe.intro' | t }}</p>
      @if (problem(); as problem) {
        <div class="ds-alert" data-color="danger" role="alert">
          <h2 class="ds-heading" data-size="xs">{{ 'talk.unsubscribe.failedHeading' | t }}</h2>
          <p>{{ problem | t }}</p>
        </div>
      }
      <div>
        <button type="button" class="ds-button" [attr.aria-disabled]="pending() ? true : null" (click)="unsubscribe()">
          {{ (pending() ? 'talk.unsubscribe.pending' : 'talk.unsubscribe.button') | t }}
        </button>
      </div>
    }
  `,
})
export class UnsubscribePage {
  private readonly api = inject(TalkApi);
  private readonly focus = focusAfterRender();

  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token');
  protected readonly pending = signal(false);
  protected readonly done = signal<UnsubscribeKind | null>(null);
  protected readonly problem = signal<MessageKey | null>(null);

  protected doneKey(kind: UnsubscribeKind): MessageKey {
    return `talk.unsubscribe.done.${kind}`;
  }

  protected unsubscribe(): void {
    const token = this.token;
    if (!token || this.pending()) return;
    this.pending.set(true);
    this.problem.set(null);
    this.api.unsubscribe(token).subscribe({
      next: ({ kind }) => {
        this.pending.set(false);
        this.done.set(kind);
        this.focus('#unsubscribed');
      },
      error: (error: unknown) => {
        this.pending.set(false);
        const problem = toApiProblem(error);
        // The general sentence for a spent token asks for a new link; here the way on is the profile.
        this.problem.set(problem.code === 'INVALID_TOKEN' ? 'talk.unsubscribe.invalid' : problem.key);
      },
    });
  }
}
