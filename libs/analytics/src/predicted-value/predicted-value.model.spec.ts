import { bgNbdTotalLogLikelihood } from './domain/bgnbd';
import { gammaGammaTotalLogLikelihood } from './domain/gamma-gamma';
import { seededRandom } from './domain/seeded-random';
import { fitModelAsOf } from './predicted-value.model';
import type { TimeUnit } from './purchase-history';
import { purchaseDaysAsOf, repeatHistoryOf, spendHistoryOf } from './purchase-history';
import type { PurchaseOrder } from './purchases.document';
import { simulateCustomers } from './testing/simulated-purchases';

// The paper's CDNOW estimates (weeks), and Gamma-Gamma's in minor units (γ = 15.44 × 100).
const BGNBD = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const SPEND = { p: 6.25, q: 3.74, gamma: 1544 };
const FIRST_DAY = 20_000;
const CALIBRATION_END = FIRST_DAY + 12 * 7 + 39 * 7;

const cohort = (customers: number, seed: number) =>
  simulateCustomers(
    BGNBD,
    SPEND,
    { customers, firstDay: FIRST_DAY, cohortDays: 84, lastDay: CALIBRATION_END, currency: 'EUR' },
    seededRandom(seed),
  );

const asOf = (customers: { customerId: string; orders: PurchaseOrder[] }[], day: number) =>
  customers.map(({ customerId, orders }) => ({ customerId, days: purchaseDaysAsOf(orders, day) }));

const histories = (customers: ReturnType<typeof asOf>, day: number, unit: TimeUnit) =>
  customers.flatMap(({ days }) => repeatHistoryOf(days, day, unit) ?? []);

// χ² quantiles at 0.999: 4 and 3 degrees of freedom.
const CHI2_4 = 18.47;
const CHI2_3 = 16.27;

describe('the predicted value model fitted on purchases', () => {
  const customers = asOf(cohort(3000, 21), CALIBRATION_END);
  const sut = fitModelAsOf(customers, CALIBRATION_END, 'week');

  it('recovers the generating BG/NBD parameters (likelihood-ratio statistic within χ²₄)', () => {
    const data = histories(customers, CALIBRATION_END, 'week');
    const fit = sut.bgnbd;
    if (!fit) throw new Error('no fit');
    const statistic = 2 * (fit.logLikelihood - bgNbdTotalLogLikelihood(BGNBD, data));
    expect(statistic).toBeGreaterThanOrEqual(-1e-6);
    expect(statistic).toBeLessThan(CHI2_4);
    expect(fit.r).toBeGreaterThan(BGNBD.r / 2);
    expect(fit.r).toBeLessThan(BGNBD.r * 2);
  });

  it('recovers the generating Gamma-Gamma parameters of the currency (within χ²₃)', () => {
    const gg = sut.gammaGamma.get('EUR');
    if (!gg) throw new Error('no fit');
    const spends = customers.flatMap(({ days }) => spendHistoryOf(days, 'EUR') ?? []);
    expect(gg.customers).toBe(spends.length);
    const statistic = 2 * (gg.fit.logLikelihood - gammaGammaTotalLogLikelihood(SPEND, spends));
    expect(statistic).toBeLessThan(CHI2_3);
  });

  it('counts the customers whose first purchase is by the day, and those with a repeat', () => {
    const early = FIRST_DAY + 41;
    const model = fitModelAsOf(asOf(cohort(300, 5), early), early, 'week');
    const expected = histories(asOf(cohort(300, 5), early), early, 'week');
    expect(model.customers).toBe(expected.length);
    expect(model.customers).toBeLessThan(300);
    expect(model.repeatCustomers).toBe(expected.filter((h) => h.x > 0).length);
    expect(model.pAliveDistribution.reduce((n, bin) => n + bin.customers, 0)).toBe(model.customers);
  });

  it('gives the same r, a, b in days, with α seven times larger', () => {
    const days = fitModelAsOf(customers, CALIBRATION_END, 'day').bgnbd;
    const weeks = sut.bgnbd;
    if (!days || !weeks) throw new Error('no fit');
    expect(days.r).toBeCloseTo(weeks.r, 2);
    expect(days.alpha / 7).toBeCloseTo(weeks.alpha, 0);
    expect(days.a).toBeCloseTo(weeks.a, 1);
    expect(days.b).toBeCloseTo(weeks.b, 1);
  });

  it('has no BG/NBD and no Gamma-Gamma without purchases', () => {
    const empty = fitModelAsOf([], CALIBRATION_END, 'week');
    expect(empty).toMatchObject({ customers: 0, repeatCustomers: 0, bgnbd: null });
    expect(empty.gammaGamma.size).toBe(0);
  });
});
