import type { Projection, ProjectedDocument } from '@crm/eventsourcing';
import type {
  CustomerCurrencyValueDocument,
  CustomerOrdersDocument,
  CustomerValueDocument,
} from './customer-value.document';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_BY_CURRENCY,
  CUSTOMER_VALUE_ORDERS,
  CUSTOMER_VALUE_PROJECTION,
  currencyRowId,
} from './customer-value.document';
import { evolveCustomerOrders, summarize, VALUE_EVENT_TYPES } from './customer-value.evolve';

/** The per-currency rows a customer's summary implies. */
export const currencyRows = (summary: CustomerValueDocument): CustomerCurrencyValueDocument[] =>
  summary.value.map((row) => ({
    _id: currencyRowId(summary.customerId, row.currency),
    customerId: summary.customerId,
    ...row,
  }));

/**
 * Folds order events into each customer's live orders and derives from them the summary and
 * the per-currency rows. The derived documents are rewritten even when the event was already
 * applied, so on a store without transactions a crash between the writes heals on replay.
 */
export const customerValueProjection: Projection = {
  name: CUSTOMER_VALUE_PROJECTION,
  collections: [
    { name: CUSTOMER_VALUE_ORDERS },
    { name: CUSTOMER_VALUE, indexes: [{ field: 'firstOrderAt' }, { field: 'lastOrderAt' }] },
    { name: CUSTOMER_VALUE_BY_CURRENCY, indexes: [{ field: 'currency' }, { field: 'amount' }] },
  ],
  handles: VALUE_EVENT_TYPES,
  async apply(event, context) {
    const customerId = event.data.customerId;
    if (typeof customerId !== 'string') return;
    const current = await context.get<CustomerOrdersDocument & ProjectedDocument>(
      CUSTOMER_VALUE_ORDERS,
      customerId,
    );
    const applied = current?._position !== undefined && current._position >= event.position;
    const next = applied ? current : evolveCustomerOrders(current, event);
    if (!next) return;
    const stamp = { _position: event.position };
    if (!applied) context.put(CUSTOMER_VALUE_ORDERS, { ...next, ...stamp });

    const before = await context.get<CustomerValueDocument>(CUSTOMER_VALUE, customerId);
    const summary = summarize(customerId, next.orders);
    context.put(CUSTOMER_VALUE, { ...summary, ...stamp });
    const rows = currencyRows(summary);
    for (const row of rows) context.put(CUSTOMER_VALUE_BY_CURRENCY, { ...row, ...stamp });
    for (const old of before?.value ?? []) {
      if (!rows.some((row) => row.currency === old.currency)) {
        context.delete(CUSTOMER_VALUE_BY_CURRENCY, currencyRowId(customerId, old.currency));
      }
    }
  },
};

export const customerValueProjections: readonly Projection[] = [customerValueProjection];
