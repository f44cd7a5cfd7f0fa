import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  applyDecorators,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@crm/eventsourcing';
import {
  CommandCtx,
  CommandResponse,
  ErrorBody,
  FreshnessQueryDto,
  MinPosition,
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

const IdempotencyKey = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key appends nothing and answers as the first request did',
});

/** A write on an existing order: 200, service role, 404 unknown order, 409 wrong status. */
const OrderAction = (summary: string) =>
  applyDecorators(
    HttpCode(200),
    Roles('service'),
    IdempotencyKey,
    ApiOperation({ summary }),
    ApiOkResponse({ type: CommandResponse }),
    ApiResponse({ status: 404, type: ErrorBody, description: 'No such order' }),
    ApiResponse({
      status: 409,
      type: ErrorBody,
      description: 'Not allowed in the order’s current status (named in the message)',
    }),
  );

@ApiTags('sales')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ErrorBody,
  description: 'Invalid input: names the field and rule',
})
@ApiResponse({ status: 401, type: ErrorBody })
@ApiResponse({ status: 403, type: ErrorBody })
@ApiResponse({
  status: 503,
  type: ErrorBody,
  description: 'A store is down or the read model is behind; see Retry-After',
})
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Place an order; the total is computed from the lines in minor units' })
  @ApiResponse({ status: 201, type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody, description: 'No such customer' })
  @ApiResponse({
    status: 409,
    type: ErrorBody,
    description: 'The customer was forgotten or merged',
  })
  place(
    @Body() body: PlaceOrderDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new PlaceOrderCommand(body, context));
  }

  @Post(':id/confirm')
  @OrderAction('Confirm a placed order')
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
  @OrderAction('Ship a confirmed order')
  ship(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AdvanceOrderCommand(id, 'ship', context));
  }

  @Post(':id/deliver')
  @OrderAction('Mark a shipped order delivered')
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
  @ApiOperation({ summary: 'An order with its lines, payments, refunds and status' })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description: 'Wait until the read model has applied this position',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<OrderView> {
    return this.queries.execute(new GetOrderQuery(id, minPosition));
  }

  @Get()
  @Roles('service', 'analyst')
  @ApiOperation({ summary: 'Orders, newest first, by customer and status (paged)' })
  @ApiOkResponse({ type: OrderPageResponse })
  search(
    @Query() query: SearchOrdersDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<{ items: OrderView[]; nextCursor: string | null }> {
    return this.queries.execute(new SearchOrdersQuery(query, minPosition));
  }
}
