import { STATEMENT } from './deviations';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('the accessibility statement’s facts (deviations.json)', () => {
  it('gives every deviation a WCAG criterion, its place and reason in bokmål and English, and a fix date after the last check', () => {
    expect(STATEMENT.checkedOn).toMatch(DATE);
    expect(STATEMENT.feedbackEmail).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    for (const deviation of STATEMENT.deviations) {
      expect(deviation.criterion).toMatch(/^[1-4]\.\d{1,2}\.\d{1,2}$/);
      for (const text of [deviation.criterionName, deviation.where, deviation.reason]) {
        expect(text.nb.trim().length).toBeGreaterThan(0);
        expect(text.en.trim().length).toBeGreaterThan(0);
      }
      expect(deviation.fixBy).toMatch(DATE);
      expect(deviation.fixBy > STATEMENT.checkedOn).toBe(true);
    }
  });
});
