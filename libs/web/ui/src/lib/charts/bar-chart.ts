import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { ChartDatum } from './chart-datum';

let nextId = 0;

/**
 * A single-series bar chart drawn with plain elements. Every bar carries its
 * label and its number as text, so nothing depends on colour; the drawing is
 * hidden from assistive technology, which reads the same numbers from a table
 * instead. With `tableToggleLabel` set, sighted readers can switch to that
 * table too.
 */
@Component({
  selector: 'sp-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './bar-chart.css',
  template: `
    <figure class="chart" [attr.data-orientation]="orientation()">
      <div class="head">
        <figcaption class="caption" [id]="captionId">{{ caption() }}</figcaption>
        @if (tableToggleLabel(); as toggleLabel) {
          <button
            type="button"
            class="ds-button toggle"
            data-variant="tertiary"
            data-size="sm"
            [attr.aria-pressed]="tableShown()"
            (click)="tableShown.set(!tableShown())"
          >
            {{ toggleLabel }}
          </button>
        }
      </div>
      @if (!tableShown()) {
        <div class="plot" aria-hidden="true" [style.--bars]="bars().length">
          @for (bar of bars(); track $index) {
            <div class="bar-row">
              <span class="label">{{ bar.shortLabel }}</span>
              <span class="track">
                @if (bar.share > 0) {
                  <span class="bar ds-print-preserve" [style.--share]="bar.share"></span>
                }
              </span>
              <span class="value">{{ bar.valueText }}</span>
            </div>
          }
        </div>
      }
      <!-- Tables ignore overflow, so the wrapper is what hides this one from sight. -->
      <div class="table" [class.ds-sr-only]="!tableShown()">
        <table class="ds-table" data-size="sm" [attr.aria-labelledby]="captionId">
          <thead>
            <tr>
              <th scope="col">{{ labelHeader() }}</th>
              <th scope="col" class="number">{{ valueHeader() }}</th>
            </tr>
          </thead>
          <tbody>
            @for (bar of bars(); track $index) {
              <tr>
                <th scope="row">{{ bar.label }}</th>
                <td class="number">{{ bar.valueText }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
})
export class BarChart {
  /** What the chart shows, visible above it and naming its table. */
  readonly caption = input.required<string>();
  readonly data = input.required<readonly ChartDatum[]>();
  /** Column headers of the table alternative. */
  readonly labelHeader = input.required<string>();
  readonly valueHeader = input.required<string>();
  /** Horizontal bars suit few long labels; vertical columns suit a time series. */
  readonly orientation = input<'horizontal' | 'vertical'>('horizontal');
  /** The top of the scale; defaults to the largest value. */
  readonly max = input<number | null>(null);
  /** E.g. «Vis som tabell»; without it there is no toggle and the table stays for screen readers only. */
  readonly tableToggleLabel = input<string | null>(null);

  protected readonly captionId = `sp-bar-chart-${++nextId}`;
  protected readonly tableShown = signal(false);

  protected readonly bars = computed(() => {
    const data = this.data();
    const top = Math.max(this.max() ?? 0, ...data.map((d) => d.value), 0);
    return data.map((d) => ({
      label: d.label,
      shortLabel: d.shortLabel ?? d.label,
      valueText: d.valueText ?? String(d.value),
      share: top > 0 ? Math.max(0, d.value) / top : 0,
    }));
  });
}
