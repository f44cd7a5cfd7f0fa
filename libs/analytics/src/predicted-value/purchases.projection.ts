import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { CustomerMerged, CustomerUnmerged } from '@crm/customers';
import type { OrderCancelled, OrderPlaced, RefundIssued } from '@crm/sales';
import type {
  CustomerPurchasesDocument,
  PurchaseMergeDocument,
  PurchaseOrder,
} from './purchases.document';
import { PURCHASE_MERGES, PURCHASES, PURCHASES_PROJECTION, utcDayOf } from './purchases.document';

type OrderEvent = OrderPlaced | OrderCancelled | RefundIssued;
type MergeEvent = CustomerMerged | CustomerUnmerged;

const ORDER_EVENT_TYPES: readonly OrderEvent['type'][] = [
  'OrderPlaced',
  'OrderCancelled',
  'RefundIssued',
];
const MERGE_EVENT_TYPES: readonly MergeEvent['type'][] = ['CustomerMerged', 'CustomerUnmerged'];

/** The customer's orders after one order event; the first cancellation is the one that counts. */
const nextOrders = (orders: readonly PurchaseOrder[], event: OrderEvent): PurchaseOrder[] => {
  const { orderId } = event.data;
  switch (event.type) {
    case 'OrderPlaced': {
      const { currency, total, placedAt } = event.data;
      const order: PurchaseOrder = {
        id: orderId,
        currency,
        day: utcDayOf(placedAt),
        total,
        cancelledDay: null,
        refunds: [],
      };
      return [...orders.filter((o) => o.id !== orderId), order];
    }
    case 'OrderCancelled': {
      const day = utcDayOf(event.data.cancelledAt);
      return orders.map((o) =>
        o.id === orderId && o.cancelledDay === null ? { ...o, cancelledDay: day } : o,
      );
    }
    case 'RefundIssued': {
      const refund: [number, number] = [utcDayOf(event.data.refundedAt), event.data.amount];
      return orders.map((o) => (o.id === orderId ? { ...o, refunds: [...o.refunds, refund] } : o));
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

const applyOrderEvent = async (recorded: RecordedEvent, context: ProjectionContext) => {
  const event = recorded as unknown as OrderEvent;
  const { customerId, orderId } = event.data;
  if (typeof customerId !== 'string' || typeof orderId !== 'string') return;
  const document = await context.get<CustomerPurchasesDocument>(PURCHASES, customerId);
  if (document?._position !== undefined && document._position >= recorded.position) return;
  if (!document && event.type !== 'OrderPlaced') return;
  context.put(PURCHASES, {
    _id: customerId,
    customerId,
    orders: nextOrders(document?.orders ?? [], event),
    _position: recorded.position,
  } satisfies CustomerPurchasesDocument);
};

const applyMergeEvent = async (recorded: RecordedEvent, context: ProjectionContext) => {
  const { customerId, survivorId } = (recorded as unknown as MergeEvent).data;
  if (typeof customerId !== 'string' || typeof survivorId !== 'string') return;
  const link = await context.get<PurchaseMergeDocument>(PURCHASE_MERGES, customerId);
  if (link?._position !== undefined && link._position >= recorded.position) return;
  if (recorded.type === 'CustomerMerged')
    context.put(PURCHASE_MERGES, {
      _id: customerId,
      customerId,
      survivorId,
      _position: recorded.position,
    } satisfies PurchaseMergeDocument);
  else context.delete(PURCHASE_MERGES, customerId);
};

/**
 * The purchases read model of predicted value (issue 21): per customer, every order with its
 * UTC day, total, cancellation day and refunds, so x, tₓ, T and the spend per purchase can be
 * told as of any day (see purchase-history.ts); and who is merged into whom (merges change
 * identity, not facts: ADR 0006). One document per customer; it grows with the customer's
 * orders, a few dozen bytes each.
 */
export const purchasesProjection: Projection = {
  name: PURCHASES_PROJECTION,
  collections: [{ name: PURCHASES }, { name: PURCHASE_MERGES }],
  handles: [...ORDER_EVENT_TYPES, ...MERGE_EVENT_TYPES],
  async apply(event, context) {
    if ((MERGE_EVENT_TYPES as readonly string[]).includes(event.type))
      await applyMergeEvent(event, context);
    else if ((ORDER_EVENT_TYPES as readonly string[]).includes(event.type))
      await applyOrderEvent(event, context);
  },
};
