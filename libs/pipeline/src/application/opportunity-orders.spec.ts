import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import { deriveAggregateId, fold } from '@crm/eventsourcing';
import type { CustomerDirectory } from '@crm/customers';
import { PlaceOrderCommand } from '@crm/sales';
import type { ExistingOpportunity, OpportunityEvent } from '../domain/opportunity';
import { opportunityDecider } from '../domain/opportunity.decider';
import { OpportunityOrders } from './opportunity-orders';
import type { OrderToPlace } from './pipeline.requests';

const context: CommandContext = {
  actor: { id: 'svc', role: 'service' },
  correlationId: 'corr-1',
  idempotencyKey: 'win-1',
};

/** The deal as the win handler reads it: folded from its OpportunityOpened. */
const dealOpenedWith = (campaignId: string | null): ExistingOpportunity => {
  const opened: OpportunityEvent = {
    type: 'OpportunityOpened',
    data: {
      opportunityId: 'op-1',
      customerId: 'cu-1',
      at: '2026-03-01T09:00:00.000Z',
      title: 'Fleet renewal',
      amount: { amount: 11_000, currency: 'EUR' },
      expectedCloseDate: '2026-06-30',
      ownerId: 'rep-1',
      source: 'email',
      campaignId,
      pipelineId: 'pl-1',
      pipelineVersion: 1,
      stageId: 'qualify',
      probability: 10,
    },
  };
  const state = fold(opportunityDecider, [opened]);
  if (state.status === 'none') throw new Error('the deal did not open');
  return state;
};

const order = (overrides: Partial<OrderToPlace> = {}): OrderToPlace => ({
  lines: [{ sku: 'FLEET', quantity: 1, unitPrice: 12_000 }],
  ...overrides,
});

describe('the order a win places', () => {
  let sent: PlaceOrderCommand[];
  let sut: OpportunityOrders;

  /** Prepares the win's order and places it, as the handler does once the win is recorded. */
  const placeFor = async (deal: ExistingOpportunity, toPlace: OrderToPlace) => {
    const placing = await sut.prepare(deal, toPlace, context);
    await placing.place({ id: deal.opportunityId, streamRevision: 1, position: 10 });
    expect(sent).toHaveLength(1);
    return sent[0]!;
  };

  beforeEach(() => {
    sent = [];
    const commands = {
      execute: async (command: PlaceOrderCommand) => {
        sent.push(command);
        // The id PlaceOrderHandler derives from the request's Idempotency-Key.
        return { id: deriveAggregateId(command.context, 'order'), streamRevision: 0, position: 11 };
      },
    };
    const customers = { requireActive: async () => undefined };
    sut = new OpportunityOrders(
      commands as unknown as CommandBus,
      customers as unknown as CustomerDirectory,
    );
  });

  it('carries the deal’s campaign when the win names none', async () => {
    const placed = await placeFor(dealOpenedWith('cmp-spring'), order());
    expect(placed).toBeInstanceOf(PlaceOrderCommand);
    expect(placed.body).toMatchObject({ customerId: 'cu-1', currency: 'EUR' });
    expect(placed.body.campaignId).toBe('cmp-spring');
    expect(placed.opportunityId).toBe('op-1');
  });

  it('carries the campaign the win names instead of the deal’s', async () => {
    const placed = await placeFor(dealOpenedWith('cmp-spring'), order({ campaignId: 'cmp-flash' }));
    expect(placed.body.campaignId).toBe('cmp-flash');
  });

  it('carries the win’s campaign for a deal opened without one', async () => {
    const placed = await placeFor(dealOpenedWith(null), order({ campaignId: 'cmp-flash' }));
    expect(placed.body.campaignId).toBe('cmp-flash');
  });

  it('names no campaign when neither the deal nor the win has one (attribution by last touch)', async () => {
    const placed = await placeFor(dealOpenedWith(null), order());
    expect(placed.body.campaignId).toBeUndefined();
  });
});
