import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import type {
  CancelOrderDto,
  IssueRefundDto,
  PlaceOrderDto,
  RecordPaymentDto,
} from '../http/order.dto';

/**
 * `opportunityId`: set when the pipeline context places the order with an opportunity's win;
 * not part of the HTTP body, so a client cannot link an order to an opportunity by hand.
 */
export class PlaceOrderCommand extends Command<CommandResponse> {
  constructor(
    readonly body: PlaceOrderDto,
    readonly context: CommandContext,
    readonly opportunityId?: string,
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
