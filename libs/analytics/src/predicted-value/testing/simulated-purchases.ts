import type { BgNbdParams } from '../domain/bgnbd';
import type { GammaGammaParams } from '../domain/gamma-gamma';
import type { Random } from '../domain/seeded-random';
import { beta, exponential, gamma } from '../domain/seeded-random';
import type { PurchaseOrder } from '../purchases.document';

export type SimulatedCustomer = { customerId: string; orders: PurchaseOrder[] };

export type Cohort = {
  customers: number;
  /** First purchases fall on days [firstDay, firstDay + cohortDays). */
  firstDay: number;
  cohortDays: number;
  /** Nothing is simulated after this day. */
  lastDay: number;
  currency: string;
};

/**
 * Customers drawn from both models' stories, as orders: a first purchase at a random time of
 * the cohort's days; then, while alive, purchases at rate λ ~ Gamma(r, α) per week, dropping out
 * after each with probability p ~ Beta(a, b); each purchase worth Gamma(p, ν) minor units,
 * ν ~ Gamma(q, γ) per customer (rounded, at least 1).
 */
export const simulateCustomers = (
  bgnbd: BgNbdParams,
  spend: GammaGammaParams,
  cohort: Cohort,
  random: Random,
): SimulatedCustomer[] =>
  Array.from({ length: cohort.customers }, (_, i) => {
    const lambda = gamma(random, bgnbd.r, bgnbd.alpha);
    const dropout = beta(random, bgnbd.a, bgnbd.b);
    const nu = gamma(random, spend.q, spend.gamma);
    const start = cohort.firstDay + random() * cohort.cohortDays;
    const orders: PurchaseOrder[] = [];
    const buy = (time: number) =>
      orders.push({
        id: `o-${i}-${orders.length}`,
        currency: cohort.currency,
        day: Math.floor(time),
        total: Math.max(1, Math.round(gamma(random, spend.p, nu))),
        cancelledDay: null,
        refunds: [],
      });
    buy(start);
    for (let weeks = 0; ;) {
      weeks += exponential(random, lambda);
      const time = start + 7 * weeks;
      if (time >= cohort.lastDay + 1) break;
      buy(time);
      if (random() < dropout) break;
    }
    return { customerId: `c-${String(i).padStart(6, '0')}`, orders };
  });
