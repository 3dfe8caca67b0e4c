import fc from 'fast-check';
import { indicatorProgress, organizationProgress } from './progress';

describe('organizationProgress', () => {
  const waiting = { baseline: 14, target: 7, direction: 'decrease' as const };

  it("uses the organisation's own baseline and target where it set them", () => {
    // Lunner starts at 20 and aims for 10: at 15 it is half way, though 15 is past the indicator's own baseline.
    expect(organizationProgress(waiting, { baseline: 20, target: 10 }, 15)).toBe(0.5);
    expect(organizationProgress(waiting, null, 15)).toBe(0);
  });

  it("falls back to the indicator's figures, and is null before the organisation measures", () => {
    expect(organizationProgress(waiting, undefined, 10.5)).toBe(0.5);
    expect(organizationProgress(waiting, { baseline: 20, target: 10 }, null)).toBeNull();
  });

  it('is the one progress rule applied to the figures that hold for the organisation', () => {
    const figure = fc.integer({ min: -100, max: 100 });
    fc.assert(
      fc.property(
        fc.record({ baseline: figure, target: figure, direction: fc.constantFrom('increase' as const, 'decrease' as const) }),
        fc.option(fc.record({ baseline: figure, target: figure })),
        fc.option(figure),
        (indicator, own, latest) => {
          const figures = own ?? indicator;
          expect(organizationProgress(indicator, own, latest)).toBe(
            indicatorProgress(figures.baseline, figures.target, indicator.direction, latest),
          );
        },
      ),
    );
  });
});
