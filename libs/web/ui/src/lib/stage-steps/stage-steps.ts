import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export interface StageStep {
  label: string;
}

/**
 * The stages a piece of work passes through, the current one marked by
 * shape, weight and words as well as colour: steps behind it carry a tick,
 * and `aria-current="step"` tells screen readers where it is.
 */
@Component({
  selector: 'sp-stage-steps',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .steps {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--ds-size-2);
      margin: 0;
      padding: 0;
      list-style: none;
      counter-reset: step;
    }
    .step {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: start;
      gap: var(--ds-size-2);
      padding: var(--ds-size-3);
      border: 1px solid var(--ds-color-neutral-border-subtle);
      border-radius: var(--ds-border-radius-md);
      background: var(--ds-color-neutral-background-default);
      color: var(--ds-color-neutral-text-subtle);
    }
    .mark {
      display: grid;
      place-items: center;
      width: 1.75rem;
      height: 1.75rem;
      border: 2px solid currentcolor;
      border-radius: 50%;
      font-weight: var(--ds-font-weight-semibold);
      line-height: 1;
    }
    .done {
      color: var(--ds-color-neutral-text-default);
    }
    .current {
      border: 2px solid var(--ds-color-accent-base-default);
      background: var(--ds-color-accent-background-tinted);
      color: var(--ds-color-neutral-text-default);
      font-weight: var(--ds-font-weight-semibold);
    }
    .current .mark {
      border-color: var(--ds-color-accent-base-default);
      background: var(--ds-color-accent-base-default);
      color: var(--ds-color-accent-base-contrast-default);
    }
    .state {
      display: block;
      font-size: var(--ds-body-sm-font-size);
      font-weight: var(--ds-font-weight-regular);
    }
  `,
  template: `
    <ol class="steps" [attr.aria-label]="label()">
      @for (step of steps(); track $index) {
        <li
          class="step"
          [class.done]="$index < current()"
          [class.current]="$index === current()"
          [attr.aria-current]="$index === current() ? 'step' : null"
        >
          <span class="mark" aria-hidden="true">{{ $index < current() ? '✓' : $index + 1 }}</span>
          <span>
            {{ step.label }}
            @if ($index === current()) {
              <span class="state">{{ currentText() }}</span>
            } @else if ($index < current()) {
              <span class="ds-sr-only">({{ doneText() }})</span>
            }
          </span>
        </li>
      }
    </ol>
  `,
})
export class StageSteps {
  readonly steps = input.required<readonly StageStep[]>();
  /** Index of the current step. */
  readonly current = input.required<number>();
  /** The list's accessible name, e.g. "Trinn". */
  readonly label = input.required<string>();
  /** Shown under the current step, e.g. "Her er prosjektet nå". */
  readonly currentText = input.required<string>();
  /** Read out for the steps already passed. */
  readonly doneText = input.required<string>();
}
