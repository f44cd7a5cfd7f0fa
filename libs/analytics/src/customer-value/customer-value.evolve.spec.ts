import type { OrderEvent } from '@crm/sales';
import type { CustomerOrdersDocument, CustomerValueDocument } from './customer-value.document';
import { applyValueChange, evolveCustomerOrders, summarize } from './customer-value.evolve';
import {
  orderCancelled,
  orderPlaced,
  paymentRecorded,
  recordedEvent,
  refundIssued,
} from './testing/value-events.factory';

const ada = 'c-ada';
const jan = '2025-01-10T09:00:00.000Z';
const feb = '2025-02-10T09:00:00.000Z';
const mar = '2025-03-10T09:00:00.000Z';

const fold = (events: OrderEvent[]): CustomerValueDocument | null => {
  const orders = events.reduce<CustomerOrdersDocument | null>(
    (document, event) => evolveCustomerOrders(document, recordedEvent(event)),
    null,
  );
  return orders && summarize(orders.customerId, orders.orders);
};

describe('customer value', () => {
  it('counts a placed order at its total, before any payment', () =>
    expect(fold([orderPlaced('o1', ada, 1999, jan)])).toMatchObject({
      orderCount: 1,
      value: [{ currency: 'EUR', amount: '1999', orders: 1, average: 1999 }],
      firstOrderAt: jan,
      lastOrderAt: jan,
    }));

  it('adds 0.10 and 0.20 to exactly 0.30', () =>
    expect(fold([orderPlaced('o1', ada, 10, jan), orderPlaced('o2', ada, 20, feb)])?.value).toEqual(
      [{ currency: 'EUR', amount: '30', orders: 2, average: 15 }],
    ));

  it('is not changed by payments', () =>
    expect(
      fold([orderPlaced('o1', ada, 1000, jan), paymentRecorded('o1', ada, 400)])?.value[0]?.amount,
    ).toBe('1000'));

  it('subtracts refunds', () =>
    expect(
      fold([orderPlaced('o1', ada, 1000, jan), refundIssued('o1', ada, 250)])?.value[0],
    ).toMatchObject({ amount: '750', orders: 1 }));

  it('drops a cancelled order entirely, and moves the first and last order dates', () =>
    expect(
      fold([
        orderPlaced('o1', ada, 1000, jan),
        orderPlaced('o2', ada, 500, feb),
        orderPlaced('o3', ada, 300, mar),
        orderCancelled('o3', ada),
        orderCancelled('o1', ada),
      ]),
    ).toMatchObject({
      orderCount: 1,
      value: [{ currency: 'EUR', amount: '500', orders: 1, average: 500 }],
      firstOrderAt: feb,
      lastOrderAt: feb,
    }));

  it('does not subtract a refund of a cancelled order a second time', () =>
    expect(
      fold([
        orderPlaced('o1', ada, 1000, jan),
        orderPlaced('o2', ada, 200, jan),
        orderCancelled('o1', ada),
        refundIssued('o1', ada, 1000),
      ])?.value,
    ).toEqual([{ currency: 'EUR', amount: '200', orders: 1, average: 200 }]));

  it('keeps currencies apart and lists them in code order', () =>
    expect(
      fold([
        orderPlaced('o1', ada, 1000, jan, 'USD'),
        orderPlaced('o2', ada, 700, feb, 'EUR'),
        orderPlaced('o3', ada, 3000, mar, 'JPY'),
      ])?.value,
    ).toEqual([
      { currency: 'EUR', amount: '700', orders: 1, average: 700 },
      { currency: 'JPY', amount: '3000', orders: 1, average: 3000 },
      { currency: 'USD', amount: '1000', orders: 1, average: 1000 },
    ]));

  it('rounds the average order value half up to a whole minor unit', () =>
    expect(
      fold([orderPlaced('o1', ada, 1, jan), orderPlaced('o2', ada, 2, feb)])?.value[0]?.average,
    ).toBe(2));

  it('keeps a customer whose orders were all cancelled at zero', () =>
    expect(fold([orderPlaced('o1', ada, 1000, jan), orderCancelled('o1', ada)])).toMatchObject({
      orderCount: 0,
      value: [],
      firstOrderAt: null,
      lastOrderAt: null,
    }));

  it('ignores events of orders it never saw placed', () =>
    expect(fold([refundIssued('o9', ada, 5)])).toBeNull());

  it('moves a value stored as a JSON number (before issue 17) past 2^53 exactly, as a string', () =>
    expect(
      applyValueChange(
        [{ currency: 'EUR', amount: Number.MAX_SAFE_INTEGER, orders: 9, average: 1 }],
        { customerId: ada, currency: 'EUR', amount: 2, orders: 1 },
      ),
    ).toEqual([
      {
        currency: 'EUR',
        amount: '9007199254740993',
        orders: 10,
        average: 900719925474099,
      },
    ]));
});
