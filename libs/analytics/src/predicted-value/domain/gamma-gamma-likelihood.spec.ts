import fc from 'fast-check';
import type { GammaGammaParams, SpendHistory } from './gamma-gamma';
import { fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma';
import { compileGammaGammaSample, gammaGammaSampleLogLikelihood } from './gamma-gamma-likelihood';
import { seededRandom } from './seeded-random';
import { simulateGammaGammaCustomer } from './simulation';

const cdnow: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

// Values in cents, as order totals are: the same mean recurs.
const centCustomers = (count: number, seed: number): SpendHistory[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const { x, m } = simulateGammaGammaCustomer(cdnow, 1 + (i % 5), random);
    return { x, m: Math.max(1, Math.round(m * x * 100)) / (100 * x) };
  });
};

const logParams = fc.tuple(
  fc.double({ min: -2, max: 3, noNaN: true }),
  fc.double({ min: -2, max: 3, noNaN: true }),
  fc.double({ min: -2, max: 5, noNaN: true }),
);

describe('the compiled Gamma-Gamma likelihood', () => {
  const customers = centCustomers(2_000, 3);
  const sample = compileGammaGammaSample(customers);

  it('sums every customer’s density, identical customers counted once with their count', () => {
    expect(sample.groupCounts.length).toBeLessThan(customers.length);
    fc.assert(
      fc.property(logParams, (theta) => {
        const [p = 0, q = 0, gamma = 0] = theta.map((v) => Math.exp(v));
        const oneByOne = customers.reduce(
          (sum, c) => sum + gammaGammaLogLikelihood({ p, q, gamma }, c),
          0,
        );
        const sut = gammaGammaSampleLogLikelihood(sample, theta, [0, 0, 0]);
        expect(Math.abs(sut - oneByOne)).toBeLessThan(1e-10 * Math.abs(oneByOne));
      }),
      { numRuns: 30 },
    );
  });

  it('has the gradient that central differences of the log-likelihood give', () =>
    fc.assert(
      fc.property(logParams, (theta) => {
        const gradient = [0, 0, 0];
        gammaGammaSampleLogLikelihood(sample, theta, gradient);
        theta.forEach((_, i) => {
          const h = 1e-5;
          const at = (delta: number) =>
            gammaGammaSampleLogLikelihood(
              sample,
              theta.map((v, j) => (j === i ? v + delta : v)),
              [0, 0, 0],
            );
          const slope = (at(h) - at(-h)) / (2 * h);
          expect(Math.abs((gradient[i] ?? 0) - slope)).toBeLessThan(1e-5 * (1 + Math.abs(slope)));
        });
      }),
      { numRuns: 30 },
    ));

  it('refuses a fractional x', () =>
    expect(() => compileGammaGammaSample([{ x: 1.5, m: 10 }])).toThrow(RangeError));
});

describe('fitting Gamma-Gamma by BFGS', () => {
  it('finds the maximum Nelder–Mead finds', () => {
    const customers = centCustomers(5_000, 4);
    const sut = fitGammaGamma(customers);
    const simplex = fitGammaGamma(customers, { method: 'nelder-mead' });
    expect(sut.converged).toBe(true);
    expect(sut.logLikelihood).toBeGreaterThan(simplex.logLikelihood - 1e-6);
    for (const k of ['p', 'q', 'gamma'] as const)
      expect(Math.abs(sut[k] / simplex[k] - 1)).toBeLessThan(1e-4);
  });
});
