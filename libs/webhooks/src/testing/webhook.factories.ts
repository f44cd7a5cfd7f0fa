import { v4 as uuidv4 } from 'uuid';
import type { RecordedEvent } from '@crm/eventsourcing';
import type { DeliveryDocument } from '../store/webhook.documents';

export const aRecordedEvent = (overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  streamId: 'customer-1',
  revision: 0,
  position: 1,
  type: 'CustomerCreated',
  data: { name: 'Ada' },
  recordedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
  metadata: {
    eventId: uuidv4(),
    commandId: uuidv4(),
    correlationId: uuidv4(),
    causationId: uuidv4(),
    actor: { id: 'key-1', role: 'service' },
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    ...overrides.metadata,
  },
});

export const aDelivery = (overrides: Partial<DeliveryDocument> = {}): DeliveryDocument => {
  const eventId = overrides.eventId ?? uuidv4();
  return {
    _id: `endpoint-1:${eventId}`,
    endpointId: 'endpoint-1',
    eventId,
    type: 'CustomerCreated',
    streamId: 'customer-1',
    revision: 0,
    position: 1,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    lastAttemptAt: null,
    lastError: null,
    deadAt: null,
    ...overrides,
  };
};
