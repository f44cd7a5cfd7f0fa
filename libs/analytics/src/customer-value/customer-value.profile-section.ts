import type { CustomerProfileSection } from '@crm/platform';
import type { ExactMoney } from '@crm/sales';
import { exactMoney, sumOf } from '@crm/sales';
import type { CustomerValueDocument } from './customer-value.document';
import { CUSTOMER_VALUE_PROJECTION } from './customer-value.document';
import { combineCurrencyValues } from './customer-value.evolve';
import { customerValuesOf } from './customer-value.queries';

/**
 * The `orders` part of a customer profile, per currency: `value` as exact money (`amount` the
 * JSON integer while safe, else null; `amountExact` the decimal string), averages as
 * `{ amount, currency }`.
 */
export type OrdersProfileSection = {
  orderCount: number;
  value: ExactMoney[];
  averageOrderValue: { amount: number; currency: string }[];
  firstOrderAt: string | null;
  lastOrderAt: string | null;
};

const emptyOrders: OrdersProfileSection = {
  orderCount: 0,
  value: [],
  averageOrderValue: [],
  firstOrderAt: null,
  lastOrderAt: null,
};

export const toOrdersSection = (document: CustomerValueDocument): OrdersProfileSection => ({
  orderCount: document.orderCount,
  value: document.value.map(({ amount, currency }) => exactMoney(sumOf(amount), currency)),
  averageOrderValue: document.value.map(({ average, currency }) => ({ amount: average, currency })),
  firstOrderAt: document.firstOrderAt,
  lastOrderAt: document.lastOrderAt,
});

export const salesProfileSection: CustomerProfileSection = {
  name: 'orders',
  projections: [CUSTOMER_VALUE_PROJECTION],
  empty: emptyOrders,
  async load(documents, customerIds) {
    const found = await customerValuesOf(documents, customerIds);
    return new Map(found.map((document) => [document.customerId, toOrdersSection(document)]));
  },
  async loadGroups(documents, groups) {
    const found = new Map(
      (await customerValuesOf(documents, [...groups.values()].flat())).map((d) => [
        d.customerId,
        d,
      ]),
    );
    const combined = new Map<string, OrdersProfileSection>();
    for (const [id, ids] of groups) {
      const parts = ids.flatMap((member) => found.get(member) ?? []);
      combined.set(id, toOrdersSection(combineValues(id, parts)));
    }
    return combined;
  },
};

/** One customer's value document from several: sums per currency, earliest first, latest last. */
const combineValues = (
  customerId: string,
  parts: CustomerValueDocument[],
): CustomerValueDocument => {
  const dates = (field: 'firstOrderAt' | 'lastOrderAt') =>
    parts.flatMap((part) => part[field] ?? []).sort();
  return {
    _id: customerId,
    customerId,
    orderCount: parts.reduce((total, part) => total + part.orderCount, 0),
    value: combineCurrencyValues(parts.map((part) => part.value)),
    firstOrderAt: dates('firstOrderAt')[0] ?? null,
    lastOrderAt: dates('lastOrderAt').at(-1) ?? null,
  };
};
