import type { RecordedEvent } from '@crm/eventsourcing';

/** What the definitions give for one customer as of a day, written the plain way. */
export type ExpectedPurchases = {
  x: number;
  txDays: number;
  TDays: number;
  /** Per currency: repeat purchases in it and their values (the first one in it left out). */
  repeatValues: Record<string, number[]>;
};

type OrderFacts = {
  customerId: string;
  currency: string;
  placedAt: string;
  total: number;
  cancelledAt: string | null;
  refunds: { at: string; amount: number }[];
};

/**
 * Replays the log, then, as of the end of `asOf` (a YYYY-MM-DD UTC day): an order is a purchase
 * if placed before then and not cancelled before then, worth its total minus the refunds issued
 * before then; one customer's orders of one UTC day are one purchase; a merged customer's
 * orders are its survivor's (merges as they stand at the end of the log).
 */
export const independentPurchases = (
  events: readonly RecordedEvent[],
  asOf: string,
): Map<string, ExpectedPurchases> => {
  const orders = new Map<string, OrderFacts>();
  const survivorOf = new Map<string, string>();
  for (const event of events) {
    const data = event.data as {
      orderId: string;
      customerId: string;
      survivorId: string;
      currency: string;
      placedAt: string;
      cancelledAt: string;
      refundedAt: string;
      total: number;
      amount: number;
    };
    const order = orders.get(data.orderId);
    if (event.type === 'OrderPlaced')
      orders.set(data.orderId, {
        customerId: data.customerId,
        currency: data.currency,
        placedAt: new Date(data.placedAt).toISOString(),
        total: data.total,
        cancelledAt: null,
        refunds: [],
      });
    else if (order && event.type === 'OrderCancelled') order.cancelledAt ??= data.cancelledAt;
    else if (order && event.type === 'RefundIssued')
      order.refunds.push({ at: data.refundedAt, amount: data.amount });
    else if (event.type === 'CustomerMerged') survivorOf.set(data.customerId, data.survivorId);
    else if (event.type === 'CustomerUnmerged') survivorOf.delete(data.customerId);
  }
  const end = new Date(Date.parse(`${asOf}T00:00:00.000Z`) + 86_400_000).toISOString();
  const before = (at: string) => new Date(at).toISOString() < end;
  // customer → day → currency → value
  const days = new Map<string, Map<string, Map<string, number>>>();
  for (const order of orders.values()) {
    if (!before(order.placedAt)) continue;
    if (order.cancelledAt !== null && before(order.cancelledAt)) continue;
    const owner = survivorOf.get(order.customerId) ?? order.customerId;
    const value =
      order.total - order.refunds.filter((r) => before(r.at)).reduce((s, r) => s + r.amount, 0);
    const byDay = days.get(owner) ?? new Map<string, Map<string, number>>();
    days.set(owner, byDay);
    const day = order.placedAt.slice(0, 10);
    const values = byDay.get(day) ?? new Map<string, number>();
    byDay.set(day, values);
    values.set(order.currency, (values.get(order.currency) ?? 0) + value);
  }
  const daysBetween = (a: string, b: string) =>
    Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  const result = new Map<string, ExpectedPurchases>();
  for (const [customerId, byDay] of days) {
    const sorted = [...byDay.keys()].sort();
    const first = sorted[0] as string;
    const last = sorted.at(-1) as string;
    const repeatValues: Record<string, number[]> = {};
    const seen = new Set<string>();
    for (const day of sorted)
      for (const [currency, value] of byDay.get(day) ?? []) {
        if (seen.has(currency)) (repeatValues[currency] ??= []).push(value);
        else seen.add(currency);
      }
    result.set(customerId, {
      x: sorted.length - 1,
      txDays: daysBetween(first, last),
      TDays: daysBetween(first, asOf),
      repeatValues,
    });
  }
  return result;
};
