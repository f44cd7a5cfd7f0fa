import type { DocumentStore } from '@crm/documents';
import type { ExactMoney } from '@crm/sales';
import { averageHalfUp, exactMoney, sumOf } from '@crm/sales';
import type {
  CustomerCurrencyValueDocument,
  CustomerValueDocument,
  MoneyAmount,
} from './customer-value.document';
import { CUSTOMER_VALUE } from './customer-value.document';
import type { CurrencyTotalDocument } from './customer-value-ranking.document';
import { CUSTOMER_VALUE_RANKING, CUSTOMER_VALUE_TOTALS } from './customer-value-ranking.document';

export type CurrencyTotal = {
  currency: string;
  /** Σ customer value in this currency (minor units): the JSON integer while safe, else null. */
  amount: number | null;
  /** The same sum, exactly, as a base-10 integer string. */
  amountExact: string;
  customers: number;
  orders: number;
  /** Average order value over every counted order in this currency, rounded half up. */
  averageOrderValue: number;
};

export type TopCustomer = {
  customerId: string;
  value: ExactMoney;
  orderCount: number;
  averageOrderValue: MoneyAmount;
};

export type CustomerValueReport = {
  totals: CurrencyTotal[];
  top: { currency: string; customers: TopCustomer[] }[];
};

/** More than there are ISO 4217 currencies. */
const CURRENCIES = 1000;

const toTotal = (row: CurrencyTotalDocument): CurrencyTotal => {
  const sum = sumOf(row.amount);
  const { amount, amountExact } = exactMoney(sum, row.currency);
  return {
    currency: row.currency,
    amount,
    amountExact,
    customers: row.customers,
    orders: row.orders,
    averageOrderValue: row.orders === 0 ? 0 : averageHalfUp(sum, row.orders),
  };
};

/** Total value per currency = Σ over customers of their value in that currency (kept running). */
export const customerValueTotals = async (
  documents: DocumentStore,
  currency?: string,
): Promise<CurrencyTotal[]> => {
  if (currency !== undefined) {
    const row = await documents.get<CurrencyTotalDocument>(CUSTOMER_VALUE_TOTALS, currency);
    return row ? [toTotal(row)] : [];
  }
  const page = await documents.find<CurrencyTotalDocument>(
    CUSTOMER_VALUE_TOTALS,
    {},
    { sort: { _id: 1 }, limit: CURRENCIES },
  );
  return page.items.map(toTotal);
};

/**
 * The `top` customers by value in one currency, highest first (ties by customer id, highest
 * first): one range of the (currency, rankKey) index. A survivor of merges is ranked with its
 * merged customers' value; they are not listed themselves.
 */
export const topCustomersByValue = async (
  documents: DocumentStore,
  currency: string,
  top: number,
): Promise<TopCustomer[]> => {
  const page = await documents.find<CustomerCurrencyValueDocument>(
    CUSTOMER_VALUE_RANKING,
    { currency },
    { sort: { rankKey: -1 }, limit: top },
  );
  return page.items.map((row) => ({
    customerId: row.customerId,
    value: exactMoney(sumOf(row.amount), currency),
    orderCount: row.orders,
    averageOrderValue: { amount: row.average, currency },
  }));
};

export const customerValueReport = async (
  documents: DocumentStore,
  options: { top: number; currency?: string },
): Promise<CustomerValueReport> => {
  const totals = await customerValueTotals(documents, options.currency);
  const top = await Promise.all(
    totals.map(async ({ currency }) => ({
      currency,
      customers: await topCustomersByValue(documents, currency, options.top),
    })),
  );
  return { totals, top };
};

export const customerValuesOf = (documents: DocumentStore, customerIds: readonly string[]) =>
  documents.getMany<CustomerValueDocument>(CUSTOMER_VALUE, customerIds);
