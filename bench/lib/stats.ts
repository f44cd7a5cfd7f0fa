/** Percentile by nearest rank over a sorted copy. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

export type Latency = { p50: number; p99: number; max: number; n: number };

export const latency = (samplesMs: readonly number[]): Latency => ({
  p50: round(percentile(samplesMs, 50), 2),
  p99: round(percentile(samplesMs, 99), 2),
  max: round(Math.max(...samplesMs), 2),
  n: samplesMs.length,
});

export const round = (value: number, digits = 0): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `work` once and answers how many milliseconds it took. */
export const timed = async (work: () => unknown): Promise<number> => {
  const start = nowMs();
  await work();
  return nowMs() - start;
};

/** Median of several measured rates: a run is repeated to damp noise on a shared machine. */
export const median = (values: readonly number[]): number => percentile(values, 50);
