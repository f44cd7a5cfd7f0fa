import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import type {
  CancelOrderDto,
  IssueRefundDto,
  PlaceOrderDto,
  RecordPaymentDto,
} from '../http/order.dto';

export class PlaceOrderCommand extends Command<CommandResponse> {
  constructor(
    readonly body: PlaceOrderDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Confirm, ship and deliver carry nothing but the order. */
export type OrderStep = 'confirm' | 'ship' | 'deliver';

export class AdvanceOrderCommand extends Command<CommandResponse> {
  constructor(
    readonly orderId: string,
    readonly step: OrderStep,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RecordPaymentCommand extends Command<CommandResponse> {
  constructor(
    readonly orderId: string,
    readonly body: RecordPaymentDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class CancelOrderCommand extends Command<CommandResponse> {
  constructor(
    readonly orderId: string,
    readonly body: CancelOrderDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class IssueRefundCommand extends Command<CommandResponse> {
  constructor(
    readonly orderId: string,
    readonly body: IssueRefundDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
