import type { StoredSum } from '@crm/sales';
import type { CurrencyValue } from './customer-value.document';

/**
 * Merge attribution as the ranking read model keeps it: a merged customer names its survivor,
 * a survivor lists the customers merged into it. Only customers in a merge have one; unmerging
 * the last member deletes it, so the read model returns to what it was.
 */
export type CustomerMergeDocument = {
  _id: string;
  customerId: string;
  survivorId: string | null;
  members: string[];
  _position?: number;
};

/** Σ over customers of their own value in one currency, kept as events arrive. */
export type CurrencyTotalDocument = {
  _id: string;
  currency: string;
  /** Decimal string: a sum over every customer has no bound. */
  amount: StoredSum;
  /** Customers with a live order in this currency (each counted under its own id). */
  customers: number;
  orders: number;
  _position?: number;
};

/** A live order and what it is worth now (total − refunds), as the ranking projection keeps it. */
export type RankedOrderDocument = {
  _id: string;
  customerId: string;
  currency: string;
  value: number;
  _position?: number;
};

/** A customer's own value per currency (its live orders only), whoever it is ranked under. */
export type OwnValueDocument = {
  _id: string;
  customerId: string;
  value: CurrencyValue[];
  _position?: number;
};

/**
 * Version 2 (sums as decimal strings, rows ordered by `rankKey` instead of a JSON number that
 * cannot tell sums past 2^53 apart): new names, so a data folder of version 1 builds it from
 * position 0 at start. The version 1 collections (customer_value_ranking, customer_value_own,
 * customer_value_merges, customer_value_totals, customer_value_ranking_orders) and checkpoint
 * (customer-value-ranking) are no longer read.
 */
export const CUSTOMER_VALUE_RANKING_PROJECTION = 'customer-value-ranking-v2';
export const CUSTOMER_VALUE_RANKING_ORDERS = 'customer_value_ranking_v2_orders';
export const CUSTOMER_VALUE_OWN = 'customer_value_ranking_v2_own';
export const CUSTOMER_VALUE_MERGES = 'customer_value_ranking_v2_merges';
/** One row per ranked customer and currency: its own value plus its merged customers'. */
export const CUSTOMER_VALUE_RANKING = 'customer_value_ranking_v2';
export const CUSTOMER_VALUE_TOTALS = 'customer_value_ranking_v2_totals';
