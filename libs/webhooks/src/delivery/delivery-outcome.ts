import type { RecordedEvent } from '@crm/eventsourcing';
import type { DeliveryDocument, EndpointStatsDocument } from '../store/webhook.documents';
import { deliveryId } from '../store/webhook.documents';
import type { WebhookSettings } from '../webhook-settings';
import { retryDelayMs } from './retry-backoff';
import type { SendOutcome } from './webhook-transport';

/** A newly taken-in event: pending, due at once. */
export const pendingDelivery = (
  endpointId: string,
  event: RecordedEvent,
  nowMs: number,
): DeliveryDocument => ({
  _id: deliveryId(endpointId, event.metadata.eventId),
  endpointId,
  eventId: event.metadata.eventId,
  type: event.type,
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: nowMs,
  lastAttemptAt: null,
  lastError: null,
  deadAt: null,
});

/** After an attempt: delivered (drop the record), retry later, or dead-lettered. */
export type Settled =
  { kind: 'delivered' } | { kind: 'retry' | 'dead'; delivery: DeliveryDocument };

export const settleAttempt = (
  delivery: DeliveryDocument,
  outcome: SendOutcome,
  nowMs: number,
  settings: Pick<WebhookSettings, 'maxAttempts' | 'backoffBaseMs' | 'backoffMaxMs'>,
  random: () => number,
): Settled => {
  if (outcome.ok) return { kind: 'delivered' };
  const attempts = delivery.attempts + 1;
  const at = new Date(nowMs).toISOString();
  const failed = { ...delivery, attempts, lastAttemptAt: at, lastError: outcome.error };
  if (attempts >= settings.maxAttempts) {
    return { kind: 'dead', delivery: { ...failed, status: 'dead', deadAt: at } };
  }
  return {
    kind: 'retry',
    delivery: { ...failed, nextAttemptAt: nowMs + retryDelayMs(attempts, settings, random) },
  };
};

/** The endpoint's counters after one settled attempt. */
export const countAttempt = (
  stats: EndpointStatsDocument,
  delivery: DeliveryDocument,
  outcome: SendOutcome,
  settled: Settled,
  nowMs: number,
): EndpointStatsDocument => {
  const at = new Date(nowMs).toISOString();
  if (outcome.ok) {
    return { ...stats, delivered: stats.delivered + 1, lastDeliveredAt: at, lastAttemptOk: true };
  }
  return {
    ...stats,
    failedAttempts: stats.failedAttempts + 1,
    deadLettered: stats.deadLettered + (settled.kind === 'dead' ? 1 : 0),
    lastAttemptOk: false,
    lastFailure: { at, eventId: delivery.eventId, error: outcome.error },
  };
};
