import type { ResultRow } from './report';
import type { Durability } from './stores';

export type WorkloadContext = {
  quick: boolean;
  /** Scratch folder of this run (datasets, databases); removed at the end unless --keep. */
  workDir: string;
  durability: Durability;
  log(message: string): void;
};

export type Workload = (context: WorkloadContext) => Promise<ResultRow[]>;

/** Alternates the variants' order round by round, so drift on a shared machine hits all. */
export const rotated = <T>(items: readonly T[], round: number): T[] => {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
};

export const perSecond = (count: number, ms: number): number => (count / ms) * 1000;

export const fmtRate = (value: number, unit = 'commands/s'): string =>
  `${Math.round(value).toLocaleString('en-US')} ${unit}`;

export const SKIPPED = '@@skipped ';

/** A workload that cannot run here says why instead of inventing a figure. */
export const reportSkipped = (reason: string): void => {
  process.stdout.write(`${SKIPPED}${reason}\n`);
};
