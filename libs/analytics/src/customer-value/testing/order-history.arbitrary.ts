import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { fold, isDomainError } from '@crm/eventsourcing';
import type { OrderCommand, OrderEvent, OrderLine } from '@crm/sales';
import { MAX_AMOUNT, orderDecider, orderStreamId } from '@crm/sales';

export const HISTORY_START = Date.parse('2025-01-01T00:00:00.000Z');
const DAY = 86_400_000;

/** What a test asks for; amounts are fractions of what is legal, so most steps are accepted. */
export type Step =
  | { kind: 'place'; customer: number; currency: string; lines: OrderLine[]; day: number }
  | { kind: 'pay' | 'refund'; order: number; percent: number }
  | { kind: 'confirm' | 'ship' | 'deliver' | 'cancel'; order: number };

// 10 and 20 minor units: 0.1 + 0.2 in a float world.
const unitPrice = fc.oneof(
  fc.constantFrom(0, 1, 10, 20, 99, 1999),
  fc.integer({ min: 0, max: 1_000_000 }),
);
const line = fc.record({
  sku: fc.constantFrom('A', 'B', 'C'),
  quantity: fc.integer({ min: 1, max: 20 }),
  unitPrice,
});

/**
 * Large but allowed lines: up to 4 of them at most MAX_AMOUNT / 4 each, so an order is near the
 * limit and a customer's value passes 2^53 after about 16 orders.
 */
const largeLine = fc.record({
  sku: fc.constantFrom('A', 'B', 'C'),
  quantity: fc.constant(1),
  unitPrice: fc.oneof(
    fc.constant(MAX_AMOUNT / 4),
    fc.integer({ min: MAX_AMOUNT / 8, max: MAX_AMOUNT / 4 }),
  ),
});

const placeStep = (lines: fc.Arbitrary<OrderLine>, customers: number) =>
  fc.record({
    kind: fc.constant('place' as const),
    customer: fc.nat(customers - 1),
    currency: fc.constantFrom('EUR', 'USD', 'JPY'),
    lines: fc.array(lines, { minLength: 1, maxLength: 4 }),
    day: fc.nat(400),
  });

const stepOf = (place: fc.Arbitrary<Step>): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 3, arbitrary: place },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constantFrom('pay' as const, 'refund' as const),
        order: fc.nat(7),
        percent: fc.integer({ min: 1, max: 100 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          'confirm' as const,
          'ship' as const,
          'deliver' as const,
          'cancel' as const,
        ),
        order: fc.nat(7),
      }),
    },
  );

export const orderSteps = (maxLength = 60): fc.Arbitrary<Step[]> =>
  fc.array(stepOf(placeStep(line, 6)), { minLength: 1, maxLength, size: 'max' });

/** Histories of orders near the money limit, among 2 customers and mostly one currency. */
export const largeOrderSteps = (maxLength = 120): fc.Arbitrary<Step[]> =>
  fc.array(
    stepOf(
      placeStep(largeLine, 2).map((s) => ({
        ...s,
        currency: s.customer === 0 ? 'EUR' : s.currency,
      })),
    ),
    { minLength: 1, maxLength, size: 'max' },
  );

export const customerIdOf = (index: number): string =>
  `00000000-0000-4000-8000-00000000000${index}`;
const orderIdOf = (index: number): string =>
  `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** A share of the room left (due for payments, refundable for refunds), at least 1 minor unit. */
const share = (room: number, percent: number): number =>
  Math.max(1, Math.floor((room * percent) / 100));

const toCommand = (
  s: Exclude<Step, { kind: 'place' }>,
  orderId: string,
  events: readonly OrderEvent[],
  at: string,
): OrderCommand | null => {
  const state = fold(orderDecider, events);
  if (state.status === 'none') return null;
  switch (s.kind) {
    case 'pay':
      return {
        type: 'RecordPayment',
        orderId,
        amount: { amount: share(state.total - state.paid, s.percent), currency: state.currency },
        at,
      };
    case 'refund':
      return {
        type: 'IssueRefund',
        orderId,
        amount: { amount: share(state.paid - state.refunded, s.percent), currency: state.currency },
        reason: null,
        at,
      };
    case 'confirm':
      return { type: 'ConfirmOrder', orderId, at };
    case 'ship':
      return { type: 'ShipOrder', orderId, at };
    case 'deliver':
      return { type: 'DeliverOrder', orderId, at };
    case 'cancel':
      return { type: 'CancelOrder', orderId, reason: 'customer_request', at };
  }
};

/**
 * Runs the steps through the real order decider and keeps the events of the accepted ones, so
 * the history is always legal: what a projection would see in the log, in order.
 */
export const runSteps = (steps: readonly Step[]): RecordedEvent[] => {
  const streams: OrderEvent[][] = [];
  const log: RecordedEvent[] = [];
  steps.forEach((s, index) => {
    const at = new Date(
      HISTORY_START + (s.kind === 'place' ? s.day * DAY : 500 * DAY) + index,
    ).toISOString();
    let orderIndex: number;
    let command: OrderCommand | null;
    if (s.kind === 'place') {
      orderIndex = streams.length;
      streams.push([]);
      command = {
        type: 'PlaceOrder',
        orderId: orderIdOf(orderIndex),
        customerId: customerIdOf(s.customer),
        currency: s.currency,
        lines: s.lines,
        campaignId: null,
        at,
      };
    } else {
      if (streams.length === 0) return;
      orderIndex = s.order % streams.length;
      command = toCommand(s, orderIdOf(orderIndex), streams[orderIndex] ?? [], at);
    }
    const stream = streams[orderIndex] ?? [];
    if (!command) return;
    const decision = orderDecider.decide(command, fold(orderDecider, stream));
    if (isDomainError(decision)) return;
    for (const event of decision) {
      stream.push(event);
      log.push(recorded(event, stream.length - 1, log.length + 1));
    }
  });
  return log;
};

const recorded = (event: OrderEvent, revision: number, position: number): RecordedEvent => ({
  streamId: orderStreamId(event.data.orderId),
  revision,
  position,
  type: event.type,
  data: event.data,
  metadata: {
    eventId: `e-${position}`,
    commandId: `c-${position}`,
    correlationId: `r-${position}`,
    causationId: `c-${position}`,
    actor: { id: 'test', role: 'service' },
    occurredAt: new Date(HISTORY_START).toISOString(),
    schemaVersion: 1,
    customerId: event.data.customerId,
  },
  recordedAt: new Date(HISTORY_START).toISOString(),
});
