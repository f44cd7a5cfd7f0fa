import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { interleaveMerges, mergeSteps } from '../../customer-value/testing/merge-history';
import { orderSteps, runSteps } from '../../customer-value/testing/order-history.arbitrary';

const DAY = 86_400_000;

/**
 * Cancellations and refunds happen some days after the order was placed (0 to 59, from the
 * position), not all after every placement as the order arbitrary has them, so an order can be
 * cancelled or refunded on either side of a day it is looked at from.
 */
const spreadOut = (events: readonly RecordedEvent[]): RecordedEvent[] => {
  const placedAt = new Map<string, number>();
  return events.map((event) => {
    const orderId = event.data['orderId'];
    if (typeof orderId !== 'string') return event;
    if (event.type === 'OrderPlaced') {
      placedAt.set(orderId, Date.parse(String(event.data['placedAt'])));
      return event;
    }
    const at = new Date((placedAt.get(orderId) ?? 0) + ((event.position * 7919) % 60) * DAY + 1000);
    if (event.type === 'OrderCancelled')
      return { ...event, data: { ...event.data, cancelledAt: at.toISOString() } };
    if (event.type === 'RefundIssued')
      return { ...event, data: { ...event.data, refundedAt: at.toISOString() } };
    return event;
  });
};

/** Legal order histories of a few customers, with merges and unmerges among them. */
export const purchaseLogs = (maxLength = 60): fc.Arbitrary<RecordedEvent[]> =>
  fc
    .tuple(orderSteps(maxLength), mergeSteps())
    .map(([steps, merges]) => interleaveMerges(spreadOut(runSteps(steps)), merges).log);

/** Days to look from: from before the first order to after the last cancellation. */
export const asOfDays = (): fc.Arbitrary<string[]> =>
  fc.array(
    fc
      .integer({ min: -5, max: 470 })
      .map((d) =>
        new Date(Date.parse('2025-01-01T00:00:00Z') + d * DAY).toISOString().slice(0, 10),
      ),
    { minLength: 1, maxLength: 4 },
  );
