import fc from 'fast-check';
import type { BgNbdParams, RepeatHistory } from './bgnbd';
import { bgNbdLogLikelihood, fitBgNbd } from './bgnbd';
import { bgNbdSampleLogLikelihood, compileBgNbdSample } from './bgnbd-likelihood';
import { seededRandom } from './seeded-random';
import { simulateBgNbdCustomer } from './simulation';

const cdnow: BgNbdParams = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };

// Day granularity, as the projection gives them: cohorts a day apart, many duplicates.
const dailyCustomers = (params: BgNbdParams, count: number, seed: number): RepeatHistory[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const days = Math.floor(random() * 365);
    const { x, tx } = simulateBgNbdCustomer(params, days / 7, random);
    return { x, tx: Math.floor(tx * 7) / 7, T: days / 7 };
  });
};

const thetaOf = ({ r, alpha, a, b }: BgNbdParams) => [r, alpha, a, b].map((v) => Math.log(v));

const logParams = fc.tuple(
  fc.double({ min: -3, max: 2, noNaN: true }),
  fc.double({ min: -2, max: 4, noNaN: true }),
  fc.double({ min: -3, max: 2, noNaN: true }),
  fc.double({ min: -2, max: 3, noNaN: true }),
);

describe('the compiled BG/NBD likelihood', () => {
  const customers = dailyCustomers({ ...cdnow, r: 0.9 }, 2_000, 5);
  const sample = compileBgNbdSample(customers);

  it('groups customers with the same (x, tx, T) and still sums every customer’s eq. 6', () => {
    expect(sample.groupCounts.length).toBeLessThan(customers.length);
    fc.assert(
      fc.property(logParams, (theta) => {
        const [r = 0, alpha = 0, a = 0, b = 0] = theta.map((v) => Math.exp(v));
        const oneByOne = customers.reduce(
          (sum, c) => sum + bgNbdLogLikelihood({ r, alpha, a, b }, c),
          0,
        );
        const sut = bgNbdSampleLogLikelihood(sample, theta, [0, 0, 0, 0]);
        expect(Math.abs(sut - oneByOne)).toBeLessThan(1e-10 * Math.abs(oneByOne));
      }),
      { numRuns: 30 },
    );
  });

  it('has the gradient that central differences of the log-likelihood give', () =>
    fc.assert(
      fc.property(logParams, (theta) => {
        const gradient = [0, 0, 0, 0];
        bgNbdSampleLogLikelihood(sample, theta, gradient);
        theta.forEach((_, i) => {
          const h = 1e-5;
          const at = (delta: number) =>
            bgNbdSampleLogLikelihood(
              sample,
              theta.map((v, j) => (j === i ? v + delta : v)),
              [0, 0, 0, 0],
            );
          const slope = (at(h) - at(-h)) / (2 * h);
          expect(Math.abs((gradient[i] ?? 0) - slope)).toBeLessThan(1e-5 * (1 + Math.abs(slope)));
        });
      }),
      { numRuns: 30 },
    ));

  it('is zero-gradient at the maximum the fit reports', () => {
    const fit = fitBgNbd(customers);
    const gradient = [0, 0, 0, 0];
    bgNbdSampleLogLikelihood(sample, thetaOf(fit), gradient);
    for (const g of gradient) expect(Math.abs(g) / customers.length).toBeLessThan(1e-6);
  });

  it('refuses a customer with a negative or fractional x, or tx outside [0, T]', () => {
    for (const bad of [
      { x: -1, tx: 0, T: 10 },
      { x: 1.5, tx: 2, T: 10 },
      { x: 2, tx: 11, T: 10 },
      { x: 2, tx: -1, T: 10 },
      { x: 0, tx: 0, T: NaN },
    ])
      expect(() => compileBgNbdSample([{ x: 1, tx: 1, T: 2 }, bad])).toThrow(RangeError);
  });
});

describe('fitting BG/NBD by BFGS', () => {
  it('finds the maximum Nelder–Mead finds', () => {
    const customers = dailyCustomers(cdnow, 5_000, 9);
    const sut = fitBgNbd(customers);
    const simplex = fitBgNbd(customers, { method: 'nelder-mead' });
    expect(sut.converged).toBe(true);
    expect(sut.logLikelihood).toBeGreaterThan(simplex.logLikelihood - 1e-6);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(sut[k] / simplex[k] - 1)).toBeLessThan(1e-4);
  });
});
