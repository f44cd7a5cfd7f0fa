import type { ExactMoney } from '@crm/sales';
import { exactMoney } from '@crm/sales';
import type { RfmScores, RfmSegment } from './rfm-segments';
import { segmentOf } from './rfm-segments';

const DAY = 86_400_000;

/** What RFM needs of a customer, over the orders placed up to the as-of date. */
export type RfmCustomer = {
  customerId: string;
  lastOrderAt: string;
  /** Live (not cancelled) orders. */
  orderCount: number;
  /** Value per currency (orders net of cancellations and refunds), exact: it has no bound. */
  value: { amount: bigint; currency: string }[];
};

export type RfmResult = {
  customerId: string;
  segment: RfmSegment;
  r: number;
  f: number;
  m: number;
  recencyDays: number;
  frequency: number;
  /** Value per currency, as exact money (`amount` null past 2^53 − 1, `amountExact` always). */
  monetary: ExactMoney[];
  lastOrderAt: string;
};

/** Whole UTC calendar days from the last order to the as-of date. */
export const recencyDays = (lastOrderAt: string, asOf: Date): number => {
  const day = (time: number): number => Math.floor(time / DAY);
  return Math.max(0, day(asOf.getTime()) - day(Date.parse(lastOrderAt)));
};

/** The quintile score of a value with `below` smaller and `equal` equal values (itself too) of `n`. */
export const quintileScoreOf = (below: number, equal: number, n: number): number =>
  Math.min(5, Math.floor((5 * (2 * below + equal)) / (2 * n)) + 1);

/**
 * Quintile scores 1–5 (higher value, higher score) by mid-rank: a value's score is
 * 1 + ⌊5 · (below + equal / 2) / n⌋, so equal values score alike, n distinct values spread
 * evenly over 1–5, and a population that is all alike scores 3.
 */
export const quintileScores = <T extends number | bigint>(values: readonly T[]): number[] => {
  const n = values.length;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const scoreOf = new Map<T, number>();
  for (let i = 0; i < n;) {
    const value = sorted[i] as T;
    let j = i;
    while (j < n && sorted[j] === value) j += 1;
    scoreOf.set(value, quintileScoreOf(i, j - i, n));
    i = j;
  }
  return values.map((value) => scoreOf.get(value) ?? 1);
};

/** M per customer: quintiles within each currency (no exchange rates), then the best of them. */
const monetaryScores = (customers: readonly RfmCustomer[]): number[] => {
  const best = customers.map(() => 1);
  const currencies = new Set(customers.flatMap((c) => c.value.map((v) => v.currency)));
  for (const currency of currencies) {
    const holders = customers.flatMap((c, index) => {
      const amount = c.value.find((v) => v.currency === currency)?.amount;
      return amount === undefined ? [] : [{ index, amount }];
    });
    const scores = quintileScores(holders.map((h) => h.amount));
    holders.forEach((h, k) => (best[h.index] = Math.max(best[h.index] ?? 1, scores[k] ?? 1)));
  }
  return best;
};

/** Scores every customer against the others, as of `asOf`. One pass per dimension plus sorts. */
export const scoreRfm = (customers: readonly RfmCustomer[], asOf: Date): RfmResult[] => {
  const days = customers.map((c) => recencyDays(c.lastOrderAt, asOf));
  const r = quintileScores(days.map((d) => -d));
  const f = quintileScores(customers.map((c) => c.orderCount));
  const m = monetaryScores(customers);
  return customers.map((customer, i) =>
    rfmResultOf(customer, { r: r[i] ?? 1, f: f[i] ?? 1, m: m[i] ?? 1 }, days[i] ?? 0),
  );
};

export const rfmResultOf = (
  customer: RfmCustomer,
  scores: RfmScores,
  recency: number,
): RfmResult => ({
  customerId: customer.customerId,
  segment: segmentOf(scores, customer.orderCount),
  ...scores,
  recencyDays: recency,
  frequency: customer.orderCount,
  monetary: customer.value.map(({ amount, currency }) => exactMoney(amount, currency)),
  lastOrderAt: customer.lastOrderAt,
});
