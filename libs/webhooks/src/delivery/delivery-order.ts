import { byPosition } from '@crm/eventsourcing';
import type { DeliveryDocument } from '../store/webhook.documents';

type Pending = Pick<DeliveryDocument, 'streamId' | 'position' | 'nextAttemptAt' | 'status'>;

/**
 * The deliveries that may be attempted now: per stream only the oldest pending one (an event
 * goes out only once the earlier events of its stream were delivered or dead-lettered), and
 * only if its retry is due; oldest first, at most `limit` (one request per stream at a time).
 */
export const dueHeads = <D extends Pending>(
  pending: readonly D[],
  nowMs: number,
  limit: number,
): D[] => {
  const heads = new Map<string, D>();
  for (const delivery of pending) {
    if (delivery.status !== 'pending') continue;
    const head = heads.get(delivery.streamId);
    if (!head || delivery.position < head.position) heads.set(delivery.streamId, delivery);
  }
  return [...heads.values()]
    .filter((head) => head.nextAttemptAt <= nowMs)
    .sort(byPosition)
    .slice(0, limit);
};
