import type { Random } from './prng';
import type { Ref, Timeline } from './timeline';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type DemoCustomer = {
  ref: Ref;
  since: number;
  tags: readonly string[];
  currency: string;
  /** Orders per 30 days. */
  orderRate: number;
  /** How this customer tends to rate, added to the agent's quality. */
  mood: number;
};

/** What the generators share: the randomness, the period, the schedule and what exists. */
export type DemoWorld = {
  random: Random;
  start: number;
  end: number;
  timeline: Timeline;
  customers: DemoCustomer[];
};

/** A time in [from, to], uniformly. */
export const between = (world: DemoWorld, from: number, to: number): number =>
  from + world.random.next() * Math.max(0, to - from);

/** How many events of a Poisson process with this mean happen. */
export const poisson = (world: DemoWorld, mean: number): number => {
  const limit = Math.exp(-mean);
  let product = world.random.next();
  let count = 0;
  while (product > limit) {
    count += 1;
    product *= world.random.next();
  }
  return count;
};
