import type { GammaGammaParams, SpendHistory } from './gamma-gamma';
import {
  expectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaTotalLogLikelihood,
} from './gamma-gamma';
import { seededRandom } from './seeded-random';
import { simulateGammaGammaCustomer } from './simulation';
import { lnGamma } from './special-functions';

// Fader & Hardie (2013): the CDNOW estimates.
const cdnow: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

const simulatedCustomers = (params: GammaGammaParams, count: number, seed: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    simulateGammaGammaCustomer(params, 1 + (i % 8), random),
  );
};

const relativeErrors = (fit: GammaGammaParams, truth: GammaGammaParams) =>
  (['p', 'q', 'gamma'] as const).map((k) => Math.abs(fit[k] / truth[k] - 1));

// 99.9% quantile of χ² with 3 degrees of freedom.
const chiSquare3 = 16.27;

describe('the Gamma-Gamma log-likelihood', () => {
  it('for one purchase is the density of a Gamma(p, ν) value with ν ~ Gamma(q, γ) integrated out', () => {
    // x = 1: f(m) = Γ(p+q)/(Γ(p)Γ(q)) · γ^q m^(p−1) / (γ+m)^(p+q), a beta-prime density.
    const { p, q, gamma } = cdnow;
    const m = 20;
    const expected =
      lnGamma(p + q) -
      lnGamma(p) -
      lnGamma(q) +
      q * Math.log(gamma) +
      (p - 1) * Math.log(m) -
      (p + q) * Math.log(gamma + m);
    expect(gammaGammaLogLikelihood(cdnow, { x: 1, m })).toBeCloseTo(expected, 12);
  });

  it('integrates to 1 over m for a customer with three purchases', () => {
    // Trapezoid rule on a log grid: ∫ f(m) dm = ∫ f(e^u) e^u du.
    let integral = 0;
    const step = 0.001;
    for (let u = -10; u < 10; u += step)
      integral += Math.exp(gammaGammaLogLikelihood(cdnow, { x: 3, m: Math.exp(u) }) + u) * step;
    expect(integral).toBeCloseTo(1, 4);
  });

  it('is finite for one purchase, many purchases, tiny and huge spend', () => {
    for (const history of [
      { x: 1, m: 0.01 },
      { x: 1, m: 1e7 },
      { x: 500, m: 35 },
    ])
      expect(Number.isFinite(gammaGammaLogLikelihood(cdnow, history))).toBe(true);
  });
});

describe('the expected average value of a customer’s purchases', () => {
  it('weighs the population mean γp/(q−1) and the customer’s mean m by px/(px+q−1)', () => {
    const { p, q, gamma } = cdnow;
    const weight = (p * 4) / (p * 4 + q - 1);
    const expected = (1 - weight) * ((gamma * p) / (q - 1)) + weight * 50;
    expect(expectedAverageValue(cdnow, 4, 50)).toBeCloseTo(expected, 10);
  });

  it('moves towards the customer’s own mean as purchases accumulate', () => {
    const few = expectedAverageValue(cdnow, 1, 100);
    const many = expectedAverageValue(cdnow, 50, 100);
    expect(Math.abs(many - 100)).toBeLessThan(Math.abs(few - 100));
  });

  it('refuses q ≤ 1, where the population mean is infinite', () =>
    expect(() => expectedAverageValue({ ...cdnow, q: 0.9 }, 2, 10)).toThrow(RangeError));
});

describe('fitting Gamma-Gamma by maximum likelihood', () => {
  // A budget for a loaded, shared CI machine, not a timing assertion.
  const fitBudgetMs = 30_000;

  it(
    'recovers the parameters from 1,000 simulated customers within sampling error',
    () => {
      const customers = simulatedCustomers(cdnow, 1_000, 31);
      const sut = fitGammaGamma(customers);
      const atTruth = gammaGammaTotalLogLikelihood(cdnow, customers);
      expect(sut.converged).toBe(true);
      expect(sut.logLikelihood).toBeCloseTo(gammaGammaTotalLogLikelihood(sut, customers), 6);
      expect(sut.logLikelihood).toBeGreaterThanOrEqual(atTruth);
      expect(2 * (sut.logLikelihood - atTruth)).toBeLessThan(chiSquare3);
    },
    fitBudgetMs,
  );

  it(
    'lands within 50% of the truth from 1,000 customers and within 20% from 10,000',
    () => {
      const small = relativeErrors(fitGammaGamma(simulatedCustomers(cdnow, 1_000, 32)), cdnow);
      const customers = simulatedCustomers(cdnow, 10_000, 33);
      const sut = fitGammaGamma(customers);
      const atTruth = gammaGammaTotalLogLikelihood(cdnow, customers);
      expect(2 * (sut.logLikelihood - atTruth)).toBeGreaterThanOrEqual(0);
      expect(2 * (sut.logLikelihood - atTruth)).toBeLessThan(chiSquare3);
      expect(Math.max(...relativeErrors(sut, cdnow))).toBeLessThan(0.2);
      // q and γ trade off against each other, so one small sample can land closer by luck:
      // the bands tighten with the count rather than comparing two draws.
      expect(Math.max(...small)).toBeLessThan(0.5);
    },
    fitBudgetMs,
  );

  it(
    'has a root-mean-square error that shrinks about as 1/√n from 1,000 to 10,000 customers, for every parameter',
    () => {
      // As for BG/NBD: about 0.32 expected (0.29 to 0.31 seen here); a biased fit stays near 1.
      const rmsError = (count: number, seed: number) => {
        const squares = [0, 0, 0];
        for (let i = 0; i < 8; i++) {
          const fit = fitGammaGamma(simulatedCustomers(cdnow, count, seed + i));
          expect(fit.converged).toBe(true);
          relativeErrors(fit, cdnow).forEach((e, k) => (squares[k] = (squares[k] ?? 0) + e * e));
        }
        return squares.map((s) => Math.sqrt(s / 8));
      };
      const small = rmsError(1_000, 300);
      const large = rmsError(10_000, 400);
      large.forEach((e, k) => expect(e).toBeLessThan(0.7 * (small[k] ?? 0)));
      expect(Math.max(...large)).toBeLessThan(0.1);
    },
    fitBudgetMs,
  );

  it('refuses customers without a repeat purchase or with no spend', () => {
    const valid: SpendHistory = { x: 2, m: 10 };
    expect(() => fitGammaGamma([valid, { x: 0, m: 10 }])).toThrow(RangeError);
    expect(() => fitGammaGamma([valid, { x: 2, m: 0 }])).toThrow(RangeError);
    expect(() => fitGammaGamma([])).toThrow(RangeError);
  });
});
