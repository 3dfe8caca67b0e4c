import fc from 'fast-check';
import {
  latestSignals,
  median,
  runChart,
  type RunChartPoint,
  type RunChartSignal,
  shifts,
  signalIsImprovement,
  signalLength,
  trends,
} from './run-chart';

/** Points on consecutive days from 2026-01-01, oldest first. */
const series = (values: readonly number[]): RunChartPoint[] =>
  values.map((value, i) => ({ measuredOn: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), value }));
/** The date of the n-th point (1-based), as the textbooks count. */
const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('shift: six or more points in a row on one side of the median', () => {
  it('finds six above and six below', () => {
    const points = series([10, 11, 12, 10, 11, 12, 5, 6, 4, 5, 6, 4]);
    expect(median(points.map((p) => p.value))).toBe(8);
    expect(shifts(points)).toEqual([
      { rule: 'shift', from: day(1), to: day(6), direction: 'up' },
      { rule: 'shift', from: day(7), to: day(12), direction: 'down' },
    ]);
  });

  it('needs six: five in a row is not a shift', () => {
    // Median 6: five below, then the rest above with a point on the other side in between.
    expect(shifts(series([1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 1, 9]), 6)).toEqual([]);
  });

  it('lets points on the median neither count nor break the run', () => {
    const points = series([7, 8, 5, 7, 8, 5, 9, 7, 1, 2, 3, 2, 1]);
    expect(median(points.map((p) => p.value))).toBe(5);
    // Six above (7, 8, 7, 8, 9, 7), the two on the median in between: one shift over all eight days.
    expect(shifts(points)).toEqual([{ rule: 'shift', from: day(1), to: day(8), direction: 'up' }]);
  });

  it('does not count a point on the median as the sixth', () => {
    // Five above with one on the median among them: not yet a shift.
    expect(shifts(series([8, 9, 5, 8, 9, 8, 1, 2, 1, 2]), 5)).toEqual([]);
  });

  it('starts and ends at points off the median', () => {
    expect(shifts(series([5, 1, 2, 1, 2, 1, 2, 5, 9]), 5)).toEqual([{ rule: 'shift', from: day(2), to: day(7), direction: 'down' }]);
  });
});

describe('trend: five or more points in a row all going up or all going down', () => {
  it('finds five going up', () => {
    expect(trends(series([1, 2, 3, 4, 5]))).toEqual([{ rule: 'trend', from: day(1), to: day(5), direction: 'up' }]);
  });

  it('needs five: four is not a trend', () => {
    expect(trends(series([1, 2, 3, 4, 2]))).toEqual([]);
  });

  it('lets equal neighbours neither count nor break it', () => {
    // 2, 2 counts once: 1 2 3 4 5 are five points going up.
    expect(trends(series([1, 2, 2, 3, 4, 5]))).toEqual([{ rule: 'trend', from: day(1), to: day(6), direction: 'up' }]);
    // 3, 3 counts once: only four points going up.
    expect(trends(series([1, 2, 3, 3, 4]))).toEqual([]);
  });

  it('runs from the last point before the values move to the first that reaches the end', () => {
    expect(trends(series([5, 5, 4, 3, 2, 1, 1]))).toEqual([{ rule: 'trend', from: day(2), to: day(6), direction: 'down' }]);
  });

  it('shares the turning point between a rise and a fall', () => {
    expect(trends(series([1, 2, 3, 4, 5, 4, 3, 2, 1]))).toEqual([
      { rule: 'trend', from: day(1), to: day(5), direction: 'up' },
      { rule: 'trend', from: day(5), to: day(9), direction: 'down' },
    ]);
  });

  it('finds nothing in a flat or too short series', () => {
    expect(trends(series([3, 3, 3, 3, 3, 3]))).toEqual([]);
    expect(trends(series([1]))).toEqual([]);
    expect(trends([])).toEqual([]);
  });
});

