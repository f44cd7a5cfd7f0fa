import type { BgNbdParams } from '../../libs/analytics/src/predicted-value/domain/bgnbd';
import type { GammaGammaParams } from '../../libs/analytics/src/predicted-value/domain/gamma-gamma';
import type { Random } from '../../libs/analytics/src/predicted-value/domain/seeded-random';
import {
  beta,
  exponential,
  gamma,
  seededRandom,
} from '../../libs/analytics/src/predicted-value/domain/seeded-random';
import type { CustomerPurchasesDocument, PurchaseOrder } from '@crm/analytics';

/**
 * The population the predicted-value workload fits: customers who buy often enough to place
 * about ten orders each over two years (in weeks), and the spend of each order.
 */
export const BENCH_BGNBD: BgNbdParams = { r: 1.1, alpha: 3, a: 0.6, b: 6 };
export const BENCH_GAMMA_GAMMA: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Days over which first purchases are spread before the calibration day. */
const SPAN_DAYS = 730;

/**
 * Customers' orders drawn from the models' stories, day by day as the read model keeps them:
 * first purchase on a uniform day of the two years up to `asOfDay`, then orders at rate λ ~
 * Gamma(r, α) per week while alive, dropping out after each with p ~ Beta(a, b); each order's
 * value ~ Gamma(p, ν) (ν ~ Gamma(q, γ)) in euros, kept in cents. Orders on one day are one
 * purchase, as the definitions say; a few orders are cancelled or part-refunded so the read
 * model's rules have work to do.
 */
export const generatePurchaseDocuments = (
  customers: number,
  asOfDay: number,
  seed = 21,
): CustomerPurchasesDocument[] => {
  const random = seededRandom(seed);
  return Array.from({ length: customers }, (_, i) => {
    const customerId = `c${String(i).padStart(6, '0')}`;
    return { _id: customerId, customerId, orders: ordersOf(customerId, asOfDay, random) };
  });
};

const ordersOf = (customerId: string, asOfDay: number, random: Random): PurchaseOrder[] => {
  const { r, alpha, a, b } = BENCH_BGNBD;
  const firstDay = asOfDay - Math.floor(random() * SPAN_DAYS);
  const lambda = gamma(random, r, alpha);
  const dropout = beta(random, a, b);
  const nu = gamma(random, BENCH_GAMMA_GAMMA.q, BENCH_GAMMA_GAMMA.gamma);
  const order = (day: number, n: number): PurchaseOrder => {
    const total = Math.max(1, Math.round(gamma(random, BENCH_GAMMA_GAMMA.p, nu) * 100));
    const fate = random();
    return {
      id: `${customerId}-${n}`,
      currency: 'EUR',
      day,
      total,
      // 3% cancelled within a week, 3% part-refunded within a month.
      cancelledDay: fate < 0.03 ? day + Math.floor(random() * 7) : null,
      refunds: fate > 0.97 ? [[day + Math.floor(random() * 30), Math.floor(total / 4)]] : [],
    };
  };
  const orders = [order(firstDay, 0)];
  // Weeks since the first purchase, up to the calibration day (and beyond: later orders are
  // in the log too, and the read model must leave them out as of asOfDay).
  const horizon = (asOfDay - firstDay + 180) / 7;
  let t = 0;
  for (;;) {
    t += exponential(random, lambda);
    if (t > horizon) return orders;
    orders.push(order(firstDay + Math.floor(t * 7), orders.length));
    if (random() < dropout) return orders;
  }
};
