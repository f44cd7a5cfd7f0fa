import { customerGroup } from '@crm/customers';
import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { PageResponse } from '@crm/platform';
import { ReadModelFreshness } from '@crm/platform';
import { TICKET_QUEUE_PROJECTION } from '../projections/ticket-queue/ticket.document';
import { getTicket, searchTickets } from '../projections/ticket-queue/ticket-queue.queries';
import type { ServiceDeskClock } from './service-desk.config';
import { SERVICE_DESK_CLOCK } from './service-desk.config';
import { GetTicketQuery, SearchTicketsQuery } from './ticket.queries';
import type { TicketSummaryView, TicketView } from './ticket.view';
import { toTicketSummary, toTicketView } from './ticket.view';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
    @Inject(SERVICE_DESK_CLOCK) private readonly clock: ServiceDeskClock,
  ) {}

  async execute({ ticketId, principal, minPosition }: GetTicketQuery): Promise<TicketView> {
    await this.freshness.ensure([TICKET_QUEUE_PROJECTION], minPosition);
    const ticket = await getTicket(this.documents, ticketId);
    if (!ticket) throw new NotFoundException(`ticket ${ticketId} does not exist`);
    return toTicketView(ticket, principal, this.clock.now().toISOString());
  }
}

@QueryHandler(SearchTicketsQuery)
export class SearchTicketsHandler implements IQueryHandler<SearchTicketsQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
    @Inject(SERVICE_DESK_CLOCK) private readonly clock: ServiceDeskClock,
  ) {}

  async execute({
    search,
    principal,
    minPosition,
  }: SearchTicketsQuery): Promise<PageResponse<TicketSummaryView>> {
    await this.freshness.ensure([TICKET_QUEUE_PROJECTION], minPosition);
    const now = this.clock.now().toISOString();
    const page = await searchTickets(this.documents, {
      status: search.status,
      agentId: search.agentId,
      priority: search.priority,
      customerId: search.customerId
        ? await customerGroup(this.documents, search.customerId)
        : undefined,
      breached: search.breached,
      atRisk: search.atRisk,
      now,
      limit: search.limit ?? 50,
      cursor: search.cursor,
    });
    return {
      items: page.items.map((t) => toTicketSummary(t, principal, now)),
      nextCursor: page.nextCursor,
    };
  }
}

export const ticketQueryHandlers = [GetTicketHandler, SearchTicketsHandler];
