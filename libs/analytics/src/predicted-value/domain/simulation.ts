import type { BgNbdParams, RepeatHistory } from './bgnbd';
import type { GammaGammaParams, SpendHistory } from './gamma-gamma';
import type { Random } from './seeded-random';
import { beta, exponential, gamma } from './seeded-random';

/**
 * One customer drawn from the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b); repeat purchases
 * arrive at rate λ while alive, and after each one the customer drops out with probability p.
 */
export const simulateBgNbdCustomer = (
  { r, alpha, a, b }: BgNbdParams,
  T: number,
  random: Random,
): RepeatHistory => {
  const lambda = gamma(random, r, alpha);
  const p = beta(random, a, b);
  let x = 0;
  let tx = 0;
  for (;;) {
    const next = tx + exponential(random, lambda);
    if (next > T) return { x, tx, T };
    x++;
    tx = next;
    if (random() < p) return { x, tx, T };
  }
};

/** One customer drawn from the Gamma-Gamma story: ν ~ Gamma(q, γ), each value ~ Gamma(p, ν). */
export const simulateGammaGammaCustomer = (
  { p, q, gamma: scale }: GammaGammaParams,
  x: number,
  random: Random,
): SpendHistory => {
  const nu = gamma(random, q, scale);
  let total = 0;
  for (let i = 0; i < x; i++) total += gamma(random, p, nu);
  return { x, m: total / x };
};
