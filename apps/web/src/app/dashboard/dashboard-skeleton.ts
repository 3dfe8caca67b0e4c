import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * Grey shapes where the figures will appear, so the page does not jump when
 * they arrive. Screen readers hear the `label` instead (a polite status).
 */
@Component({
  selector: 'sp-dashboard-skeleton',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-6);
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(13rem, 100%), 1fr));
      gap: var(--ds-size-4);
    }
    .block {
      border-radius: var(--ds-border-radius-lg);
      background: var(--ds-color-neutral-surface-tinted);
      animation: pulse 0.9s linear infinite alternate;
    }
    .card {
      block-size: 8.5rem;
    }
    .line {
      block-size: 1.25rem;
      inline-size: 40%;
    }
    .table {
      block-size: 12rem;
    }
    @keyframes pulse {
      to {
        opacity: 0.45;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .block {
        animation: none;
      }
    }
  `,
  template: `
    <p class="ds-sr-only" role="status">{{ label() }}</p>
    <div class="block line" aria-hidden="true"></div>
    <div class="cards" aria-hidden="true">
      <div class="block card"></div>
      <div class="block card"></div>
      <div class="block card"></div>
    </div>
    <div class="block table" aria-hidden="true"></div>
  `,
})
export class DashboardSkeleton {
  /** E.g. «Henter tallene …». */
  readonly label = input.required<string>();
}
