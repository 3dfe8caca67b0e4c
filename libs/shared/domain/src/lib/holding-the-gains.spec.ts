import fc from 'fast-check';
import { addMonths, canAnswerFollowUp, followUpsAfter, followUpStatus } from './holding-the-gains';

describe('follow-up days', () => {
  it('are 6, 12 and 24 months after the move into establish', () => {
    expect(followUpsAfter('2025-10-13')).toEqual([
      { months: 6, dueOn: '2026-04-13' },
      { months: 12, dueOn: '2026-10-13' },
      { months: 24, dueOn: '2027-10-13' },
    ]);
  });

  it('fall on the last day of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 12)).toBe('2027-01-31');
  });

  it('keep the day of the month where the month has it, and always move forward', () => {
    const day = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 36 }), (from, months) => {
        const due = addMonths(from, months);
        expect(due > from).toBe(true);
        const [y, m, d] = from.split('-').map(Number) as [number, number, number];
        const [dy, dm, dd] = due.split('-').map(Number) as [number, number, number];
        expect((dy - y) * 12 + (dm - m)).toBe(months);
        expect(dd).toBe(Math.min(d, new Date(Date.UTC(dy, dm, 0)).getUTCDate()));
      }),
    );
  });
});

describe('followUpStatus', () => {
  it('is upcoming before its day, due from its day, and the answer once answered', () => {
    expect(followUpStatus({ dueOn: '2026-04-13', answer: null }, '2026-04-12')).toBe('upcoming');
    expect(followUpStatus({ dueOn: '2026-04-13', answer: null }, '2026-04-13')).toBe('due');
    expect(followUpStatus({ dueOn: '2026-04-13', answer: 'slipped' }, '2026-05-01')).toBe('slipped');
    expect(followUpStatus({ dueOn: '2027-04-13', answer: 'held' }, '2026-05-01')).toBe('held');
  });
});

describe('canAnswerFollowUp', () => {
  it('lets a leader of that organisation and an admin answer, and no one else', () => {
    const gran = { organizationId: 'gran' };
    expect(canAnswerFollowUp({ role: 'leader', organizationId: 'gran' }, gran)).toBe(true);
    expect(canAnswerFollowUp({ role: 'admin', organizationId: null }, gran)).toBe(true);
    expect(canAnswerFollowUp({ role: 'leader', organizationId: 'lunner' }, gran)).toBe(false);
    expect(canAnswerFollowUp({ role: 'staff', organizationId: 'gran' }, gran)).toBe(false);
    expect(canAnswerFollowUp({ role: 'politician', organizationId: 'gran' }, gran)).toBe(false);
  });
});
