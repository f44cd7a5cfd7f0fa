export * from './domain/audience-rule';
export * from './domain/attribution-window';
export * from './domain/attribution-rule';
export * from './domain/campaign';
export * from './domain/campaign.decider';
export * from './projections/campaigns/campaign.document';
export * from './projections/campaigns/campaign-results';
export * from './projections/campaigns/campaigns.projection';
export * from './projections/campaigns/campaigns.queries';
export * from './application/audience-source';
export * from './application/campaign-results-freshness';
export * from './application/attribution/attribution.documents';
export * from './application/attribution/attribution.saga';
export * from './application/attribution/attribution-saga.connection';
export * from './http/campaign.dto';
export * from './http/campaign.responses';
export * from './marketing.module';

import type { Projection } from '@crm/eventsourcing';
import { attributionSaga } from './application/attribution/attribution-saga.connection';
import { campaignsProjection } from './projections/campaigns/campaigns.projection';

/** The campaigns read model and the attribution saga (a projection that issues commands). */
export const marketingProjections: readonly Projection[] = [campaignsProjection, attributionSaga];
