/** An amount in integer minor units of an ISO 4217 currency. */
export type MoneyAmount = { amount: number; currency: string };

/** A live (placed, not cancelled) order and what it is worth now: total − refunds. */
export type CountedOrder = { orderId: string; currency: string; placedAt: string; value: number };

/** Per currency: Σ order value, order count and average order value (rounded half up). */
export type CurrencyValue = { currency: string; amount: number; orders: number; average: number };

/**
 * A customer's live orders: the source every other customer value document is derived from,
 * so a cancellation can move the first or last order date exactly. Read only by the projection
 * and by RFM as of a past date.
 */
export type CustomerOrdersDocument = {
  _id: string;
  customerId: string;
  orders: CountedOrder[];
  _position?: number;
};

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

/** One row per ranked customer and currency, for indexed top-N (see the ranking projection). */
export type CustomerCurrencyValueDocument = CurrencyValue & {
  _id: string;
  customerId: string;
  _position?: number;
};

export const CUSTOMER_VALUE = 'customer_value';
export const CUSTOMER_VALUE_ORDERS = 'customer_value_orders';
export const CUSTOMER_VALUE_PROJECTION = 'customer-value';

export const currencyRowId = (customerId: string, currency: string): string =>
  `${customerId}:${currency}`;
