import type { RecordedEvent } from '@crm/eventsourcing';

export type ExpectedCustomerValue = {
  orderCount: number;
  /** `amount` as the read model stores it: the exact sum as a decimal string. */
  value: { currency: string; amount: string; orders: number; average: number }[];
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
 * value = Σ (total − refunded) over the orders that were not cancelled, per currency, summed
 * with BigInt; the average is the quotient plus one when the remainder is at least half.
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
  type Row = { currency: string; amount: bigint; orders: number };
  const customers = new Map<string, Omit<ExpectedCustomerValue, 'value'> & { rows: Row[] }>();
  for (const order of orders.values()) {
    const customer = customers.get(order.customerId) ?? {
      orderCount: 0,
      rows: [],
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
    let row = customer.rows.find((v) => v.currency === order.currency);
    if (!row) {
      row = { currency: order.currency, amount: 0n, orders: 0 };
      customer.rows.push(row);
    }
    row.amount += BigInt(order.total) - BigInt(order.refunded);
    row.orders += 1;
  }
  const halfUp = (amount: bigint, orders: number): number => {
    const n = BigInt(orders);
    return Number(amount / n + (2n * (amount % n) >= n ? 1n : 0n));
  };
  return new Map(
    [...customers.entries()].map(([id, { rows, ...customer }]) => [
      id,
      {
        ...customer,
        value: rows
          .sort((a, b) => a.currency.localeCompare(b.currency))
          .map((row) => ({
            currency: row.currency,
            amount: row.amount.toString(),
            orders: row.orders,
            average: halfUp(row.amount, row.orders),
          })),
      },
    ]),
  );
};
