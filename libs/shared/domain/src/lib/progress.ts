import type { Direction } from '@samspill/contracts';

/**
 * Share of the way from baseline to target, clamped to 0..1. A value past
 * the baseline in the wrong direction counts as no progress.
 */
export function indicatorProgress(baseline: number, target: number, direction: Direction, value: number | null): number | null {
  if (value === null) return null;
  if (baseline === target) return (direction === 'increase' ? value >= target : value <= target) ? 1 : 0;
  const share = (value - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, share));
}
