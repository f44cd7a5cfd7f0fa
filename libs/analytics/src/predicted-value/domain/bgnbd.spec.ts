import type { BgNbdParams, RepeatHistory } from './bgnbd';
import {
  bgNbdLogLikelihood,
  bgNbdTotalLogLikelihood,
  expectedPurchases,
  fitBgNbd,
  pAlive,
} from './bgnbd';
import { seededRandom } from './seeded-random';
import { simulateBgNbdCustomer } from './simulation';

// Fader, Hardie & Lee (2005), table 1: the CDNOW estimates, in weeks.
const cdnow: BgNbdParams = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

const aHistory = (overrides: Partial<RepeatHistory> = {}): RepeatHistory => ({
  x: 2,
  tx: 30.43,
  T: 38.86,
  ...overrides,
});

// Cohorts that joined 26, 39, 52 or 78 weeks before the calibration date.
const simulatedCustomers = (
  params: BgNbdParams,
  count: number,
  seed: number,
  cohorts = [26, 39, 52, 78],
) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    simulateBgNbdCustomer(params, cohorts[i % cohorts.length] ?? 39, random),
  );
};

const relativeErrors = (fit: BgNbdParams, truth: BgNbdParams) =>
  (['r', 'alpha', 'a', 'b'] as const).map((k) => Math.abs(fit[k] / truth[k] - 1));

