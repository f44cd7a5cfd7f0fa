import fc from 'fast-check';
import { averageHalfUp, exactMoney, rankKeyOf, sumOf, sumText } from './money-sum';

const bigSums = fc.bigInt({ min: -(10n ** 35n), max: 10n ** 35n });

describe('money sums', () => {
  it('round-trips any sum through its stored form', () =>
    fc.assert(fc.property(bigSums, (value) => expect(sumOf(sumText(value))).toBe(value))));

  it('reads a JSON number left by an older document, and nothing inexact', () => {
    expect(sumOf(4498)).toBe(4498n);
    expect(sumOf(undefined)).toBe(0n);
    expect(() => sumOf(2 ** 53)).toThrow(RangeError);
    expect(() => sumOf('12.5')).toThrow(RangeError);
  });

  it('orders rank keys as strings exactly as the sums order as numbers, past 2^53', () =>
    fc.assert(
      fc.property(bigSums, bigSums, (a, b) => {
        const [ka, kb] = [rankKeyOf(a), rankKeyOf(b)];
        expect(ka < kb).toBe(a < b);
        expect(ka === kb).toBe(a === b);
      }),
    ));

  it('tells 2^53 from 2^53 + 1, which a JSON number cannot', () => {
    const twoTo53 = 2n ** 53n;
    expect(rankKeyOf(twoTo53) < rankKeyOf(twoTo53 + 1n)).toBe(true);
    expect(exactMoney(twoTo53 + 1n, 'EUR')).toEqual({
      amount: null,
      amountExact: '9007199254740993',
      currency: 'EUR',
    });
  });

  it('answers a safe sum as a JSON integer too', () =>
    expect(exactMoney(BigInt(Number.MAX_SAFE_INTEGER), 'JPY')).toEqual({
      amount: Number.MAX_SAFE_INTEGER,
      amountExact: '9007199254740991',
      currency: 'JPY',
    }));

  it('rounds an average half up, exactly where floats would not', () => {
    expect(averageHalfUp(5n, 2)).toBe(3);
    expect(averageHalfUp(4n, 3)).toBe(1);
    expect(averageHalfUp(-5n, 2)).toBe(-2);
    expect(averageHalfUp(2n ** 60n + 2n ** 9n, 2 ** 10)).toBe(2 ** 50 + 1);
    const orders = fc.integer({ min: 1, max: 10 ** 9 });
    const totals = orders.chain((n) =>
      fc.tuple(fc.bigInt({ min: 0n, max: BigInt(n) * 10n ** 15n }), fc.constant(n)),
    );
    fc.assert(
      fc.property(totals, ([t, n]) => {
        const average = BigInt(averageHalfUp(t, n));
        // |average − t/n| ≤ 1/2, with ties going up: 2t − n < 2·n·average ≤ 2t + n
        expect(2n * BigInt(n) * average > 2n * t - BigInt(n)).toBe(true);
        expect(2n * BigInt(n) * average <= 2n * t + BigInt(n)).toBe(true);
      }),
    );
  });
});
