export * from './satisfaction-bucket.document';
export * from './satisfaction-buckets.projection';
export * from './satisfaction-rating.document';
export * from './satisfaction-ratings.projection';
export * from './satisfaction-report.plan';
export * from './satisfaction-stats';
export * from './satisfaction.queries';
export * from './satisfaction-analytics.module';

import type { Projection } from '@crm/eventsourcing';
import { satisfactionBucketsProjection } from './satisfaction-buckets.projection';
import { satisfactionRatingsProjection } from './satisfaction-ratings.projection';

export const satisfactionProjections: readonly Projection[] = [
  satisfactionRatingsProjection,
  satisfactionBucketsProjection,
];
