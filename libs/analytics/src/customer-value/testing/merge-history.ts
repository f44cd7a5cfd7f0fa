import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { customerIdOf } from './order-history.arbitrary';

/** A merge or unmerge asked for at a point of an order history (illegal ones are dropped). */
export type MergeStep = {
  kind: 'merge' | 'unmerge';
  at: number;
  customer: number;
  survivor: number;
};

export const mergeSteps = (maxLength = 8): fc.Arbitrary<MergeStep[]> =>
  fc.array(
    fc.record({
      kind: fc.constantFrom('merge' as const, 'unmerge' as const),
      at: fc.nat(200),
      customer: fc.nat(5),
      survivor: fc.nat(5),
    }),
    { maxLength },
  );

const customerEvent = (
  type: 'CustomerMerged' | 'CustomerUnmerged',
  customerId: string,
  survivorId: string,
): RecordedEvent => ({
  streamId: `customer-${customerId}`,
  revision: 0,
  position: 0,
  type,
  data: { customerId, survivorId },
  metadata: {
    eventId: `${type}-${customerId}`,
    commandId: 'c',
    correlationId: 'r',
    causationId: 'c',
    actor: { id: 'test', role: 'service' },
    occurredAt: '2025-01-01T00:00:00.000Z',
    schemaVersion: 1,
    customerId,
  },
  recordedAt: '2025-01-01T00:00:00.000Z',
});

const renumber = (events: readonly RecordedEvent[], from = 0): RecordedEvent[] =>
  events.map((event, index) => ({ ...event, position: from + index + 1 }));

/**
 * Inserts the legal merges into the order log, as the customers context allows them: a
 * customer merges into another active one, not into itself, and not while it has absorbed
 * others; only a merged customer unmerges. Returns the log and who is merged into whom at its end.
 */
export const interleaveMerges = (
  orders: readonly RecordedEvent[],
  steps: readonly MergeStep[],
): { log: RecordedEvent[]; survivorOf: Map<string, string> } => {
  const survivorOf = new Map<string, string>();
  const at = new Map<number, MergeStep[]>();
  for (const step of steps) {
    const index = step.at % (orders.length + 1);
    at.set(index, [...(at.get(index) ?? []), step]);
  }
  const log: RecordedEvent[] = [];
  for (let index = 0; index <= orders.length; index += 1) {
    for (const step of at.get(index) ?? []) {
      const customerId = customerIdOf(step.customer);
      const survivorId = customerIdOf(step.survivor);
      const absorbed = [...survivorOf.values()].includes(customerId);
      if (step.kind === 'merge') {
        if (customerId === survivorId || survivorOf.has(customerId) || absorbed) continue;
        if (survivorOf.has(survivorId)) continue;
        survivorOf.set(customerId, survivorId);
        log.push(customerEvent('CustomerMerged', customerId, survivorId));
      } else {
        const current = survivorOf.get(customerId);
        if (current === undefined) continue;
        survivorOf.delete(customerId);
        log.push(customerEvent('CustomerUnmerged', customerId, current));
      }
    }
    const order = orders[index];
    if (order) log.push(order);
  }
  return { log: renumber(log), survivorOf };
};

/** Unmerge events for every customer still merged, placed after `position`. */
export const unmergeAll = (survivorOf: ReadonlyMap<string, string>, position: number) =>
  renumber(
    [...survivorOf.entries()].map(([customerId, survivorId]) =>
      customerEvent('CustomerUnmerged', customerId, survivorId),
    ),
    position,
  );
