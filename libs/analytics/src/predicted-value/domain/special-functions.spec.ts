import fc from 'fast-check';
import { digamma, lnGamma } from './special-functions';

const EULER_GAMMA = 0.5772156649015329;

const closeTo = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe('digamma', () => {
  it('gives −γ at 1 and H(n) − γ at n + 1', () => {
    closeTo(digamma(1), -EULER_GAMMA, 1e-15);
    let harmonic = 0;
    for (let n = 1; n <= 60; n++) {
      harmonic += 1 / n;
      closeTo(digamma(n + 1), harmonic - EULER_GAMMA, 1e-14);
    }
  });

  it('gives −γ − 2 ln 2 at ½ and −γ − π/2 − 3 ln 2 at ¼', () => {
    closeTo(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-15);
    closeTo(digamma(0.25), -EULER_GAMMA - Math.PI / 2 - 3 * Math.LN2, 1e-15);
  });

  it('tends to −1/x − γ near 0 and to ln x − 1/(2x) for large x', () => {
    closeTo(digamma(1e-8), -1e8 - EULER_GAMMA + (Math.PI ** 2 / 6) * 1e-8, 1e-15);
    closeTo(digamma(1e6), Math.log(1e6) - 0.5e-6 - 1 / 12e12, 1e-15);
  });

  it('satisfies ψ(x+1) = ψ(x) + 1/x over the range the models use', () =>
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1e5, noNaN: true }), (x) => {
        expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThan(1e-12 * (1 + 1 / x));
      }),
    ));

  it('is the derivative of lnGamma', () =>
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1e4, noNaN: true }), (x) => {
        const h = 1e-5 * x;
        const slope = (lnGamma(x + h) - lnGamma(x - h)) / (2 * h);
        expect(Math.abs(digamma(x) - slope)).toBeLessThan(1e-6 * (1 + Math.abs(slope)));
      }),
    ));

  it('refuses x ≤ 0', () => {
    expect(() => digamma(0)).toThrow(RangeError);
    expect(() => digamma(-1.5)).toThrow(RangeError);
  });
});
