import { Body, Controller, Get, Param, Post, Query, applyDecorators } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { PageResponse, Principal } from '@crm/platform';
import {
  ApiArea,
  CommandCtx,
  CommandEndpoint,
  CurrentPrincipal,
  FreshnessQueryDto,
  ListEndpoint,
  MinPosition,
  ReadEndpoint,
} from '@crm/platform';
import type { CommandResponse } from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import {
  AddReplyCommand,
  AssignTicketCommand,
  ClassifyTicketCommand,
  CloseTicketCommand,
  OpenTicketCommand,
  RateSatisfactionCommand,
  ReopenTicketCommand,
  ResolveTicketCommand,
} from '../application/ticket.commands';
import { GetTicketQuery, SearchTicketsQuery } from '../application/ticket.queries';
import type { TicketSummaryView, TicketView } from '../application/ticket.view';
import {
  AddReplyDto,
  AssignTicketDto,
  ClassifyTicketDto,
  OpenTicketDto,
  RateSatisfactionDto,
  ReopenTicketDto,
  ResolveTicketDto,
  SearchTicketsDto,
} from './ticket.dto';
import { TicketPageResponse, TicketResponse } from './ticket.responses';

/** A command on an existing ticket: 404 unknown ticket, 409 not allowed in its status. */
const TicketAction = (summary: string, options: { emptyBody?: boolean } = {}) =>
  applyDecorators(
    Roles('service'),
    CommandEndpoint({
      summary,
      notFound: 'No such ticket',
      conflicts: 'Not allowed in the ticket’s current status',
      ...options,
    }),
  );

@ApiArea('service desk')
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @CommandEndpoint({
    summary: 'Open a ticket for a live customer; SLA due times follow its priority',
    creates: true,
    notFound: 'No such customer',
    conflicts: 'The customer was forgotten or merged',
  })
  open(
    @Body() body: OpenTicketDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new OpenTicketCommand(body, context));
  }

  @Post(':id/classify')
  @TicketAction('Change category and priority (open tickets); moves the SLA due times')
  classify(
    @Param('id', uuidPipe) id: string,
    @Body() body: ClassifyTicketDto,
    @CommandCtx() context: CommandContext,
  ) {
    return this.commands.execute(new ClassifyTicketCommand(id, body, context));
  }

  @Post(':id/assign')
  @TicketAction('Assign an agent (open tickets)')
  assign(
    @Param('id', uuidPipe) id: string,
    @Body() body: AssignTicketDto,
    @CommandCtx() context: CommandContext,
  ) {
    return this.commands.execute(new AssignTicketCommand(id, body, context));
  }

  @Post(':id/replies')
  @TicketAction('Add a reply by the agent or the customer (open tickets)')
  reply(
    @Param('id', uuidPipe) id: string,
    @Body() body: AddReplyDto,
    @CommandCtx() context: CommandContext,
  ) {
    return this.commands.execute(new AddReplyCommand(id, body, context));
  }

  @Post(':id/resolve')
  @TicketAction('Resolve (open tickets)')
  resolve(
    @Param('id', uuidPipe) id: string,
    @Body() body: ResolveTicketDto,
    @CommandCtx() context: CommandContext,
  ) {
    return this.commands.execute(new ResolveTicketCommand(id, body, context));
  }

  @Post(':id/reopen')
  @TicketAction('Reopen a resolved ticket within the reopen window (default 14 days)')
  reopen(
    @Param('id', uuidPipe) id: string,
    @Body() body: ReopenTicketDto,
    @CommandCtx() context: CommandContext,
  ) {
    // The reason is optional, so the body may be absent; validation then hands back undefined.
    return this.commands.execute(new ReopenTicketCommand(id, body ?? {}, context));
  }

  @Post(':id/close')
  @TicketAction('Close (open or resolved tickets)', { emptyBody: true })
  close(@Param('id', uuidPipe) id: string, @CommandCtx() context: CommandContext) {
    return this.commands.execute(new CloseTicketCommand(id, {}, context));
  }

  @Post(':id/satisfaction')
  @TicketAction('Rate the current resolution 1–5, once per resolution (resolved or closed tickets)')
  rate(
    @Param('id', uuidPipe) id: string,
    @Body() body: RateSatisfactionDto,
    @CommandCtx() context: CommandContext,
  ) {
    return this.commands.execute(new RateSatisfactionCommand(id, body, context));
  }

  @Get(':id')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'Ticket detail with the reply thread and SLA (free text masked for analysts)',
    type: TicketResponse,
    notFound: 'No such ticket',
  })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @CurrentPrincipal() principal: Principal,
    @MinPosition() minPosition: number | undefined,
  ): Promise<TicketView> {
    return this.queries.execute(new GetTicketQuery(id, principal, minPosition));
  }

  @Get()
  @Roles('service', 'analyst')
  @ListEndpoint({
    summary: 'Ticket queue by status, agent, priority, customer and SLA state (due first, paged)',
    type: TicketPageResponse,
  })
  search(
    @Query() query: SearchTicketsDto,
    @CurrentPrincipal() principal: Principal,
    @MinPosition() minPosition: number | undefined,
  ): Promise<PageResponse<TicketSummaryView>> {
    return this.queries.execute(new SearchTicketsQuery(query, principal, minPosition));
  }
}
