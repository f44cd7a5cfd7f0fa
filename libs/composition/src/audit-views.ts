import type { Projection } from '@crm/eventsourcing';
import { CUSTOMER_PROFILES, customerProfileProjection } from '@crm/customers';
import { TICKETS, ticketQueueProjection } from '@crm/service-desk';
import { ORDER_DETAILS, orderDetailsProjection } from '@crm/sales';

/** A read model that state-at folds from one customer's events, and how to pick its part. */
export type AuditView = {
  key: string;
  projection: Projection;
  collection: string;
  /** Keep only these documents (e.g. open tickets); all when absent. */
  keep?: (document: Record<string, unknown>) => boolean;
  single?: boolean;
};

/** What `GET /customers/:id/state?at=` shows: the same projections as the live read models. */
export const auditViews: readonly AuditView[] = [
  {
    key: 'profile',
    projection: customerProfileProjection,
    collection: CUSTOMER_PROFILES,
    single: true,
  },
  {
    key: 'openTickets',
    projection: ticketQueueProjection,
    collection: TICKETS,
    keep: (ticket) => ticket.status !== 'closed',
  },
  { key: 'orders', projection: orderDetailsProjection, collection: ORDER_DETAILS },
];
