import { Query } from '@nestjs/cqrs';
import type { PageResponse, Principal } from '@crm/platform';
import type { SearchTicketsDto } from '../http/ticket.dto';
import type { TicketSummaryView, TicketView } from './ticket.view';

export class GetTicketQuery extends Query<TicketView> {
  constructor(
    readonly ticketId: string,
    readonly principal: Principal,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class SearchTicketsQuery extends Query<PageResponse<TicketSummaryView>> {
  constructor(
    readonly search: SearchTicketsDto,
    readonly principal: Principal,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
