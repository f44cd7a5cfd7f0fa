import type { RecordedEvent } from '@crm/eventsourcing';
import { documentProjection } from '@crm/eventsourcing';
import { add, money, multiply, subtract } from '../../domain/money';
import type { OrderEvent } from '../../domain/order';
import { ORDER_EVENT_TYPES } from '../../domain/order';
import type { OrderDetailsDocument } from './order-details.document';
import { ORDER_DETAILS, ORDER_DETAILS_PROJECTION } from './order-details.document';

const placedDocument = (
  event: Extract<OrderEvent, { type: 'OrderPlaced' }>,
): OrderDetailsDocument => {
  const { orderId, customerId, currency, lines, total, campaignId, placedAt } = event.data;
  const none = money(0, currency);
  return {
    _id: orderId,
    orderId,
    customerId,
    status: 'placed',
    currency,
    lines: lines.map(({ sku, quantity, unitPrice }) => ({
      sku,
      quantity,
      unitPrice: money(unitPrice, currency),
      lineTotal: multiply(money(unitPrice, currency), quantity),
    })),
    total: money(total, currency),
    paid: none,
    refunded: none,
    balance: money(total, currency),
    campaignId,
    opportunityId: event.data.opportunityId ?? null,
    cancelReason: null,
    payments: [],
    refunds: [],
    placedAt,
    confirmedAt: null,
    shippedAt: null,
    deliveredAt: null,
    cancelledAt: null,
    updatedAt: placedAt,
  };
};

/** Pure fold of one order event into the order's document. */
export const evolveOrderDetails = (
  document: OrderDetailsDocument | null,
  recorded: RecordedEvent,
): OrderDetailsDocument | null => {
  const event = recorded as unknown as OrderEvent;
  if (event.type === 'OrderPlaced') return placedDocument(event);
  if (!document) return null;
  switch (event.type) {
    case 'OrderConfirmed':
      return {
        ...document,
        status: 'confirmed',
        confirmedAt: event.data.confirmedAt,
        updatedAt: event.data.confirmedAt,
      };
    case 'PaymentRecorded': {
      const amount = money(event.data.amount, event.data.currency);
      const paid = add(document.paid, amount);
      return {
        ...document,
        paid,
        balance: subtract(document.total, paid),
        payments: [...document.payments, { amount, paidAt: event.data.paidAt }],
        updatedAt: event.data.paidAt,
      };
    }
    case 'OrderShipped':
      return {
        ...document,
        status: 'shipped',
        shippedAt: event.data.shippedAt,
        updatedAt: event.data.shippedAt,
      };
    case 'OrderDelivered':
      return {
        ...document,
        status: 'delivered',
        deliveredAt: event.data.deliveredAt,
        updatedAt: event.data.deliveredAt,
      };
    case 'OrderCancelled':
      return {
        ...document,
        status: 'cancelled',
        cancelReason: event.data.reason,
        cancelledAt: event.data.cancelledAt,
        updatedAt: event.data.cancelledAt,
      };
    case 'RefundIssued': {
      const amount = money(event.data.amount, event.data.currency);
      return {
        ...document,
        refunded: add(document.refunded, amount),
        refunds: [
          ...document.refunds,
          { amount, reason: event.data.reason, refundedAt: event.data.refundedAt },
        ],
        updatedAt: event.data.refundedAt,
      };
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

export const orderDetailsProjection = documentProjection<OrderDetailsDocument>({
  name: ORDER_DETAILS_PROJECTION,
  collection: {
    name: ORDER_DETAILS,
    indexes: [{ field: 'customerId' }, { field: 'status' }, { field: 'placedAt' }],
  },
  handles: ORDER_EVENT_TYPES,
  documentId: (event) => (typeof event.data.orderId === 'string' ? event.data.orderId : null),
  evolve: evolveOrderDetails,
});
