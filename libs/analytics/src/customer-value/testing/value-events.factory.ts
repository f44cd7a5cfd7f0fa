import type { RecordedEvent } from '@crm/eventsourcing';
import type { OrderEvent } from '@crm/sales';

let position = 0;

/** An order event as a projection receives it, at the next global position. */
export const recordedEvent = (event: OrderEvent): RecordedEvent => {
  position += 1;
  return {
    streamId: `order-${event.data.orderId}`,
    revision: 0,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `e-${position}`,
      commandId: `c-${position}`,
      correlationId: `r-${position}`,
      causationId: `c-${position}`,
      actor: { id: 'test', role: 'service' },
      occurredAt: '2025-01-01T00:00:00.000Z',
      schemaVersion: 1,
      customerId: event.data.customerId,
    },
    recordedAt: '2025-01-01T00:00:00.000Z',
  };
};

export const orderPlaced = (
  orderId: string,
  customerId: string,
  total: number,
  placedAt: string,
  currency = 'EUR',
): OrderEvent => ({
  type: 'OrderPlaced',
  data: {
    orderId,
    customerId,
    currency,
    lines: [{ sku: 'A', quantity: 1, unitPrice: total }],
    total,
    campaignId: null,
    placedAt,
  },
});

export const orderCancelled = (orderId: string, customerId: string): OrderEvent => ({
  type: 'OrderCancelled',
  data: {
    orderId,
    customerId,
    reason: 'customer_request',
    cancelledAt: '2025-06-01T00:00:00.000Z',
  },
});

export const refundIssued = (
  orderId: string,
  customerId: string,
  amount: number,
  currency = 'EUR',
): OrderEvent => ({
  type: 'RefundIssued',
  data: {
    orderId,
    customerId,
    amount,
    currency,
    reason: null,
    refundedAt: '2025-06-01T00:00:00.000Z',
  },
});

export const paymentRecorded = (
  orderId: string,
  customerId: string,
  amount: number,
  currency = 'EUR',
): OrderEvent => ({
  type: 'PaymentRecorded',
  data: { orderId, customerId, amount, currency, paidAt: '2025-06-01T00:00:00.000Z' },
});
