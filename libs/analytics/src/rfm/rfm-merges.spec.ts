import type { RfmCustomer } from './rfm.scoring';
import { attributeMerged } from './rfm.queries';

const aCustomer = (customerId: string, overrides: Partial<RfmCustomer> = {}): RfmCustomer => ({
  customerId,
  lastOrderAt: '2025-06-01T00:00:00.000Z',
  orderCount: 1,
  value: [{ amount: 1000n, currency: 'EUR' }],
  ...overrides,
});

describe('RFM of merged customers', () => {
  const survivor = aCustomer('survivor', { orderCount: 2 });
  const merged = aCustomer('merged', {
    lastOrderAt: '2025-06-20T00:00:00.000Z',
    value: [
      { amount: 500n, currency: 'USD' },
      { amount: 250n, currency: 'EUR' },
    ],
  });
  const other = aCustomer('other');

  it('scores a survivor with its merged customers’ orders and leaves the merged ones out', () =>
    expect(attributeMerged([survivor, merged, other], new Map([['merged', 'survivor']]))).toEqual([
      {
        customerId: 'survivor',
        lastOrderAt: '2025-06-20T00:00:00.000Z',
        orderCount: 3,
        value: [
          { amount: 1250n, currency: 'EUR' },
          { amount: 500n, currency: 'USD' },
        ],
      },
      other,
    ]));

  it('scores a survivor without orders of its own from its merged customers’', () =>
    expect(attributeMerged([merged], new Map([['merged', 'survivor']]))).toEqual([
      { ...merged, customerId: 'survivor', value: [...merged.value].reverse() },
    ]));

  it('changes nothing without merges', () =>
    expect(attributeMerged([survivor, merged, other], new Map())).toEqual([
      survivor,
      merged,
      other,
    ]));
});
