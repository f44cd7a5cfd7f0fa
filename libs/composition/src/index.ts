import type { Type } from '@nestjs/common';
import type { Projection } from '@crm/eventsourcing';
import { UpcasterChain } from '@crm/eventsourcing';
import type { CustomerProfileSection, CustomerSegmentLookup } from '@crm/platform';
import {
  CUSTOMER_EVENT_TYPES,
  CustomersModule,
  customerPiiFields,
  customerProjections,
  upcastAddressV1,
  upcastAddressValue,
} from '@crm/customers';
import {
  ServiceDeskModule,
  serviceDeskProjections,
  serviceProfileSection,
  ticketPiiFields,
  TICKET_EVENT_TYPES,
} from '@crm/service-desk';
import {
  CampaignAnalyticsModule,
  CustomerValueAnalyticsModule,
  PredictedValueAnalyticsModule,
  RfmAnalyticsModule,
  SatisfactionAnalyticsModule,
  customerValueProjections,
  predictedValueProfileSection,
  purchasesProjection,
  rfmProfileSection,
  rfmSegmentLookup,
  salesProfileSection,
  satisfactionProjections,
} from '@crm/analytics';
import { ORDER_EVENT_TYPES, SalesModule, salesProjections } from '@crm/sales';
import {
  CAMPAIGN_EVENT_TYPES,
  MarketingModule,
  marketingProjections,
  upcastCampaignLaunchedV1,
} from '@crm/marketing';
import {
  PIPELINE_EVENT_TYPES,
  PipelineModule,
  activityPiiFields,
  pipelineProjections,
} from '@crm/pipeline';
import type { DataKeyStore, PiiFieldRegistry, PiiValueUpcasters } from '@crm/security/pii';
import { PiiProtection } from '@crm/security/pii';

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
  PredictedValueAnalyticsModule,
  MarketingModule,
  CampaignAnalyticsModule,
  PipelineModule,
];

export const allProjections: readonly Projection[] = [
  ...customerProjections,
  ...serviceDeskProjections,
  ...satisfactionProjections,
  ...salesProjections,
  ...customerValueProjections,
  purchasesProjection,
  ...marketingProjections,
  ...pipelineProjections,
];

export const profileSections: readonly CustomerProfileSection[] = [
  serviceProfileSection,
  salesProfileSection,
  rfmProfileSection,
  predictedValueProfileSection,
];

export const segmentLookup: CustomerSegmentLookup | null = rfmSegmentLookup;

/** Old event shapes read as the current ones (stored events are never rewritten). */
export const createUpcasters = (): UpcasterChain =>
  new UpcasterChain()
    .register('CustomerCreated', 1, upcastAddressV1)
    .register('CustomerContactUpdated', 1, upcastAddressV1)
    .register('CampaignLaunched', 1, upcastCampaignLaunchedV1);

/** The same evolution for sealed values, applied once they are revealed. */
export const piiValueUpcasters: PiiValueUpcasters = { address: upcastAddressValue };

export const createPiiProtection = (keys: DataKeyStore): PiiProtection =>
  new PiiProtection(keys, piiFields, piiValueUpcasters);

/** Every event field that holds personal data, and what kind it is (sealed per customer). */
export const piiFields: PiiFieldRegistry = {
  ...customerPiiFields,
  ...ticketPiiFields,
  ...activityPiiFields,
};

export * from './audit-views';
export * from './customer-audit';

/** What webhook endpoints may subscribe to, besides `*`. */
export const webhookEventTypes: readonly string[] = [
  ...CUSTOMER_EVENT_TYPES,
  ...TICKET_EVENT_TYPES,
  ...ORDER_EVENT_TYPES,
  ...CAMPAIGN_EVENT_TYPES,
  ...PIPELINE_EVENT_TYPES,
];

export * from './import-extensions';
