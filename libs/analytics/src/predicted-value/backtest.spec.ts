import { seededRandom } from './domain/seeded-random';
import { backtest } from './backtest';
import type { PurchaseOrder } from './purchases.document';
import { simulateCustomers } from './testing/simulated-purchases';

const BGNBD = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const SPEND = { p: 6.25, q: 3.74, gamma: 1544 };
const FIRST_DAY = 20_000;
const CALIBRATION_END = FIRST_DAY + 12 * 7 + 39 * 7;
const HOLDOUT_END = CALIBRATION_END + 39 * 7;

const anOrder = (day: number, overrides: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  id: `o-${day}`,
  currency: 'EUR',
  day,
  total: 1000,
  cancelledDay: null,
  refunds: [],
  ...overrides,
});

/** Holdout purchases (days) of each simulated customer who bought by the calibration day. */
const holdoutCounts = (customers: { orders: PurchaseOrder[] }[]) =>
  customers
    .filter(({ orders }) => orders.some((o) => o.day <= CALIBRATION_END))
    .map(
      ({ orders }) =>
        new Set(
          orders.filter((o) => o.day > CALIBRATION_END && o.day <= HOLDOUT_END).map((o) => o.day),
        ).size,
    );

describe('back-test', () => {
  it.each([3, 4, 5])(
    'predicts the cumulative repeat purchases of simulated customers within 4 standard errors (seed %i)',
    (seed) => {
      const customers = simulateCustomers(
        BGNBD,
        SPEND,
        {
          customers: 3000,
          firstDay: FIRST_DAY,
          cohortDays: 84,
          lastDay: HOLDOUT_END,
          currency: 'EUR',
        },
        seededRandom(seed),
      );
      const sut = backtest(customers, CALIBRATION_END, HOLDOUT_END);
      const counts = holdoutCounts(customers);
      const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
      const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (counts.length - 1);
      const standardError = Math.sqrt(counts.length * variance);

      expect(sut.customers).toBe(counts.length);
      expect(sut.actualPurchases).toBe(counts.reduce((s, c) => s + c, 0));
      expect(Math.abs(sut.predictedPurchases - sut.actualPurchases)).toBeLessThan(
        4 * standardError,
      );
      expect(sut.byWeek).toHaveLength(39);
      expect(sut.byWeek.at(-1)).toMatchObject({ week: 39, actualCumulative: sut.actualPurchases });
      for (const [i, week] of sut.byWeek.entries()) {
        const before = sut.byWeek[i - 1];
        if (!before) continue;
        expect(week.predictedCumulative).toBeGreaterThan(before.predictedCumulative);
        expect(week.actualCumulative).toBeGreaterThanOrEqual(before.actualCumulative);
      }
    },
  );

  it('fits on what was known at the calibration day and counts what the holdout day knew', () => {
    const c = CALIBRATION_END;
    const customers = [
      // Cancelled in the holdout: a purchase in the calibration, none in the holdout.
      { customerId: 'a', orders: [anOrder(c - 100), anOrder(c - 50, { cancelledDay: c + 3 })] },
      // Placed in the holdout, cancelled after it: one holdout purchase; two orders of one day: one.
      {
        customerId: 'b',
        orders: [
          anOrder(c - 30),
          anOrder(c + 10, { cancelledDay: HOLDOUT_END + 1 }),
          anOrder(c + 20, { id: 'x' }),
          anOrder(c + 20, { id: 'y' }),
          anOrder(c + 30, { cancelledDay: c + 40 }),
        ],
      },
      // First purchase after the calibration day: not predicted.
      { customerId: 'c', orders: [anOrder(c + 1), anOrder(c + 2)] },
    ];
    const sut = backtest(customers, c, c + 21);
    expect(sut.customers).toBe(2);
    expect(sut.actualPurchases).toBe(2);
    expect(sut.byWeek.map((w) => w.actualCumulative)).toEqual([0, 1, 2]);
    expect(sut.byWeek.map((w) => w.end)).toHaveLength(3);
    expect(sut.meanAbsoluteError).toBeGreaterThan(0);
  });
});
