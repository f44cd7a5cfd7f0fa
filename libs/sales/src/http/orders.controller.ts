import { Body, Controller, Get, Param, Post, Query, applyDecorators } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import {
  ApiArea,
  CommandCtx,
  CommandEndpoint,
  FreshnessQueryDto,
  ListEndpoint,
  MinPosition,
  ReadEndpoint,
} from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import {
  AdvanceOrderCommand,
  CancelOrderCommand,
  IssueRefundCommand,
  PlaceOrderCommand,
  RecordPaymentCommand,
} from '../application/order.commands';
import { GetOrderQuery, SearchOrdersQuery } from '../application/order.queries';
import type { OrderView } from '../application/order.view';
import {
  CancelOrderDto,
  IssueRefundDto,
  PlaceOrderDto,
  RecordPaymentDto,
  SearchOrdersDto,
} from './order.dto';
import { OrderPageResponse, OrderResponse } from './order.responses';

/** A write on an existing order: 404 unknown order, 409 wrong status. */
const OrderAction = (summary: string, options: { emptyBody?: boolean } = {}) =>
  applyDecorators(
    Roles('service'),
    CommandEndpoint({
      summary,
      notFound: 'No such order',
      conflicts: 'Not allowed in the order’s current status (named in the message)',
      ...options,
    }),
  );

@ApiArea('sales')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @CommandEndpoint({
    summary: 'Place an order; the total is computed from the lines in minor units',
    creates: true,
    notFound: 'No such customer',
    conflicts: 'The customer was forgotten or merged',
  })
  place(
    @Body() body: PlaceOrderDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new PlaceOrderCommand(body, context));
  }

  @Post(':id/confirm')
  @OrderAction('Confirm a placed order', { emptyBody: true })
  confirm(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AdvanceOrderCommand(id, 'confirm', context));
  }

  @Post(':id/pay')
  @OrderAction(
    'Record a payment (partial payments allowed, overpayment refused; currency must be the order’s)',
  )
  pay(
    @Param('id', uuidPipe) id: string,
    @Body() body: RecordPaymentDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RecordPaymentCommand(id, body, context));
  }

  @Post(':id/ship')
  @OrderAction('Ship a confirmed order', { emptyBody: true })
  ship(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AdvanceOrderCommand(id, 'ship', context));
  }

  @Post(':id/deliver')
  @OrderAction('Mark a shipped order delivered', { emptyBody: true })
  deliver(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AdvanceOrderCommand(id, 'deliver', context));
  }

  @Post(':id/cancel')
  @OrderAction('Cancel an order that has not shipped')
  cancel(
    @Param('id', uuidPipe) id: string,
    @Body() body: CancelOrderDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new CancelOrderCommand(id, body, context));
  }

  @Post(':id/refunds')
  @OrderAction('Refund part or all of what was paid and not yet refunded')
  refund(
    @Param('id', uuidPipe) id: string,
    @Body() body: IssueRefundDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new IssueRefundCommand(id, body, context));
  }

  @Get(':id')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'An order with its lines, payments, refunds and status',
    type: OrderResponse,
    notFound: 'No such order',
  })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<OrderView> {
    return this.queries.execute(new GetOrderQuery(id, minPosition));
  }

  @Get()
  @Roles('service', 'analyst')
  @ListEndpoint({
    summary: 'Orders, newest first, by customer and status (paged)',
    type: OrderPageResponse,
  })
  search(
    @Query() query: SearchOrdersDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<{ items: OrderView[]; nextCursor: string | null }> {
    return this.queries.execute(new SearchOrdersQuery(query, minPosition));
  }
}
