import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Overview } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { STAGES, STAGE_NAME } from '../dashboard/stage-names';

/** The latest stage changes, newest first, each linking to its project. */
@Component({
  selector: 'sp-recent-transitions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  styles: `
    .changes {
      display: grid;
      gap: var(--ds-size-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .change {
      display: grid;
      gap: var(--ds-size-1);
      padding-block-end: var(--ds-size-3);
      border-block-end: 1px solid var(--ds-color-neutral-border-subtle);
    }
    .move,
    time {
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
    .direction {
      font-weight: var(--ds-font-weight-semibold);
      color: var(--ds-color-neutral-text-default);
    }
  `,
  template: `
    @if (items().length > 0) {
      <ol class="changes">
        @for (item of items(); track $index) {
          <li class="change">
            <a class="ds-link" [routerLink]="['/projects', item.projectId]">{{ item.projectTitle }}</a>
            <span class="move"
              ><span class="direction" aria-hidden="true">{{ item.arrow }}</span> {{ item.move }}</span
            >
            <time [attr.datetime]="item.decidedAt">{{ item.date }}</time>
          </li>
        }
      </ol>
    } @else {
      <p class="ds-paragraph">{{ 'overview.noRecent' | t }}</p>
    }
  `,
})
export class RecentTransitions {
  private readonly i18n = inject(I18n);

  readonly transitions = input.required<Overview['recentTransitions']>();

  protected readonly items = computed(() =>
    this.transitions().map((t) => ({
      ...t,
      // Forward or back, shown by shape as well as by the words.
      arrow: STAGES.indexOf(t.toStage) >= STAGES.indexOf(t.fromStage) ? '→' : '←',
      move: this.i18n.t('overview.moved', { from: this.i18n.t(STAGE_NAME[t.fromStage]), to: this.i18n.t(STAGE_NAME[t.toStage]) }),
      date: this.i18n.formatDate(t.decidedAt),
    })),
  );
}
