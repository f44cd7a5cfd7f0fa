import type { RecordedEvent } from '@crm/eventsourcing';
import { documentProjection } from '@crm/eventsourcing';
import type { TicketEvent } from '../../domain/ticket';
import type { CustomerServiceStatsDocument } from './customer-service-stats.document';
import {
  CUSTOMER_SERVICE_STATS,
  CUSTOMER_SERVICE_STATS_PROJECTION,
} from './customer-service-stats.document';

type HandledEvent = Extract<
  TicketEvent,
  {
    type:
      'TicketOpened' | 'TicketResolved' | 'TicketReopened' | 'TicketClosed' | 'SatisfactionRated';
  }
>;
const HANDLED: readonly HandledEvent['type'][] = [
  'TicketOpened',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
  'SatisfactionRated',
];

const empty = (customerId: string): CustomerServiceStatsDocument => ({
  _id: customerId,
  customerId,
  serviceCount: 0,
  openTicketIds: [],
  openTicketCount: 0,
  ratingCount: 0,
  ratingSum: 0,
  lastOpenedAt: null,
});

const withOpen = (
  stats: CustomerServiceStatsDocument,
  ids: string[],
): CustomerServiceStatsDocument => ({
  ...stats,
  openTicketIds: ids,
  openTicketCount: ids.length,
});

/** Pure fold of one ticket event into its customer's service figures. */
export const evolveCustomerServiceStats = (
  current: CustomerServiceStatsDocument | null,
  recorded: RecordedEvent,
): CustomerServiceStatsDocument => {
  const event = recorded as unknown as HandledEvent;
  const { customerId, ticketId } = event.data;
  const stats = current ?? empty(customerId);
  const open = stats.openTicketIds.filter((id) => id !== ticketId);
  switch (event.type) {
    case 'TicketOpened':
      return withOpen(
        { ...stats, serviceCount: stats.serviceCount + 1, lastOpenedAt: event.data.at },
        [...open, ticketId],
      );
    case 'TicketReopened':
      return withOpen(stats, [...open, ticketId]);
    case 'TicketResolved':
    case 'TicketClosed':
      return withOpen(stats, open);
    case 'SatisfactionRated':
      return {
        ...stats,
        ratingCount: stats.ratingCount + 1,
        ratingSum: stats.ratingSum + event.data.score,
      };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

export const customerServiceStatsProjection = documentProjection<CustomerServiceStatsDocument>({
  name: CUSTOMER_SERVICE_STATS_PROJECTION,
  collection: { name: CUSTOMER_SERVICE_STATS },
  handles: HANDLED,
  documentId: (event) => (typeof event.data.customerId === 'string' ? event.data.customerId : null),
  evolve: evolveCustomerServiceStats,
});
