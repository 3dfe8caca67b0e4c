import type { SignalRule } from '@samspill/contracts/values';

/** One measurement on a run chart; points are given oldest first. */
export interface RunChartPoint {
  measuredOn: string;
  value: number;
}

/** A signal of non-random change: `from` and `to` are the dates of its first and last point. */
export interface RunChartSignal {
  rule: SignalRule;
  from: string;
  to: string;
  direction: 'up' | 'down';
}

/** Points in a row on one side of the median that make a shift (IHI; Provost & Murray). */
export const SHIFT_LENGTH = 6;
/** Points in a row all going up or all going down that make a trend. */
export const TREND_LENGTH = 5;

/** The middle value (the mean of the two middle ones for an even count); null without points. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * Shifts: six or more points in a row on one side of the median. A point on
 * the median neither counts nor breaks the run; the signal runs from the
 * first to the last point off the median.
 */
export function shifts(points: readonly RunChartPoint[], centre: number | null = median(points.map((p) => p.value))): RunChartSignal[] {
  if (centre === null) return [];
  const found: RunChartSignal[] = [];
  let run: { direction: 'up' | 'down'; first: number; last: number; count: number } | null = null;
  const close = () => {
    if (run && run.count >= SHIFT_LENGTH) found.push(signal('shift', points, run.first, run.last, run.direction));
  };
  points.forEach((p, i) => {
    if (p.value === centre) return;
    const direction = p.value > centre ? 'up' : 'down';
    if (run?.direction === direction) {
      run.last = i;
      run.count++;
    } else {
      close();
      run = { direction, first: i, last: i, count: 1 };
    }
  });
  close();
  return found;
}

/**
 * Trends: five or more points in a row all going up or all going down. Equal
 * neighbours neither count nor break it: a run of equal values is one point.
 * The signal runs from the last point before the values start to move to the
 * first point that reaches the final value, so reversing time gives the same
 * span in the other direction.
 */
export function trends(points: readonly RunChartPoint[]): RunChartSignal[] {
  // Runs of equal neighbours, each by the index of its first and last point.
  const plateaus: { first: number; last: number; value: number }[] = [];
  points.forEach((p, i) => {
    const previous = plateaus.at(-1);
    if (previous && previous.value === p.value) previous.last = i;
    else plateaus.push({ first: i, last: i, value: p.value });
  });
  const found: RunChartSignal[] = [];
  let start = 0;
  for (let end = 1; end <= plateaus.length; end++) {
    const step = (at: number) => Math.sign((plateaus[at] as { value: number }).value - (plateaus[at - 1] as { value: number }).value);
    // A run ends where the direction turns, or at the last point.
    if (end < plateaus.length && (end === start + 1 || step(end) === step(end - 1))) continue;
    const last = end - 1;
    if (last - start + 1 >= TREND_LENGTH) {
      const from = (plateaus[start] as { last: number }).last;
      const to = (plateaus[last] as { first: number }).first;
      found.push(signal('trend', points, from, to, step(last) > 0 ? 'up' : 'down'));
    }
    // The turning point both ends one run and starts the next.
    start = last;
  }
  return found;
}

/** The median and every signal of a series, ordered by their first point (a shift before a trend on the same day). */
export function runChart(points: readonly RunChartPoint[]): { median: number | null; signals: RunChartSignal[] } {
  const centre = median(points.map((p) => p.value));
  const signals = [...shifts(points, centre), ...trends(points)].sort(
    (a, b) => a.from.localeCompare(b.from) || a.rule.localeCompare(b.rule) || a.to.localeCompare(b.to),
  );
  return { median: centre, signals };
}

/**
 * How many points a signal is made of, as people count them: for a shift the
 * points off the median, for a trend the points that moved (equal neighbours
 * once). Used to say "six measurements in a row below the median".
 */
export function signalLength(points: readonly RunChartPoint[], centre: number | null, s: RunChartSignal): number {
  const inside = points.filter((p) => p.measuredOn >= s.from && p.measuredOn <= s.to);
  if (s.rule === 'shift') {
    return centre === null ? 0 : inside.filter((p) => p.value !== centre && p.value > centre === (s.direction === 'up')).length;
  }
  return inside.filter((p, i) => i === 0 || p.value !== (inside[i - 1] as RunChartPoint).value).length;
}

/**
 * The signals to tell people about: the latest of each rule, newest first.
 * With the median of all points a real improvement also shows the earlier
 * level as a shift on the other side; what the team wants to know is where
 * the series went last.
 */
export function latestSignals(signals: readonly RunChartSignal[]): RunChartSignal[] {
  const latest = new Map<SignalRule, RunChartSignal>();
  for (const s of signals) {
    const seen = latest.get(s.rule);
    if (!seen || s.to > seen.to || (s.to === seen.to && s.from > seen.from)) latest.set(s.rule, s);
  }
  return [...latest.values()].sort((a, b) => b.to.localeCompare(a.to) || a.rule.localeCompare(b.rule));
}

/** Whether a signal points the way the indicator should go: down is better for `decrease`. */
export function signalIsImprovement(s: RunChartSignal, direction: 'increase' | 'decrease'): boolean {
  return (s.direction === 'up') === (direction === 'increase');
}

function signal(rule: SignalRule, points: readonly RunChartPoint[], first: number, last: number, direction: 'up' | 'down'): RunChartSignal {
  return { rule, from: (points[first] as RunChartPoint).measuredOn, to: (points[last] as RunChartPoint).measuredOn, direction };
}
