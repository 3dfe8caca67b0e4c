export interface MonthCount {
  /** "YYYY-MM" */
  month: string;
  count: number;
}

/** "2026-11" → months since year 0, so months can be counted and stepped through. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthKey(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The last `span` months up to this month, with zero for the months without
 * any stage transition (the API lists only months that had one), so the time
 * axis is honest. Starts at the first month with data when that is later.
 */
export function recentMonths(series: readonly MonthCount[], now: Date, span = 12): MonthCount[] {
  if (series.length === 0) return [];
  const counts = new Map(series.map((s) => [s.month, s.count]));
  const indices = series.map((s) => monthIndex(s.month));
  const last = Math.max(now.getFullYear() * 12 + now.getMonth(), ...indices);
  const first = Math.max(Math.min(...indices), last - span + 1);
  const months: MonthCount[] = [];
  for (let i = first; i <= last; i++) {
    const month = monthKey(i);
    months.push({ month, count: counts.get(month) ?? 0 });
  }
  return months;
}

/** The first day of a "YYYY-MM" month, in local time, for formatting. */
export function monthDate(month: string): Date {
  const index = monthIndex(month);
  return new Date(Math.floor(index / 12), index % 12, 1);
}