describe('runChart', () => {
  it('reads the demo waiting times: a shift down after a shift up, and a year-long fall', () => {
    const points = series([14, 13.5, 13, 12, 12, 11, 10.5, 10, 9.5, 9, 8.5, 8]);
    const chart = runChart(points);
    expect(chart.median).toBe(10.75);
    expect(chart.signals).toEqual([
      { rule: 'shift', from: day(1), to: day(6), direction: 'up' },
      { rule: 'trend', from: day(1), to: day(12), direction: 'down' },
      { rule: 'shift', from: day(7), to: day(12), direction: 'down' },
    ]);
    const [, trend, shiftDown] = chart.signals as [RunChartSignal, RunChartSignal, RunChartSignal];
    expect(signalLength(points, chart.median, shiftDown)).toBe(6);
    expect(signalLength(points, chart.median, trend)).toBe(11);
    expect(signalIsImprovement(shiftDown, 'decrease')).toBe(true);
    expect(signalIsImprovement(shiftDown, 'increase')).toBe(false);
    // What to tell: where the series went last, of each rule.
    expect(latestSignals(chart.signals)).toEqual([shiftDown, trend]);
  });

  it('has no median and no signals without points', () => {
    expect(runChart([])).toEqual({ median: null, signals: [] });
  });
});

describe('run-chart rules on generated series', () => {
  // Few distinct values, so points on the median and equal neighbours are common.
  const values = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 });
  const flip = (d: RunChartSignal['direction']): RunChartSignal['direction'] => (d === 'up' ? 'down' : 'up');
  const key = (s: RunChartSignal) => `${s.rule} ${s.from} ${s.to} ${s.direction}`;
  /** The signals of the reversed series, dated by the original points. */
  const reversed = (vs: number[]) => {
    const points = series(vs);
    const backwards = points.map((p, i) => ({ ...p, value: (points[points.length - 1 - i] as RunChartPoint).value }));
    // Point i of the reversed series is point n-1-i of the original.
    const original = (date: string) =>
      (points[points.length - 1 - backwards.findIndex((p) => p.measuredOn === date)] as RunChartPoint).measuredOn;
    return runChart(backwards).signals.map((s) => ({ ...s, from: original(s.to), to: original(s.from) }));
  };

  it('reversing time flips every trend and keeps every shift', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const forwards = runChart(series(vs)).signals;
        const expected = forwards.map((s) => (s.rule === 'trend' ? { ...s, direction: flip(s.direction) } : s));
        expect(reversed(vs).map(key).sort()).toEqual(expected.map(key).sort());
      }),
    );
  });

  it('turning the values upside down flips every signal; moving them all changes none', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -1000, max: 1000 }), (vs, offset) => {
        const signals = runChart(series(vs)).signals;
        const negated = runChart(series(vs.map((v) => -v))).signals;
        expect(negated.map(key).sort()).toEqual(signals.map((s) => key({ ...s, direction: flip(s.direction) })).sort());
        expect(runChart(series(vs.map((v) => v + offset))).signals).toEqual(signals);
      }),
    );
  });

  it('every shift has six or more points on its side, none on the other, and cannot be longer', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const points = series(vs);
        const centre = median(vs);
        for (const s of shifts(points, centre)) {
          const side = (p: RunChartPoint) => (p.value === centre ? null : p.value > (centre as number) ? 'up' : 'down');
          const inside = points.filter((p) => p.measuredOn >= s.from && p.measuredOn <= s.to).map(side);
          expect(inside.filter((x) => x === s.direction).length).toBeGreaterThanOrEqual(6);
          expect(inside).not.toContain(flip(s.direction));
          const before = points
            .filter((p) => p.measuredOn < s.from)
            .map(side)
            .filter((x) => x !== null)
            .at(-1);
          const after = points
            .filter((p) => p.measuredOn > s.to)
            .map(side)
            .find((x) => x !== null);
          expect([before, after].filter((x) => x === s.direction)).toEqual([]);
        }
      }),
    );
  });

  it('every trend has five or more distinct points moving one way', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const points = series(vs);
        for (const s of trends(points)) {
          const inside = points.filter((p) => p.measuredOn >= s.from && p.measuredOn <= s.to).map((p) => p.value);
          const moves = inside
            .slice(1)
            .map((v, i) => Math.sign(v - (inside[i] as number)))
            .filter((m) => m !== 0);
          expect(moves.length + 1).toBeGreaterThanOrEqual(5);
          expect(new Set(moves)).toEqual(new Set([s.direction === 'up' ? 1 : -1]));
        }
      }),
    );
  });

  it('the median has at least half the points on or above it and on or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (vs) => {
        const m = median(vs) as number;
        expect(vs.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(vs.length);
        expect(vs.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(vs.length);
      }),
    );
  });
});
