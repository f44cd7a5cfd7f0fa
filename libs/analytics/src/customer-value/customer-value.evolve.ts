import type { RecordedEvent } from '@crm/eventsourcing';
import type { OrderCancelled, OrderPlaced, RefundIssued } from '@crm/sales';
import { averageHalfUp, sumOf, sumText } from '@crm/sales';
import type {
  CountedOrder,
  CurrencyValue,
  CustomerOrdersDocument,
  CustomerValueDocument,
} from './customer-value.document';

/** Only these change an order's value; payments, shipment and delivery do not. */
export type ValueEvent = OrderPlaced | OrderCancelled | RefundIssued;

export const VALUE_EVENT_TYPES: readonly ValueEvent['type'][] = [
  'OrderPlaced',
  'OrderCancelled',
  'RefundIssued',
];

/** One order's value (total − refunds): both are bounded by the order total, a safe integer. */
export const exactAmount = (amount: number): number => {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`order value ${amount} is past exact minor units`);
  return amount;
};

/** Σ amount, order count and average per currency, summed exactly. */
const toCurrencyValues = (totals: Map<string, { amount: bigint; orders: number }>) =>
  [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, { amount, orders }]) => ({
      currency,
      amount: sumText(amount),
      orders,
      average: averageHalfUp(amount, orders),
    }));

/** Σ value, order count and average per currency of these orders, by currency code. */
export const currencyValuesOf = (orders: readonly CountedOrder[]): CurrencyValue[] => {
  const totals = new Map<string, { amount: bigint; orders: number }>();
  for (const order of orders) {
    const current = totals.get(order.currency) ?? { amount: 0n, orders: 0 };
    totals.set(order.currency, {
      amount: current.amount + BigInt(order.value),
      orders: current.orders + 1,
    });
  }
  return toCurrencyValues(totals);
};

/** Several customers' values as one: sums per currency, the average over all their orders. */
export const combineCurrencyValues = (
  parts: readonly (readonly CurrencyValue[])[],
): CurrencyValue[] => {
  const totals = new Map<string, { amount: bigint; orders: number }>();
  for (const value of parts.flat()) {
    const current = totals.get(value.currency) ?? { amount: 0n, orders: 0 };
    totals.set(value.currency, {
      amount: current.amount + sumOf(value.amount),
      orders: current.orders + value.orders,
    });
  }
  return toCurrencyValues(totals);
};

/** What one order event does to a customer's value in one currency (one order's value: exact). */
export type ValueChange = { customerId: string; currency: string; amount: number; orders: number };

/** A customer's value per currency after one change; a currency without live orders goes. */
export const applyValueChange = (
  values: readonly CurrencyValue[],
  change: ValueChange,
): CurrencyValue[] => {
  const current = values.find((v) => v.currency === change.currency);
  const amount = sumOf(current?.amount) + BigInt(change.amount);
  const orders = (current?.orders ?? 0) + change.orders;
  const others = values.filter((v) => v.currency !== change.currency);
  const next =
    orders > 0
      ? [
          ...others,
          {
            currency: change.currency,
            amount: sumText(amount),
            orders,
            average: averageHalfUp(amount, orders),
          },
        ]
      : others;
  return next.sort((a, b) => (a.currency < b.currency ? -1 : 1));
};

const placedAt = (orders: readonly CountedOrder[], which: 'first' | 'last'): string | null => {
  const pick = which === 'first' ? Math.min : Math.max;
  const time = orders.reduce((found, o) => pick(found, Date.parse(o.placedAt)), pick());
  return orders.length === 0 ? null : new Date(time).toISOString();
};

/** The summary of a customer's live orders. */
export const summarize = (
  customerId: string,
  orders: readonly CountedOrder[],
): CustomerValueDocument => ({
  _id: customerId,
  customerId,
  orderCount: orders.length,
  value: currencyValuesOf(orders),
  firstOrderAt: placedAt(orders, 'first'),
  lastOrderAt: placedAt(orders, 'last'),
});

const nextOrders = (orders: CountedOrder[], event: ValueEvent): CountedOrder[] => {
  const { orderId } = event.data;
  switch (event.type) {
    case 'OrderPlaced': {
      const { currency, total, placedAt } = event.data;
      return [
        ...orders.filter((o) => o.orderId !== orderId),
        { orderId, currency, placedAt, value: total },
      ];
    }
    case 'OrderCancelled':
      return orders.filter((o) => o.orderId !== orderId);
    case 'RefundIssued':
      // A refund of a cancelled order finds no live order here: a cancelled order is already worth 0.
      return orders.map((o) =>
        o.orderId === orderId ? { ...o, value: exactAmount(o.value - event.data.amount) } : o,
      );
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

/** Pure fold of one order event into the customer's live orders. */
export const evolveCustomerOrders = (
  document: CustomerOrdersDocument | null,
  recorded: RecordedEvent,
): CustomerOrdersDocument | null => {
  const event = recorded as unknown as ValueEvent;
  if (!VALUE_EVENT_TYPES.includes(event.type)) return document;
  if (!document && event.type !== 'OrderPlaced') return null;
  const { customerId } = event.data;
  return { _id: customerId, customerId, orders: nextOrders(document?.orders ?? [], event) };
};
