import type { Type } from '@nestjs/common';
import type { Projection } from '@crm/eventsourcing';
import { UpcasterChain } from '@crm/eventsourcing';
import type { CustomerProfileSection, CustomerSegmentLookup } from '@crm/platform';
import {
  CUSTOMER_PROFILES,
  CustomersModule,
  customerPiiFields,
  customerProfileProjection,
  customerProjections,
} from '@crm/customers';
import {
  ServiceDeskModule,
  serviceDeskProjections,
  serviceProfileSection,
  ticketPiiFields,
  ticketQueueProjection,
  TICKETS,
} from '@crm/service-desk';
import { SatisfactionAnalyticsModule, satisfactionProjections } from '@crm/analytics';
import type { PiiFieldRegistry } from '@crm/security/pii';

/**
 * The one list of what the product is made of: every context's module, read models,
 * profile sections and upcasters. The api, the projector worker and the CLI all use it.
 */
export const contextModules: Type[] = [
  CustomersModule,
  ServiceDeskModule,
  SatisfactionAnalyticsModule,
];

export const allProjections: readonly Projection[] = [
  ...customerProjections,
  ...serviceDeskProjections,
  ...satisfactionProjections,
];

export const profileSections: readonly CustomerProfileSection[] = [serviceProfileSection];

export const segmentLookup: CustomerSegmentLookup | null = null;

export const createUpcasters = (): UpcasterChain => new UpcasterChain();

/** Every event field that holds personal data, and what kind it is (sealed per customer). */
export const piiFields: PiiFieldRegistry = { ...customerPiiFields, ...ticketPiiFields };

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
];
