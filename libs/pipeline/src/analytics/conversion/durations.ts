/**
 * Durations summarised the same way everywhere in these analytics: how many, the median and the
 * 90th percentile, both by nearest rank (the smallest observation with at least p% of them at or
 * below it: the ⌈p·n/100⌉-th smallest, so the median of an even count is the lower middle one).
 * Always an observed value, never an interpolation between two.
 */
export type DurationSummary = { count: number; median: number | null; p90: number | null };

/** The ⌈p·n/100⌉-th smallest of `sorted` (ascending), p in 1…100; null when empty. */
export const nearestRank = (sorted: readonly number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
};

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A duration in `unitMs` units, to 2 decimals (durations are not money: a float is fine). */
const inUnits = (ms: number | null, unitMs: number): number | null =>
  ms === null ? null : Math.round((ms / unitMs) * 100) / 100;

/** Count, median and p90 of durations in milliseconds, stated in `unitMs` units. */
export const summarise = (durationsMs: readonly number[], unitMs: number): DurationSummary => {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: inUnits(nearestRank(sorted, 50), unitMs),
    p90: inUnits(nearestRank(sorted, 90), unitMs),
  };
};
