import type { Projection, ProjectedDocument } from '@crm/eventsourcing';
import type { CustomerOrdersDocument } from './customer-value.document';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_ORDERS,
  CUSTOMER_VALUE_PROJECTION,
} from './customer-value.document';
import { evolveCustomerOrders, summarize, VALUE_EVENT_TYPES } from './customer-value.evolve';
import { customerValueRankingProjection } from './customer-value-ranking.projection';

/**
 * Folds order events into each customer's live orders and derives from them the summary that
 * profiles and RFM read. The summary is rewritten even when the event was already applied, so
 * on a store without transactions a crash between the writes heals on replay. Rankings and
 * totals are the ranking projection's (they also follow merges).
 */
export const customerValueProjection: Projection = {
  name: CUSTOMER_VALUE_PROJECTION,
  collections: [
    { name: CUSTOMER_VALUE_ORDERS },
    { name: CUSTOMER_VALUE, indexes: [{ field: 'firstOrderAt' }, { field: 'lastOrderAt' }] },
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
    context.put(CUSTOMER_VALUE, { ...summarize(customerId, next.orders), ...stamp });
  },
};

export const customerValueProjections: readonly Projection[] = [
  customerValueProjection,
  customerValueRankingProjection,
];
