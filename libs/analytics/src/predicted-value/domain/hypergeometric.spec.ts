import fc from 'fast-check';
import { hyp2F1, logHyp2F1 } from './hypergeometric';
import { lnGamma } from './special-functions';

const closeTo = (actual: number, expected: number, relative = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

// z over the whole range eq. 10 uses: t/(α+T+t) runs from 0 towards 1.
const zs = [0, 1e-6, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999];

describe('lnGamma', () => {
  it('gives ln((n−1)!) at integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      closeTo(lnGamma(n + 1), Math.log((factorial *= n)), 1e-13);
    }
  });

  it('gives ln √π at ½ and ln(√π/2) at 3/2', () => {
    closeTo(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    closeTo(lnGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-13);
  });

  it('satisfies Γ(x+1) = xΓ(x) for small and large x', () =>
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(lnGamma(x + 1) - lnGamma(x)).toBeCloseTo(Math.log(x), 10);
      }),
    ));
});

describe('the Gauss hypergeometric function 2F1', () => {
  it('is 1 at z = 0', () => expect(hyp2F1(2.3, 4.1, 1.7, 0)).toBe(1));

  it.each(zs.filter((z) => z > 0))('matches −ln(1−z)/z for 2F1(1, 1; 2; %p)', (z) =>
    closeTo(hyp2F1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-12),
  );

  it.each(zs)('matches (1−z)^−a for 2F1(a, b; b; %p)', (z) => {
    closeTo(hyp2F1(0.7929, 2.4259, 2.4259, z), (1 - z) ** -0.7929, 1e-12);
    closeTo(hyp2F1(3.2426, 4.4259, 4.4259, z), (1 - z) ** -3.2426, 1e-12);
  });

  it.each([0.1, 0.5, 0.9, 0.99])('matches arcsin(√z)/√z for 2F1(½, ½; 3/2; %p)', (z) =>
    closeTo(hyp2F1(0.5, 0.5, 1.5, z), Math.asin(Math.sqrt(z)) / Math.sqrt(z), 1e-12),
  );

  it('matches (1+z)/(1−z)³ for 2F1(2, 2; 1; z)', () => {
    for (const z of zs) closeTo(hyp2F1(2, 2, 1, z), (1 + z) / (1 - z) ** 3, 1e-11);
  });

  it('stays finite in log space where the value itself overflows (large x, z near 1)', () => {
    // 2F1(a, b; b; z) = (1−z)^−a: with a = 500, z = 0.99 the value is e^2303, past double range.
    expect(hyp2F1(500.2426, 502.4259, 502.4259, 0.99)).toBe(Infinity);
    const log = logHyp2F1(500.2426, 502.4259, 502.4259, 0.99);
    closeTo(log, -500.2426 * Math.log(0.01), 1e-10);
  });

  it('satisfies Euler’s transformation 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a,c−b;c;z) over the model range', () =>
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (a, b, extra, z) => {
          const c = Math.max(a, b) + extra; // c − a, c − b > 0 keeps both series positive
          const left = logHyp2F1(a, b, c, z);
          const right = (c - a - b) * Math.log1p(-z) + logHyp2F1(c - a, c - b, c, z);
          expect(Math.abs(left - right)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(left)));
        },
      ),
    ));

  it('refuses arguments outside the range it is written for', () => {
    expect(() => logHyp2F1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => logHyp2F1(1, 1, 2, -0.5)).toThrow(RangeError);
    expect(() => logHyp2F1(-1, 1, 2, 0.5)).toThrow(RangeError);
  });
});
