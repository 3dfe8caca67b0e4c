import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';

/** One measurement on the chart. */
export interface RunChartPointView {
  measuredOn: string;
  value: number;
}

/** A signal of non-random change, by the dates of its first and last point. */
export interface RunChartSignalView {
  from: string;
  to: string;
}

/** Something the team did, placed on the time axis and listed below the chart. */
export interface RunChartMarker {
  date: string;
  /** "Fase", "Logg" … in the reader's language. */
  kind: string;
  text: string;
}

let nextId = 0;

const WIDTH = 640;
const HEIGHT = 220;
const PLOT = { left: 56, right: 96, top: 12, bottom: 40 };

/**
 * A run chart drawn as SVG: the points over time, the median (dashed), the
 * target (dotted), the points of each signal marked larger, and numbered
 * markers on the time axis for what the team did, listed in words below.
 * The drawing is an image with a short description; a table with every
 * point is the alternative (for screen readers, and on request for everyone).
 */
@Component({
  selector: 'sp-run-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './run-chart.css',
  template: `
    <figure class="run-chart" [attr.aria-labelledby]="captionId">
      <div class="head">
        <figcaption class="caption" [id]="captionId">{{ caption() }}</figcaption>
        <button
          type="button"
          class="ds-button toggle"
          data-variant="tertiary"
          data-size="sm"
          [attr.aria-pressed]="tableShown()"
          (click)="tableShown.set(!tableShown())"
        >
          {{ tableToggleLabel() }}
        </button>
      </div>
      @if (summary(); as summary) {
        <p class="ds-paragraph summary" [id]="summaryId">{{ summary }}</p>
      }
      @if (!tableShown()) {
        <svg
          class="plot ds-print-preserve"
          role="img"
          [attr.viewBox]="'0 0 ' + width + ' ' + height"
          [attr.aria-labelledby]="captionId"
          [attr.aria-describedby]="summary() ? summaryId : null"
        >
          <line class="axis" [attr.x1]="plot.left" [attr.x2]="plot.left" [attr.y1]="plot.top" [attr.y2]="height - plot.bottom" />
          <line
            class="axis"
            [attr.x1]="plot.left"
            [attr.x2]="width - plot.right"
            [attr.y1]="height - plot.bottom"
            [attr.y2]="height - plot.bottom"
          />
          @for (tick of drawing().ticks; track $index) {
            <text class="tick" [attr.x]="plot.left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.text }}</text>
          }
          @if (drawing().target; as target) {
            <line class="target" [attr.x1]="plot.left" [attr.x2]="width - plot.right" [attr.y1]="target.y" [attr.y2]="target.y" />
            <text class="level-label target-label" [attr.x]="width - plot.right + 6" [attr.y]="target.y + 4">{{ target.text }}</text>
          }
          @if (drawing().median; as median) {
            <line class="median" [attr.x1]="plot.left" [attr.x2]="width - plot.right" [attr.y1]="median.y" [attr.y2]="median.y" />
            <text class="level-label median-label" [attr.x]="width - plot.right + 6" [attr.y]="median.y + 4">{{ median.text }}</text>
          }
          <polyline class="line" [attr.points]="drawing().line" />
          @for (point of drawing().points; track $index) {
            <circle [class.signal]="point.signal" [attr.cx]="point.x" [attr.cy]="point.y" [attr.r]="point.signal ? 5 : 3.5" />
          }
          @for (marker of drawing().markers; track $index) {
            <g class="marker">
              <line [attr.x1]="marker.x" [attr.x2]="marker.x" [attr.y1]="plot.top" [attr.y2]="height - plot.bottom" />
              <text [attr.x]="marker.x" [attr.y]="height - plot.bottom + 14" text-anchor="middle">{{ marker.number }}</text>
            </g>
          }
          @if (drawing().first; as first) {
            <text class="tick" [attr.x]="plot.left" [attr.y]="height - 4" text-anchor="start">{{ first }}</text>
          }
          @if (drawing().last; as last) {
            <text class="tick" [attr.x]="width - plot.right" [attr.y]="height - 4" text-anchor="end">{{ last }}</text>
          }
        </svg>
      }
      @if (drawing().markers.length > 0) {
        <ol class="markers">
          @for (marker of drawing().markers; track $index) {
            <li [attr.value]="marker.number">
              <span class="marker-date">{{ marker.dateText }}</span> · <span class="marker-kind">{{ marker.kind }}</span>: {{ marker.text }}
            </li>
          }
        </ol>
      }
      <!-- Tables ignore overflow, so the wrapper is what hides this one from sight. -->
      <div class="table" [class.ds-sr-only]="!tableShown()">
        <table class="ds-table" data-size="sm" [attr.aria-labelledby]="captionId">
          <thead>
            <tr>
              <th scope="col">{{ dateHeader() }}</th>
              <th scope="col" class="number">{{ valueHeader() }}</th>
              <th scope="col">{{ signalHeader() }}</th>
            </tr>
          </thead>
          <tbody>
            @for (point of drawing().points; track $index) {
              <tr>
                <th scope="row">{{ point.dateText }}</th>
                <td class="number">{{ point.valueText }}</td>
                <td>{{ point.signal ? signalMark() : '' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
})
export class RunChart {
  /** Names the chart and its table, e.g. the organisation. */
  readonly caption = input.required<string>();
  /** Oldest first. */
  readonly points = input.required<readonly RunChartPointView[]>();
  readonly median = input<number | null>(null);
  readonly target = input<number | null>(null);
  readonly signals = input<readonly RunChartSignalView[]>([]);
  readonly markers = input<readonly RunChartMarker[]>([]);
  /** A sentence on what the signals mean; describes the drawing. */
  readonly summary = input<string | null>(null);
  /** Numbers and dates as the reader reads them. */
  readonly formatNumber = input<(n: number) => string>((n) => String(n));
  readonly formatDate = input<(isoDay: string) => string>((d) => d);
  readonly medianLabel = input('Median');
  readonly targetLabel = input('Mål');
  readonly dateHeader = input('Dato');
  readonly valueHeader = input('Verdi');
  readonly signalHeader = input('Signal');
  /** Written in the signal column for points that belong to a signal. */
  readonly signalMark = input('Ja');
  readonly tableToggleLabel = input('Vis som tabell');

  protected readonly captionId = `sp-run-chart-${++nextId}`;
  protected readonly summaryId = `${this.captionId}-summary`;
  protected readonly tableShown = signal(false);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly plot = PLOT;

  protected readonly drawing = computed(() => {
    const points = this.points();
    const median = this.median();
    const target = this.target();
    const format = this.formatNumber();
    const formatDate = this.formatDate();
    const values = [...points.map((p) => p.value), ...(median === null ? [] : [median]), ...(target === null ? [] : [target])];
    let low = values.length > 0 ? Math.min(...values) : 0;
    let high = values.length > 0 ? Math.max(...values) : 1;
    if (low === high) [low, high] = [low - 1, high + 1];
    const pad = (high - low) * 0.08;
    const bottom = HEIGHT - PLOT.bottom;
    const yOf = (v: number) => bottom - ((v - (low - pad)) / (high - low + 2 * pad)) * (bottom - PLOT.top);
    const time = (day: string) => Date.parse(`${day}T00:00:00Z`);
    const first = points[0]?.measuredOn;
    const last = points.at(-1)?.measuredOn;
    const start = first ? time(first) : 0;
    const span = first && last && last !== first ? time(last) - start : 0;
    const right = WIDTH - PLOT.right;
    const xOf = (day: string) => (span === 0 ? (PLOT.left + right) / 2 : PLOT.left + ((time(day) - start) / span) * (right - PLOT.left));
    const inSignal = (day: string) => this.signals().some((s) => day >= s.from && day <= s.to);
    const drawn = points.map((p) => ({
      x: xOf(p.measuredOn),
      y: yOf(p.value),
      signal: inSignal(p.measuredOn),
      dateText: formatDate(p.measuredOn),
      valueText: format(p.value),
    }));
    const markers = first && last ? this.markers().filter((m) => m.date >= first && m.date <= last) : [];
    return {
      ticks: [low, high].map((v) => ({ y: yOf(v), text: format(v) })),
      median: median === null ? null : { y: yOf(median), text: `${this.medianLabel()} ${format(median)}` },
      target: target === null ? null : { y: yOf(target), text: `${this.targetLabel()} ${format(target)}` },
      line: drawn.map((p) => `${p.x},${p.y}`).join(' '),
      points: drawn,
      markers: markers.map((m, i) => ({ ...m, number: i + 1, x: xOf(m.date), dateText: formatDate(m.date) })),
      first: first ? formatDate(first) : null,
      last: last && last !== first ? formatDate(last) : null,
    };
  });
}
