import type { RecordedEvent } from '@crm/eventsourcing';
import type { OrderEvent } from '../domain/order';
import { orderStreamId } from '../domain/order';

let position = 0;

/** An order event as a projection receives it: at the next global position. */
export const recordedOrderEvent = (event: OrderEvent, revision = 0): RecordedEvent => {
  position += 1;
  return {
    streamId: orderStreamId(event.data.orderId),
    revision,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `event-${position}`,
      commandId: `command-${position}`,
      correlationId: `correlation-${position}`,
      causationId: `command-${position}`,
      actor: { id: 'test', role: 'service' },
      occurredAt: '2025-03-01T10:00:00.000Z',
      schemaVersion: 1,
      customerId: event.data.customerId,
    },
    recordedAt: '2025-03-01T10:00:00.000Z',
  };
};
