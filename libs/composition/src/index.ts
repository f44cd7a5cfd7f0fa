import type { Type } from '@nestjs/common';
import type { Projection } from '@crm/eventsourcing';
import { UpcasterChain } from '@crm/eventsourcing';
import type { CustomerProfileSection, CustomerSegmentLookup } from '@crm/platform';
import { CustomersModule, customerPiiFields, customerProjections } from '@crm/customers';
import {
  ServiceDeskModule,
  serviceDeskProjections,
  serviceProfileSection,
  ticketPiiFields,
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

export * from './audit-views';
export * from './customer-audit';
