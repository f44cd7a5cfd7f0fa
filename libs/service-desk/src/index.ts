export * from './domain/ticket';
export * from './domain/ticket.decider';
export * from './domain/sla-policy';
export * from './projections/ticket-queue/ticket.document';
export * from './projections/ticket-queue/ticket-queue.projection';
export * from './projections/ticket-queue/ticket-queue.queries';
export * from './projections/ticket-queue/ticket-sla';
export * from './projections/customer-service-stats/customer-service-stats.document';
export * from './projections/customer-service-stats/customer-service-stats.projection';
export * from './projections/customer-service-stats/service-profile.section';
export * from './application/service-desk.config';
export * from './service-desk.module';

import type { Projection } from '@crm/eventsourcing';
import { customerServiceStatsProjection } from './projections/customer-service-stats/customer-service-stats.projection';
import { ticketQueueProjection } from './projections/ticket-queue/ticket-queue.projection';

export const serviceDeskProjections: readonly Projection[] = [
  ticketQueueProjection,
  customerServiceStatsProjection,
];
