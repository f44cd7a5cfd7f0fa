import type { DomainEvent } from '@crm/eventsourcing';

export const orderStreamId = (orderId: string): string => `order-${orderId}`;

/**
 * Why an order was cancelled or a refund issued, as codes rather than free text: no personal
 * data lands in sales events, so there is nothing to encrypt or erase when a customer is
 * forgotten, and analysts can group by reason.
 */
export const CANCEL_REASONS = [
  'customer_request',
  'out_of_stock',
  'payment_failed',
  'fraud_suspected',
  'duplicate',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const REFUND_REASONS = [
  'returned',
  'damaged',
  'not_delivered',
  'order_cancelled',
  'price_adjustment',
  'goodwill',
  'other',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** A line as placed: `unitPrice` in minor units of the order's currency. */
export type OrderLine = { sku: string; quantity: number; unitPrice: number };

export type OrderPlaced = DomainEvent<
  'OrderPlaced',
  {
    orderId: string;
    customerId: string;
    currency: string;
    lines: OrderLine[];
    /** Σ quantity × unitPrice, computed by the decider, in minor units. */
    total: number;
    campaignId: string | null;
    /** The opportunity whose win placed the order; absent when none did. */
    opportunityId?: string;
    placedAt: string;
  }
>;
export type OrderConfirmed = DomainEvent<
  'OrderConfirmed',
  { orderId: string; customerId: string; confirmedAt: string }
>;
export type PaymentRecorded = DomainEvent<
  'PaymentRecorded',
  { orderId: string; customerId: string; amount: number; currency: string; paidAt: string }
>;
export type OrderShipped = DomainEvent<
  'OrderShipped',
  { orderId: string; customerId: string; shippedAt: string }
>;
export type OrderDelivered = DomainEvent<
  'OrderDelivered',
  { orderId: string; customerId: string; deliveredAt: string }
>;
export type OrderCancelled = DomainEvent<
  'OrderCancelled',
  { orderId: string; customerId: string; reason: CancelReason; cancelledAt: string }
>;
export type RefundIssued = DomainEvent<
  'RefundIssued',
  {
    orderId: string;
    customerId: string;
    amount: number;
    currency: string;
    reason: RefundReason | null;
    refundedAt: string;
  }
>;

/** The published contract of the sales context: what other contexts' read models may fold. */
export type OrderEvent =
  | OrderPlaced
  | OrderConfirmed
  | PaymentRecorded
  | OrderShipped
  | OrderDelivered
  | OrderCancelled
  | RefundIssued;

export const ORDER_EVENT_TYPES: readonly OrderEvent['type'][] = [
  'OrderPlaced',
  'OrderConfirmed',
  'PaymentRecorded',
  'OrderShipped',
  'OrderDelivered',
  'OrderCancelled',
  'RefundIssued',
];

/** What every placed order knows; amounts in minor units of `currency`. */
type OrderFacts = {
  orderId: string;
  customerId: string;
  currency: string;
  total: number;
  paid: number;
  refunded: number;
};

export type OrderStatus = 'placed' | 'confirmed' | 'shipped' | 'delivered' | 'cancelled';

export type OrderState =
  | { status: 'none' }
  | (OrderFacts & { status: 'placed' })
  | (OrderFacts & { status: 'confirmed' })
  | (OrderFacts & { status: 'shipped' })
  | (OrderFacts & { status: 'delivered' })
  | (OrderFacts & { status: 'cancelled'; reason: CancelReason });

export type PlacedOrderState = Exclude<OrderState, { status: 'none' }>;

export const initialOrderState: OrderState = { status: 'none' };

export const evolveOrder = (state: OrderState, event: OrderEvent): OrderState => {
  if (event.type === 'OrderPlaced') {
    const { orderId, customerId, currency, total } = event.data;
    return { status: 'placed', orderId, customerId, currency, total, paid: 0, refunded: 0 };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed' };
    case 'PaymentRecorded':
      return { ...state, paid: state.paid + event.data.amount };
    case 'OrderShipped':
      return { ...state, status: 'shipped' };
    case 'OrderDelivered':
      return { ...state, status: 'delivered' };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled', reason: event.data.reason };
    case 'RefundIssued':
      return { ...state, refunded: state.refunded + event.data.amount };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
