import { isCalendarDate } from './validators';

describe('isCalendarDate', () => {
  it.each(['2026-11-26', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([
    '2026',
    '2026-11',
    '2026-W48-4',
    '2026-02-30',
    '1900-02-29',
    '2026-00-10',
    '2026-11-00',
    '0000-01-01',
    '2026-11-26T00:00:00Z',
    '2026-1-26',
    20261126,
    null,
  ])('refuses %s', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });
});
