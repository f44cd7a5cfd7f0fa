import type { StoredSum } from '@crm/sales';

/** An amount in integer minor units of an ISO 4217 currency. */
export type MoneyAmount = { amount: number; currency: string };

/** A live (placed, not cancelled) order and what it is worth now: total − refunds. */
export type CountedOrder = { orderId: string; currency: string; placedAt: string; value: number };

/**
 * Per currency: Σ order value (a decimal string: it has no bound, see `money-sum.ts`; a JSON
 * number in documents written before issue 17), order count and average order value (rounded
 * half up; never above the largest order value, so a safe integer).
 */
export type CurrencyValue = {
  currency: string;
  amount: StoredSum;
  orders: number;
  average: number;
};

/** A customer's live orders (the fold the per-order documents are checked against). */
export type CustomerOrdersDocument = {
  _id: string;
  customerId: string;
  orders: CountedOrder[];
  _position?: number;
};

/**
 * One live order (placed, not cancelled) and what it is worth now, by order id; `placedAt` is
 * normalized to `toISOString()`. Read by the projection and, on the (customerId, placedAt)
 * index, by RFM as of a past date.
 */
export type ValueOrderDocument = CountedOrder & {
  _id: string;
  customerId: string;
  _position?: number;
};

/** A count of a customer's live orders per key (a UTC month, or a placement time), by key. */
export type LiveCount = [key: string, orders: number];

/**
 * A customer's live orders counted per UTC month (`YYYY-MM`), sorted; with the counts per
 * placement time of each month (one document per customer and month) this finds the new first
 * or last order date when the first or last order is cancelled, without reading every order.
 */
export type OrderMonthsDocument = { _id: string; customerId: string; months: LiveCount[] };
export type OrderTimesDocument = { _id: string; customerId: string; times: LiveCount[] };

/** One summary per customer who ever placed an order: what profiles and RFM read. */
export type CustomerValueDocument = {
  _id: string;
  customerId: string;
  orderCount: number;
  value: CurrencyValue[];
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  _position?: number;
};

/**
 * One row per ranked customer and currency, for indexed top-N (see the ranking projection);
 * `rankKey` is `rankKeyOf(amount)`, the string the (currency, rankKey) index orders by.
 */
export type CustomerCurrencyValueDocument = CurrencyValue & {
  _id: string;
  customerId: string;
  rankKey: string;
  _position?: number;
};

/**
 * Version 2 (one document per order instead of each customer's whole order list): new names,
 * so a data folder of version 1 builds it from position 0 at start instead of folding new
 * events into the old shape. The version 1 collections (customer_value, customer_value_orders)
 * and checkpoint (customer-value) are no longer read.
 */
export const CUSTOMER_VALUE_PROJECTION = 'customer-value-v2';
export const CUSTOMER_VALUE = 'customer_value_v2';
export const CUSTOMER_VALUE_ORDERS = 'customer_value_v2_orders';
export const CUSTOMER_VALUE_MONTHS = 'customer_value_v2_months';
export const CUSTOMER_VALUE_TIMES = 'customer_value_v2_times';

export const orderTimesId = (customerId: string, month: string): string => `${customerId}:${month}`;

export const currencyRowId = (customerId: string, currency: string): string =>
  `${customerId}:${currency}`;
