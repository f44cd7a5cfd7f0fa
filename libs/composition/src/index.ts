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
import {
  CustomerValueAnalyticsModule,
  RfmAnalyticsModule,
  SatisfactionAnalyticsModule,
  customerValueProjections,
  rfmProfileSection,
  rfmSegmentLookup,
  salesProfileSection,
  satisfactionProjections,
} from '@crm/analytics';
import { SalesModule, salesProjections } from '@crm/sales';
import type { PiiFieldRegistry } from '@crm/security/pii';

/**
 * The one list of what the product is made of: every context's module, read models,
 * profile sections and upcasters. The api, the projector worker and the CLI all use it.
 */
export const contextModules: Type[] = [
  CustomersModule,
  ServiceDeskModule,
  SalesModule,
  SatisfactionAnalyticsModule,
  CustomerValueAnalyticsModule,
  RfmAnalyticsModule,
];

export const allProjections: readonly Projection[] = [
  ...customerProjections,
  ...serviceDeskProjections,
  ...satisfactionProjections,
  ...salesProjections,
  ...customerValueProjections,
];

export const profileSections: readonly CustomerProfileSection[] = [
  serviceProfileSection,
  salesProfileSection,
  rfmProfileSection,
];

export const segmentLookup: CustomerSegmentLookup | null = rfmSegmentLookup;

export const createUpcasters = (): UpcasterChain => new UpcasterChain();

/** Every event field that holds personal data, and what kind it is (sealed per customer). */
export const piiFields: PiiFieldRegistry = { ...customerPiiFields, ...ticketPiiFields };

export * from './audit-views';
export * from './customer-audit';
