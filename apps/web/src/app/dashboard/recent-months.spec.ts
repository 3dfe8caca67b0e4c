import { monthDate, recentMonths } from './recent-months';

describe('recentMonths', () => {
  const now = new Date(2026, 10, 26); // November 2026

  it('fills the months without transitions with zero, up to this month', () => {
    expect(
      recentMonths(
        [
          { month: '2026-08', count: 2 },
          { month: '2026-10', count: 1 },
        ],
        now,
      ),
    ).toEqual([
      { month: '2026-08', count: 2 },
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 0 },
    ]);
  });

  it('keeps only the last twelve months, across a new year', () => {
    const months = recentMonths(
      [
        { month: '2024-03', count: 5 },
        { month: '2026-01', count: 3 },
      ],
      now,
    );
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-12', count: 0 });
    expect(months[1]).toEqual({ month: '2026-01', count: 3 });
    expect(months.at(-1)).toEqual({ month: '2026-11', count: 0 });
  });

  it('has nothing to show when nothing has happened', () => {
    expect(recentMonths([], now)).toEqual([]);
  });

  it('reaches a month from the future rather than dropping it', () => {
    expect(recentMonths([{ month: '2026-12', count: 1 }], now)).toEqual([{ month: '2026-12', count: 1 }]);
  });
});

describe('monthDate', () => {
  it('is the first day of the month in local time', () => {
    expect(monthDate('2026-01')).toEqual(new Date(2026, 0, 1));
  });
});
