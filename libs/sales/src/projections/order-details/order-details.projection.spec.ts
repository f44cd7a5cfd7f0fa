import type { OrderEvent } from '../../domain/order';
import { recordedOrderEvent } from '../../testing/order-events.factory';
import type { OrderDetailsDocument } from './order-details.document';
import { evolveOrderDetails } from './order-details.projection';

const orderId = 'o-1';
const customerId = 'c-1';
const usd = (amount: number) => ({ amount, currency: 'USD' });

const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: {
    orderId,
    customerId,
    currency: 'USD',
    lines: [
      { sku: 'A', quantity: 3, unitPrice: 10 },
      { sku: 'B', quantity: 1, unitPrice: 20 },
    ],
    total: 50,
    campaignId: 'spring',
    placedAt: '2025-03-01T10:00:00.000Z',
  },
};

const fold = (events: OrderEvent[]): OrderDetailsDocument | null =>
  events.reduce<OrderDetailsDocument | null>(
    (document, event) => evolveOrderDetails(document, recordedOrderEvent(event)),
    null,
  );

describe('order details read model', () => {
  it('shows a placed order with money as { amount, currency } and line totals', () => {
    expect(fold([placed])).toMatchObject({
      _id: orderId,
      status: 'placed',
      lines: [
        { sku: 'A', quantity: 3, unitPrice: usd(10), lineTotal: usd(30) },
        { sku: 'B', quantity: 1, unitPrice: usd(20), lineTotal: usd(20) },
      ],
      total: usd(50),
      paid: usd(0),
      balance: usd(50),
      campaignId: 'spring',
    });
  });

  it('follows payments, shipment, delivery and refunds', () => {
    const document = fold([
      placed,
      {
        type: 'OrderConfirmed',
        data: { orderId, customerId, confirmedAt: '2025-03-02T00:00:00.000Z' },
      },
      {
        type: 'PaymentRecorded',
        data: {
          orderId,
          customerId,
          amount: 20,
          currency: 'USD',
          paidAt: '2025-03-02T01:00:00.000Z',
        },
      },
      {
        type: 'PaymentRecorded',
        data: {
          orderId,
          customerId,
          amount: 30,
          currency: 'USD',
          paidAt: '2025-03-02T02:00:00.000Z',
        },
      },
      {
        type: 'OrderShipped',
        data: { orderId, customerId, shippedAt: '2025-03-03T00:00:00.000Z' },
      },
      {
        type: 'OrderDelivered',
        data: { orderId, customerId, deliveredAt: '2025-03-04T00:00:00.000Z' },
      },
      {
        type: 'RefundIssued',
        data: {
          orderId,
          customerId,
          amount: 5,
          currency: 'USD',
          reason: 'damaged',
          refundedAt: '2025-03-05T00:00:00.000Z',
        },
      },
    ]);
    expect(document).toMatchObject({
      status: 'delivered',
      paid: usd(50),
      balance: usd(0),
      refunded: usd(5),
      payments: [
        { amount: usd(20), paidAt: '2025-03-02T01:00:00.000Z' },
        { amount: usd(30), paidAt: '2025-03-02T02:00:00.000Z' },
      ],
      refunds: [{ amount: usd(5), reason: 'damaged', refundedAt: '2025-03-05T00:00:00.000Z' }],
      confirmedAt: '2025-03-02T00:00:00.000Z',
      shippedAt: '2025-03-03T00:00:00.000Z',
      deliveredAt: '2025-03-04T00:00:00.000Z',
      updatedAt: '2025-03-05T00:00:00.000Z',
    });
  });

  it('records why an order was cancelled', () => {
    const document = fold([
      placed,
      {
        type: 'OrderCancelled',
        data: {
          orderId,
          customerId,
          reason: 'out_of_stock',
          cancelledAt: '2025-03-02T00:00:00.000Z',
        },
      },
    ]);
    expect(document).toMatchObject({
      status: 'cancelled',
      cancelReason: 'out_of_stock',
      cancelledAt: '2025-03-02T00:00:00.000Z',
    });
  });

  it('ignores events of an order it never saw placed', () =>
    expect(
      fold([
        {
          type: 'OrderShipped',
          data: { orderId, customerId, shippedAt: '2025-03-03T00:00:00.000Z' },
        },
      ]),
    ).toBeNull());
});
