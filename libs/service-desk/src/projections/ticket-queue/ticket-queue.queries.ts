import type { DocumentStore, Filter, Page } from '@crm/documents';
import type { TicketPriority, TicketStatus } from '../../domain/ticket';
import type { TicketDocument } from './ticket.document';
import { TICKETS } from './ticket.document';
import { atRiskFilter, breachedFilter } from './ticket-sla';

export type TicketSearch = {
  status?: TicketStatus;
  agentId?: string;
  priority?: TicketPriority;
  /** A customer and those merged into it. */
  customerId?: readonly string[];
  breached?: boolean;
  atRisk?: boolean;
  /** The current time (ISO), for the breached and at-risk filters. */
  now: string;
  limit: number;
  cursor?: string;
};

export const getTicket = (documents: DocumentStore, ticketId: string) =>
  documents.get<TicketDocument>(TICKETS, ticketId);

const flag = (wanted: boolean | undefined, filter: Filter): Filter[] => {
  if (wanted === undefined) return [];
  return [wanted ? filter : { $nor: [filter] }];
};

/** The queue: what is due first comes first. */
export const searchTickets = (
  documents: DocumentStore,
  search: TicketSearch,
): Promise<Page<TicketDocument>> => {
  const filter: Filter = {};
  if (search.status) filter.status = search.status;
  if (search.agentId) filter.agentId = search.agentId;
  if (search.priority) filter.priority = search.priority;
  if (search.customerId) filter.customerId = { $in: search.customerId };
  const timed = [
    ...flag(search.breached, breachedFilter(search.now)),
    ...flag(search.atRisk, atRiskFilter(search.now)),
  ];
  if (timed.length > 0) filter.$and = timed;
  return documents.find<TicketDocument>(TICKETS, filter, {
    sort: { resolutionDueAt: 1 },
    limit: search.limit,
    cursor: search.cursor,
  });
};
