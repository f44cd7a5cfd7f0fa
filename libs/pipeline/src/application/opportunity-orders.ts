import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import { DomainErrorException, deriveAggregateId, isDomainError } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { CustomerDirectory } from '@crm/customers';
import { PlaceOrderCommand, PlaceOrderDto, orderDecider } from '@crm/sales';
import type { ExistingOpportunity } from '../domain/opportunity';
import type { OrderToPlace } from './pipeline.requests';

/** A win's answer: the opportunity's revision, and the order it placed (null: none). */
export type WinResponse = CommandResponse & { orderId: string | null };

export type OrderPlacing = {
  orderId: string;
  /** Places the order once the win is recorded; answers the win with the later position. */
  place: (won: CommandResponse) => Promise<WinResponse>;
};

/**
 * A win that places its order goes through the sales context's own PlaceOrder command (its
 * handler, checks and decider), linked both ways: OpportunityWon records the order id, and
 * OrderPlaced the opportunity. The order is checked first, with the sales decider on a new
 * order, so an order that would be refused refuses the win too; then the win is recorded,
 * then the order placed. Both derive their ids from the request's Idempotency-Key, so a
 * request retried with the same key after a failure between the two places the order once
 * and answers as if nothing had failed.
 */
@Injectable()
export class OpportunityOrders {
  constructor(
    private readonly commands: CommandBus,
    private readonly customers: CustomerDirectory,
  ) {}

  async prepare(
    opportunity: ExistingOpportunity,
    order: OrderToPlace,
    context: CommandContext,
  ): Promise<OrderPlacing> {
    await this.customers.requireActive(opportunity.customerId);
    // The id PlaceOrderHandler derives for this request's order.
    const orderId = deriveAggregateId(context, 'order');
    const campaign = order.campaignId ?? opportunity.campaignId;
    const body = Object.assign(new PlaceOrderDto(), {
      customerId: opportunity.customerId,
      currency: order.currency ?? opportunity.amount.currency,
      lines: order.lines,
      // The order is the deal's sale: it carries the deal's campaign unless told otherwise.
      ...(campaign ? { campaignId: campaign } : {}),
    });
    const refusal = orderDecider.decide(
      {
        type: 'PlaceOrder',
        orderId,
        customerId: body.customerId,
        currency: body.currency,
        lines: body.lines,
        campaignId: body.campaignId ?? null,
        opportunityId: opportunity.opportunityId,
        at: new Date(0).toISOString(),
      },
      orderDecider.initialState,
    );
    if (isDomainError(refusal)) throw new DomainErrorException(refusal);
    const place = async (won: CommandResponse): Promise<WinResponse> => {
      const placed = await this.commands.execute(
        new PlaceOrderCommand(body, context, opportunity.opportunityId),
      );
      if (placed.id !== orderId) {
        throw new Error(`order ${placed.id} placed for a win that recorded order ${orderId}`);
      }
      const position = placed.position > won.position ? placed.position : won.position;
      return { ...won, position, orderId };
    };
    return { orderId, place };
  }
}
