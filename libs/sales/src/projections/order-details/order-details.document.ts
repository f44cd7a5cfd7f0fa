import type { Money } from '../../domain/money';
import type { CancelReason, OrderStatus, RefundReason } from '../../domain/order';

export type OrderLineView = { sku: string; quantity: number; unitPrice: Money; lineTotal: Money };

/** One order as GET /orders/:id shows it; every amount is `{ amount, currency }` in minor units. */
export type OrderDetailsDocument = {
  _id: string;
  orderId: string;
  customerId: string;
  status: OrderStatus;
  currency: string;
  lines: OrderLineView[];
  total: Money;
  paid: Money;
  refunded: Money;
  /** What is still due: total − paid. */
  balance: Money;
  campaignId: string | null;
  /** The opportunity whose win placed the order; documents built before it was kept lack it. */
  opportunityId?: string | null;
  cancelReason: CancelReason | null;
  payments: { amount: Money; paidAt: string }[];
  refunds: { amount: Money; reason: RefundReason | null; refundedAt: string }[];
  placedAt: string;
  confirmedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  updatedAt: string;
  _position?: number;
};

export const ORDER_DETAILS = 'orders';
export const ORDER_DETAILS_PROJECTION = 'order-details';
