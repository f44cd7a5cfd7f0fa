import type { PurchaseOrder } from './purchases.document';

/** One purchase: a UTC day with at least one live order, and its value per currency. */
export type PurchaseDay = { day: number; values: ReadonlyMap<string, number> };

/** A customer's purchases as of a day, oldest first (empty: no purchase by then). */
export type CustomerPurchases = { customerId: string; days: PurchaseDay[] };

/**
 * The purchases as the log told them at the end of `asOfDay` (UTC): orders placed by then and
 * not cancelled by then, each worth its total minus the refunds issued by then; several orders
 * of one day are one purchase worth their sum, per currency. A cancellation or refund after
 * `asOfDay` is not known yet, so a model fitted as of a past day sees what it would have seen
 * then, and a back-test's calibration cannot learn from its holdout.
 */
export const purchaseDaysAsOf = (
  orders: readonly PurchaseOrder[],
  asOfDay: number,
): PurchaseDay[] => {
  const byDay = new Map<number, Map<string, number>>();
  for (const order of orders) {
    if (order.day > asOfDay) continue;
    if (order.cancelledDay !== null && order.cancelledDay <= asOfDay) continue;
    const refunded = order.refunds.reduce(
      (sum, [day, amount]) => (day <= asOfDay ? sum + amount : sum),
      0,
    );
    const values = byDay.get(order.day) ?? new Map<string, number>();
    values.set(order.currency, (values.get(order.currency) ?? 0) + order.total - refunded);
    byDay.set(order.day, values);
  }
  return [...byDay.entries()].sort(([a], [b]) => a - b).map(([day, values]) => ({ day, values }));
};

export type TimeUnit = 'week' | 'day';
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { week: 7, day: 1 };

/** BG/NBD's inputs: repeat purchases, time of the last one and the age, from the first purchase. */
export const repeatHistoryOf = (days: readonly PurchaseDay[], asOfDay: number, unit: TimeUnit) => {
  const first = days[0]?.day;
  const last = days.at(-1)?.day;
  if (first === undefined || last === undefined) return null;
  const scale = UNIT_DAYS[unit];
  return { x: days.length - 1, tx: (last - first) / scale, T: (asOfDay - first) / scale };
};

/** The customer's purchases in one currency (days with a live order in it) and their values. */
export const purchaseValuesIn = (days: readonly PurchaseDay[], currency: string): number[] =>
  days.flatMap(({ values }) => {
    const value = values.get(currency);
    return value === undefined ? [] : [value];
  });

/**
 * Gamma-Gamma's inputs in one currency: x repeat purchases in it and their mean value m (the
 * first purchase in the currency is not part of the mean); null without a repeat purchase.
 */
export const spendHistoryOf = (days: readonly PurchaseDay[], currency: string) => {
  const [, ...repeats] = purchaseValuesIn(days, currency);
  if (repeats.length === 0) return null;
  return { x: repeats.length, m: repeats.reduce((sum, v) => sum + v, 0) / repeats.length };
};

/**
 * Every currency the customer bought in, with its share of their purchases (a day with orders in
 * two currencies counts half in each), so the shares of a customer sum to 1.
 */
export const currencySharesOf = (days: readonly PurchaseDay[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const { values } of days)
    for (const currency of values.keys())
      counts.set(currency, (counts.get(currency) ?? 0) + 1 / values.size);
  return new Map(
    [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, n]) => [currency, n / days.length]),
  );
};

/** Purchases (days) in (fromDay, toDay]. */
export const purchasesBetween = (
  days: readonly PurchaseDay[],
  fromDay: number,
  toDay: number,
): number => days.filter(({ day }) => day > fromDay && day <= toDay).length;
