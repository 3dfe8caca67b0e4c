import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A share from 0 to 1 as a bar. The parent writes the number in words
 * (`valueText`): it is shown beside the bar and read out with it.
 */
@Component({
  selector: 'sp-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-1);
    }
    .track {
      height: var(--ds-size-3);
      overflow: hidden;
      border: 1px solid var(--ds-color-neutral-border-default);
      border-radius: var(--ds-border-radius-full);
      background: var(--ds-color-neutral-background-tinted);
    }
    .fill {
      height: 100%;
      background: var(--ds-color-success-base-default);
    }
    .text {
      margin: 0;
      font-size: var(--ds-body-sm-font-size);
    }
  `,
  template: `
    <div
      class="track"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="percent()"
      [attr.aria-valuetext]="valueText()"
      [attr.aria-label]="label()"
    >
      <div class="fill" [style.width.%]="percent() ?? 0"></div>
    </div>
    <p class="text" aria-hidden="true">{{ valueText() }}</p>
  `,
})
export class ProgressBar {
  /** 0..1, or null before anything is measured. */
  readonly value = input.required<number | null>();
  /** What is measured, e.g. the indicator's name. */
  readonly label = input.required<string>();
  readonly valueText = input.required<string>();

  protected readonly percent = computed(() => {
    const value = this.value();
    return value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  });
}
