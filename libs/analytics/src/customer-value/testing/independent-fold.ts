import type { RecordedEvent } from '@crm/eventsourcing';

export type ExpectedCustomerValue = {
  orderCount: number;
  value: { currency: string; amount: number; orders: number; average: number }[];
  firstOrderAt: string | null;
  lastOrderAt: string | null;
};

type OrderFacts = {
  customerId: string;
  currency: string;
  total: number;
  refunded: number;
  cancelled: boolean;
  placedAt: string;
};

/**
 * The definition of customer value, written again the plain way: replay every order, then
 * value = Σ (total − refunded) over the orders that were not cancelled, per currency.
 */
export const independentCustomerValues = (
  events: readonly RecordedEvent[],
): Map<string, ExpectedCustomerValue> => {
  const orders = new Map<string, OrderFacts>();
  for (const event of events) {
    const data = event.data as {
      orderId: string;
      customerId: string;
      currency: string;
      total: number;
      amount: number;
      placedAt: string;
    };
    const order = orders.get(data.orderId);
    if (event.type === 'OrderPlaced') {
      orders.set(data.orderId, {
        customerId: data.customerId,
        currency: data.currency,
        total: data.total,
        refunded: 0,
        cancelled: false,
        placedAt: data.placedAt,
      });
    } else if (order && event.type === 'RefundIssued') {
      order.refunded += data.amount;
    } else if (order && event.type === 'OrderCancelled') {
      order.cancelled = true;
    }
  }
  const customers = new Map<string, ExpectedCustomerValue>();
  for (const order of orders.values()) {
    const customer = customers.get(order.customerId) ?? {
      orderCount: 0,
      value: [],
      firstOrderAt: null,
      lastOrderAt: null,
    };
    customers.set(order.customerId, customer);
    if (order.cancelled) continue;
    customer.orderCount += 1;
    if (customer.firstOrderAt === null || order.placedAt < customer.firstOrderAt)
      customer.firstOrderAt = order.placedAt;
    if (customer.lastOrderAt === null || order.placedAt > customer.lastOrderAt)
      customer.lastOrderAt = order.placedAt;
    let row = customer.value.find((v) => v.currency === order.currency);
    if (!row) {
      row = { currency: order.currency, amount: 0, orders: 0, average: 0 };
      customer.value.push(row);
    }
    row.amount += order.total - order.refunded;
    row.orders += 1;
  }
  for (const customer of customers.values()) {
    customer.value.sort((a, b) => a.currency.localeCompare(b.currency));
    for (const row of customer.value) row.average = Math.round(row.amount / row.orders);
  }
  return customers;
};
