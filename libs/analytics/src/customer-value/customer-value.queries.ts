import type { DocumentStore, Filter } from '@crm/documents';
import type {
  CustomerCurrencyValueDocument,
  CustomerValueDocument,
  MoneyAmount,
} from './customer-value.document';
import { CUSTOMER_VALUE, CUSTOMER_VALUE_BY_CURRENCY } from './customer-value.document';

export type CurrencyTotal = {
  currency: string;
  /** Σ customer value in this currency (minor units). */
  amount: number;
  customers: number;
  orders: number;
  /** Average order value over every counted order in this currency, rounded half up. */
  averageOrderValue: number;
};

export type TopCustomer = {
  customerId: string;
  value: MoneyAmount;
  orderCount: number;
  averageOrderValue: MoneyAmount;
};

export type CustomerValueReport = {
  totals: CurrencyTotal[];
  top: { currency: string; customers: TopCustomer[] }[];
};

type TotalRow = { _id: string; amount: number; customers: number; orders: number };

const exact = (amount: number, currency: string): number => {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`total value in ${currency} is past exact minor units`);
  return amount;
};

const averageOf = (amount: number, orders: number): number =>
  orders === 0 ? 0 : Number((2n * BigInt(amount) + BigInt(orders)) / (2n * BigInt(orders)));

/** Total value per currency = Σ over customers of their value in that currency. */
export const customerValueTotals = async (
  documents: DocumentStore,
  currency?: string,
): Promise<CurrencyTotal[]> => {
  const match: Filter = currency ? { currency } : {};
  const rows = await documents.aggregate<TotalRow>(CUSTOMER_VALUE_BY_CURRENCY, [
    { $match: match },
    {
      $group: {
        _id: '$currency',
        amount: { $sum: '$amount' },
        customers: { $sum: 1 },
        orders: { $sum: '$orders' },
      },
    },
    { $sort: { _id: 1 } },
  ]);
  return rows.map((row) => ({
    currency: row._id,
    amount: exact(row.amount, row._id),
    customers: row.customers,
    orders: row.orders,
    averageOrderValue: averageOf(row.amount, row.orders),
  }));
};

/** The `top` customers by value in one currency, highest first (ties by customer id). */
export const topCustomersByValue = async (
  documents: DocumentStore,
  currency: string,
  top: number,
): Promise<TopCustomer[]> => {
  const page = await documents.find<CustomerCurrencyValueDocument>(
    CUSTOMER_VALUE_BY_CURRENCY,
    { currency },
    { sort: { amount: -1 }, limit: top },
  );
  return page.items.map((row) => ({
    customerId: row.customerId,
    value: { amount: row.amount, currency },
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
