import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, deriveAggregateId } from '@crm/eventsourcing';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { toCommandResponse } from '@crm/platform';
import { CustomerDirectory } from '@crm/customers';
import type { OrderEvent } from '../domain/order';
import { orderStreamId } from '../domain/order';
import type { OrderCommand } from '../domain/order.decider';
import { orderDecider } from '../domain/order.decider';
import {
  AdvanceOrderCommand,
  CancelOrderCommand,
  IssueRefundCommand,
  PlaceOrderCommand,
  RecordPaymentCommand,
} from './order.commands';
import type { OrderStep } from './order.commands';
import type { SalesClock } from './sales.config';
import { SALES_CLOCK } from './sales.config';

/** Runs an order command on its stream; its events concern the order's customer. */
export const runOrderDecision = (
  runner: CommandRunner,
  command: OrderCommand,
  context: CommandContext,
) =>
  runner.run(orderDecider, command, {
    streamId: orderStreamId(command.orderId),
    context,
    commandType: command.type,
    customerId: (event: OrderEvent) => event.data.customerId,
  });

const runOrderCommand = async (
  runner: CommandRunner,
  command: OrderCommand,
  context: CommandContext,
): Promise<CommandResponse> =>
  toCommandResponse(command.orderId, await runOrderDecision(runner, command, context));

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly customers: CustomerDirectory,
    @Inject(SALES_CLOCK) private readonly clock: SalesClock,
  ) {}

  async execute({ body, context, opportunityId }: PlaceOrderCommand): Promise<CommandResponse> {
    await this.customers.requireActive(body.customerId);
    return runOrderCommand(
      this.runner,
      {
        type: 'PlaceOrder',
        orderId: deriveAggregateId(context, 'order'),
        customerId: body.customerId,
        currency: body.currency,
        lines: body.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
        campaignId: body.campaignId ?? null,
        ...(opportunityId === undefined ? {} : { opportunityId }),
        at: this.clock().toISOString(),
      },
      context,
    );
  }
}

const STEP_COMMANDS = {
  confirm: 'ConfirmOrder',
  ship: 'ShipOrder',
  deliver: 'DeliverOrder',
} as const satisfies Record<OrderStep, OrderCommand['type']>;

@CommandHandler(AdvanceOrderCommand)
export class AdvanceOrderHandler implements ICommandHandler<AdvanceOrderCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SALES_CLOCK) private readonly clock: SalesClock,
  ) {}

  execute({ orderId, step, context }: AdvanceOrderCommand): Promise<CommandResponse> {
    const at = this.clock().toISOString();
    return runOrderCommand(this.runner, { type: STEP_COMMANDS[step], orderId, at }, context);
  }
}

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SALES_CLOCK) private readonly clock: SalesClock,
  ) {}

  execute({ orderId, body, context }: RecordPaymentCommand): Promise<CommandResponse> {
    const amount = { amount: body.amount, currency: body.currency };
    return runOrderCommand(
      this.runner,
      { type: 'RecordPayment', orderId, amount, at: this.clock().toISOString() },
      context,
    );
  }
}

@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SALES_CLOCK) private readonly clock: SalesClock,
  ) {}

  execute({ orderId, body, context }: CancelOrderCommand): Promise<CommandResponse> {
    return runOrderCommand(
      this.runner,
      { type: 'CancelOrder', orderId, reason: body.reason, at: this.clock().toISOString() },
      context,
    );
  }
}

@CommandHandler(IssueRefundCommand)
export class IssueRefundHandler implements ICommandHandler<IssueRefundCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SALES_CLOCK) private readonly clock: SalesClock,
  ) {}

  execute({ orderId, body, context }: IssueRefundCommand): Promise<CommandResponse> {
    const amount = { amount: body.amount, currency: body.currency };
    return runOrderCommand(
      this.runner,
      {
        type: 'IssueRefund',
        orderId,
        amount,
        reason: body.reason ?? null,
        at: this.clock().toISOString(),
      },
      context,
    );
  }
}

export const orderCommandHandlers = [
  PlaceOrderHandler,
  AdvanceOrderHandler,
  RecordPaymentHandler,
  CancelOrderHandler,
  IssueRefundHandler,
];
