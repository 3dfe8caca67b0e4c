import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * Says whether an answer meets one on the other side: a filled mark and
 * words for a match, an open mark and words for none. Colour only repeats it.
 */
@Component({
  selector: 'sp-match-marker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: var(--ds-size-1);
      font-size: var(--ds-body-sm-font-size);
      font-weight: var(--ds-font-weight-semibold);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.25rem;
      height: 1.25rem;
      border: 2px solid currentcolor;
      border-radius: 50%;
      font-size: 0.75rem;
      line-height: 1;
    }
    .met {
      color: var(--ds-color-success-text-default);
    }
    .met .icon {
      background: var(--ds-color-success-base-default);
      border-color: var(--ds-color-success-base-default);
      color: var(--ds-color-success-base-contrast-default);
    }
    .open {
      color: var(--ds-color-neutral-text-subtle);
    }
  `,
  template: `
    <span [class]="met() ? 'met' : 'open'">
      <span class="icon" aria-hidden="true">{{ met() ? '✓' : '' }}</span>
      {{ text() }}
    </span>
  `,
})
export class MatchMarker {
  readonly met = input.required<boolean>();
  readonly text = input.required<string>();
}
