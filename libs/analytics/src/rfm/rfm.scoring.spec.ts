import fc from 'fast-check';
import type { CountedOrder } from '../customer-value/customer-value.document';
import { RFM_SEGMENTS, segmentOf } from './rfm-segments';
import type { RfmCustomer } from './rfm.scoring';
import { quintileScores, recencyDays, scoreRfm } from './rfm.scoring';
import { rfmCustomerOf } from './rfm.queries';

const asOf = new Date('2025-07-01T12:00:00.000Z');
const daysBefore = (days: number): string =>
  new Date(asOf.getTime() - days * 86_400_000).toISOString();

const aCustomer = (customerId: string, overrides: Partial<RfmCustomer> = {}): RfmCustomer => ({
  customerId,
  lastOrderAt: daysBefore(10),
  orderCount: 1,
  value: [{ amount: 1000n, currency: 'EUR' }],
  ...overrides,
});

describe('quintile scores', () => {
  it('spreads five distinct values over 1 to 5', () =>
    expect(quintileScores([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]));

  it('puts two of ten distinct values in each quintile', () =>
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]));

  it('scores equal values alike', () =>
    expect(quintileScores([1, 1, 1, 1, 9, 9])).toEqual([2, 2, 2, 2, 5, 5]));

  it('scores a population that is all alike, or of one, in the middle', () => {
    expect(quintileScores([7, 7, 7])).toEqual([3, 3, 3]);
    expect(quintileScores([7])).toEqual([3]);
    expect(quintileScores([])).toEqual([]);
  });

  it('is 1 to 5 and never scores a higher value lower', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const scores = quintileScores(values);
          values.forEach((a, i) =>
            values.forEach((b, j) => {
              if (a < b) expect(scores[i]).toBeLessThanOrEqual(scores[j] as number);
            }),
          );
          expect(scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 5)).toBe(true);
        },
      ),
    ));
});

describe('recency', () => {
  it('counts whole UTC calendar days', () => {
    expect(recencyDays('2025-07-01T00:00:01.000Z', asOf)).toBe(0);
    expect(recencyDays('2025-06-30T23:59:59.000Z', asOf)).toBe(1);
    expect(recencyDays('2025-06-01T12:00:00.000Z', asOf)).toBe(30);
  });
});

describe('segments', () => {
  it.each([
    [{ r: 5, f: 5, m: 5 }, 9, 'champions'],
    [{ r: 4, f: 4, m: 4 }, 9, 'champions'],
    [{ r: 3, f: 5, m: 1 }, 9, 'loyal'],
    [{ r: 5, f: 4, m: 2 }, 9, 'loyal'],
    [{ r: 5, f: 2, m: 3 }, 1, 'new'],
    [{ r: 5, f: 2, m: 3 }, 2, 'potential_loyalists'],
    [{ r: 3, f: 3, m: 5 }, 1, 'potential_loyalists'],
    [{ r: 2, f: 4, m: 4 }, 9, 'cant_lose'],
    [{ r: 1, f: 5, m: 5 }, 9, 'cant_lose'],
    [{ r: 1, f: 3, m: 1 }, 3, 'at_risk'],
    [{ r: 2, f: 1, m: 4 }, 1, 'at_risk'],
    [{ r: 2, f: 2, m: 2 }, 1, 'hibernating'],
    [{ r: 1, f: 2, m: 2 }, 1, 'lost'],
  ])('%o with %i orders is %s', (scores, orders, segment) =>
    expect(segmentOf(scores, orders)).toBe(segment),
  );

  it('names every combination of scores, and every segment is reachable', () => {
    const seen = new Set<string>();
    for (const r of [1, 2, 3, 4, 5])
      for (const f of [1, 2, 3, 4, 5])
        for (const m of [1, 2, 3, 4, 5])
          for (const orders of [1, 2]) seen.add(segmentOf({ r, f, m }, orders));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });
});

describe('scoring customers', () => {
  it('makes the recent, frequent, big spender a champion and the long-gone one-off buyer lost', () => {
    const customers = [
      aCustomer('best', {
        lastOrderAt: daysBefore(1),
        orderCount: 12,
        value: [{ amount: 90_000n, currency: 'EUR' }],
      }),
      aCustomer('b', {
        lastOrderAt: daysBefore(20),
        orderCount: 4,
        value: [{ amount: 20_000n, currency: 'EUR' }],
      }),
      aCustomer('c', {
        lastOrderAt: daysBefore(60),
        orderCount: 3,
        value: [{ amount: 9_000n, currency: 'EUR' }],
      }),
      aCustomer('d', {
        lastOrderAt: daysBefore(120),
        orderCount: 2,
        value: [{ amount: 3_000n, currency: 'EUR' }],
      }),
      aCustomer('gone', {
        lastOrderAt: daysBefore(400),
        orderCount: 1,
        value: [{ amount: 500n, currency: 'EUR' }],
      }),
    ];
    const results = scoreRfm(customers, asOf);
    expect(results[0]).toMatchObject({
      customerId: 'best',
      r: 5,
      f: 5,
      m: 5,
      segment: 'champions',
      recencyDays: 1,
      frequency: 12,
    });
    expect(results[4]).toMatchObject({
      customerId: 'gone',
      r: 1,
      f: 1,
      m: 1,
      segment: 'lost',
      recencyDays: 400,
    });
  });

  it('scores money within each currency, without exchange rates, keeping the best', () => {
    const results = scoreRfm(
      [
        aCustomer('yen-whale', {
          value: [
            { amount: 5_000_000n, currency: 'JPY' },
            { amount: 1n, currency: 'EUR' },
          ],
        }),
        aCustomer('yen-minnow', { value: [{ amount: 100n, currency: 'JPY' }] }),
        aCustomer('euro', { value: [{ amount: 2_000n, currency: 'EUR' }] }),
      ],
      asOf,
    );
    expect(results.map((r) => [r.customerId, r.m])).toEqual([
      ['yen-whale', 4],
      ['yen-minnow', 2],
      ['euro', 4],
    ]);
  });

  it('counts only orders placed up to the as-of date', () => {
    const orders: CountedOrder[] = [
      { orderId: 'o1', currency: 'EUR', placedAt: '2025-01-01T00:00:00.000Z', value: 100 },
      { orderId: 'o2', currency: 'EUR', placedAt: '2025-05-01T00:00:00.000Z', value: 300 },
    ];
    expect(
      rfmCustomerOf({ customerId: 'c', orders }, new Date('2025-03-01T00:00:00.000Z')),
    ).toEqual({
      customerId: 'c',
      lastOrderAt: '2025-01-01T00:00:00.000Z',
      orderCount: 1,
      value: [{ amount: 100n, currency: 'EUR' }],
    });
    expect(
      rfmCustomerOf({ customerId: 'c', orders }, new Date('2024-12-31T00:00:00.000Z')),
    ).toBeNull();
  });
});