describe('BG/NBD with the published CDNOW estimates', () => {
  it('expects 1.226 purchases in the next 39 weeks from x = 2, tx = 30.43, T = 38.86', () =>
    expect(expectedPurchases(cdnow, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3));

  it('expects no purchases in no time', () =>
    expect(expectedPurchases(cdnow, 0, 2, 30.43, 38.86)).toBe(0));

  it('expects more purchases over a longer horizon', () => {
    const horizons = [1, 13, 39, 52, 104, 520].map((t) =>
      expectedPurchases(cdnow, t, 2, 30.43, 38.86),
    );
    horizons.slice(1).forEach((e, i) => expect(e).toBeGreaterThan(horizons[i] ?? Infinity));
  });

  it('expects from a new customer (x = 0, T = 0) the mean count a simulation of the model gives', () => {
    // With T = 0, eq. 10 is E[X(t)] (eq. 9); the simulation is independent of that formula.
    const simulated = simulatedCustomers(cdnow, 40_000, 7, [39]);
    const mean = simulated.reduce((sum, c) => sum + c.x, 0) / simulated.length;
    const sd = Math.sqrt(
      simulated.reduce((sum, c) => sum + (c.x - mean) ** 2, 0) / simulated.length,
    );
    const standardError = sd / Math.sqrt(simulated.length);
    expect(Math.abs(expectedPurchases(cdnow, 39, 0, 0, 0) - mean)).toBeLessThan(4 * standardError);
  });

  it('is continuous through a = 1, where eq. 10 is 0/0', () => {
    const at = (a: number) => expectedPurchases({ ...cdnow, a }, 39, 2, 30.43, 38.86);
    const around = (at(1 - 1e-3) + at(1 + 1e-3)) / 2;
    for (const a of [1, 1 - 1e-12, 1 + 1e-12, 1 - 1e-9, 1 + 1e-9, 1 + 1e-6])
      expect(Math.abs(at(a) / around - 1)).toBeLessThan(1e-5);
  });

  it('counts a customer with no repeat purchases as surely alive', () =>
    expect(pAlive(cdnow, 0, 0, 38.86)).toBe(1));

  it('finds a customer whose last purchase was long ago less likely alive than one who bought just now', () => {
    const recent = pAlive(cdnow, 2, 38, 38.86);
    const lapsed = pAlive(cdnow, 2, 5, 38.86);
    expect(recent).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
    expect(recent).toBeLessThan(1);
  });

  it('computes P(alive) from the closed form 1/(1 + a/(b+x−1)·((α+T)/(α+tx))^(r+x))', () => {
    const { r, alpha, a, b } = cdnow;
    const expected = 1 / (1 + (a / (b + 2 - 1)) * ((alpha + 38.86) / (alpha + 30.43)) ** (r + 2));
    expect(pAlive(cdnow, 2, 30.43, 38.86)).toBeCloseTo(expected, 12);
  });
});

describe('the BG/NBD log-likelihood', () => {
  it('matches eq. 6 written with beta functions for a repeat buyer', () => {
    const { r, alpha, a, b } = cdnow;
    const { x, tx, T } = aHistory();
    // B(a, b+x)/B(a, b) and B(a+1, b+x−1)/B(a, b) for x = 2, written out with Γ(n+1) = nΓ(n).
    const stay = (b * (b + 1)) / ((a + b) * (a + b + 1));
    const drop = (a * b) / ((a + b) * (a + b + 1));
    const gammaRatio = r * (r + 1) * alpha ** r;
    const expected = Math.log(
      gammaRatio * (stay / (alpha + T) ** (r + x) + drop / (alpha + tx) ** (r + x)),
    );
    expect(bgNbdLogLikelihood(cdnow, aHistory())).toBeCloseTo(expected, 12);
  });

  it('is finite for edge customers: x = 0, tx = T, a very long T, many purchases', () => {
    for (const history of [
      aHistory({ x: 0, tx: 0 }),
      aHistory({ x: 3, tx: 38.86 }),
      aHistory({ x: 0, tx: 0, T: 1e6 }),
      aHistory({ x: 5, tx: 9e5, T: 1e6 }),
      aHistory({ x: 500, tx: 38, T: 38.86 }),
      aHistory({ x: 0, tx: 0, T: 0 }),
    ])
      expect(Number.isFinite(bgNbdLogLikelihood(cdnow, history))).toBe(true);
  });

  it('sums the customers’ log-likelihoods, identical customers included', () => {
    const customers = [aHistory(), aHistory(), aHistory({ x: 0, tx: 0 })];
    expect(bgNbdTotalLogLikelihood(cdnow, customers)).toBeCloseTo(
      customers.reduce((sum, c) => sum + bgNbdLogLikelihood(cdnow, c), 0),
      10,
    );
  });
});

describe('fitting BG/NBD by maximum likelihood', () => {
  const truth = cdnow;
  // Customers who buy often and drop out slowly: x in the tens, a below 1.
  const heavyBuyers: BgNbdParams = { r: 2, alpha: 3, a: 0.6, b: 6 };

  // A budget for a loaded, shared CI machine, not a timing assertion: each fit takes about a second alone.
  const fitBudgetMs = 30_000;
  // 99.9% quantile of χ² with 4 degrees of freedom.
  const chiSquare4 = 18.47;

  it(
    'recovers the parameters from 1,000 simulated customers within sampling error',
    () => {
      const customers = simulatedCustomers(truth, 1_000, 21);
      const sut = fitBgNbd(customers);
      const atTruth = bgNbdTotalLogLikelihood(truth, customers);
      expect(sut.converged).toBe(true);
      expect(sut.logLikelihood).toBeCloseTo(bgNbdTotalLogLikelihood(sut, customers), 6);
      // The maximum is never below the truth, and the likelihood-ratio statistic is within χ²₄.
      expect(sut.logLikelihood).toBeGreaterThanOrEqual(atTruth);
      expect(2 * (sut.logLikelihood - atTruth)).toBeLessThan(chiSquare4);
    },
    fitBudgetMs,
  );

  it(
    'lands closer to the truth from 10,000 customers than from 1,000',
    () => {
      const small = relativeErrors(fitBgNbd(simulatedCustomers(truth, 1_000, 22)), truth);
      const customers = simulatedCustomers(truth, 10_000, 23);
      const sut = fitBgNbd(customers);
      const large = relativeErrors(sut, truth);
      const atTruth = bgNbdTotalLogLikelihood(truth, customers);
      expect(sut.converged).toBe(true);
      expect(2 * (sut.logLikelihood - atTruth)).toBeGreaterThanOrEqual(0);
      expect(2 * (sut.logLikelihood - atTruth)).toBeLessThan(chiSquare4);
      // b is the least identified parameter; its sampling error at 10,000 is still about 10%.
      expect(Math.max(...large)).toBeLessThan(0.35);
      expect(Math.max(...large)).toBeLessThan(Math.max(...small));
    },
    fitBudgetMs,
  );

  it(
    'has a root-mean-square error that shrinks about as 1/√n from 1,000 to 10,000 customers, for every parameter',
    () => {
      // Eight populations of each size; the error of a maximum-likelihood estimate falls as
      // 1/√n, so ten times the customers should give about 0.32 times the error (0.24 to 0.55
      // seen here: eight draws give the RMS to about ±25%). A biased fit stays near 1.
      const rmsError = (count: number, seed: number) => {
        const squares = [0, 0, 0, 0];
        for (let i = 0; i < 8; i++) {
          const fit = fitBgNbd(simulatedCustomers(heavyBuyers, count, seed + i));
          expect(fit.converged).toBe(true);
          relativeErrors(fit, heavyBuyers).forEach(
            (e, k) => (squares[k] = (squares[k] ?? 0) + e * e),
          );
        }
        return squares.map((s) => Math.sqrt(s / 8));
      };
      const small = rmsError(1_000, 100);
      const large = rmsError(10_000, 200);
      large.forEach((e, k) => expect(e).toBeLessThan(0.7 * (small[k] ?? 0)));
      expect(Math.max(...large)).toBeLessThan(0.1);
    },
    fitBudgetMs,
  );

  it('fits a population of edge customers without failing', () => {
    const customers = [
      ...Array.from({ length: 50 }, () => aHistory({ x: 0, tx: 0 })),
      aHistory({ x: 3, tx: 38.86 }),
      aHistory({ x: 1, tx: 1e4, T: 1e4 }),
      aHistory({ x: 0, tx: 0, T: 1e5 }),
      aHistory({ x: 40, tx: 38, T: 38.86 }),
    ];
    const sut = fitBgNbd(customers);
    expect(Number.isFinite(sut.logLikelihood)).toBe(true);
    for (const value of [sut.r, sut.alpha, sut.a, sut.b]) expect(value).toBeGreaterThan(0);
  });

  it('refuses an empty population', () => expect(() => fitBgNbd([])).toThrow(RangeError));
});
