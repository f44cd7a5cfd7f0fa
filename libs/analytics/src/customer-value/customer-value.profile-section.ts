import type { CustomerProfileSection } from '@crm/platform';
import type { CustomerValueDocument } from './customer-value.document';
import { CUSTOMER_VALUE_PROJECTION } from './customer-value.document';
import { customerValuesOf } from './customer-value.queries';

/** The `orders` part of a customer profile; amounts per currency, as `{ amount, currency }`. */
export type OrdersProfileSection = {
  orderCount: number;
  value: { amount: number; currency: string }[];
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
  value: document.value.map(({ amount, currency }) => ({ amount, currency })),
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
};
