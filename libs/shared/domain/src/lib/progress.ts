import type { Direction } from '@samspill/contracts';

/**
 * Share of the way from baseline to target by a measured value, clamped to
 * 0..1; null before any measurement. A value past the baseline in the wrong
 * direction counts as no progress, one past the target as all of it.
 *
 * When baseline equals target there is no way to go: the share is 1 when the
 * value is at or past the target in the indicator's direction (at least the
 * target for `increase`, at most for `decrease`), else 0.
 *
 * This is the only place progress is computed: the project page and the
 * dashboard both read the raw figures and call this function.
 */
export function indicatorProgress(baseline: number, target: number, direction: Direction, value: number | null): number | null {
  if (value === null) return null;
  if (baseline === target) return (direction === 'increase' ? value >= target : value <= target) ? 1 : 0;
  const share = (value - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, share));
}
