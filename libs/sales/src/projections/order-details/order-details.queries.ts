import type { DocumentStore, Filter, Page } from '@crm/documents';
import type { OrderStatus } from '../../domain/order';
import type { OrderDetailsDocument } from './order-details.document';
import { ORDER_DETAILS } from './order-details.document';

export type OrderSearch = {
  /** A customer and those merged into it. */
  customerId?: readonly string[];
  status?: OrderStatus;
  limit: number;
  cursor?: string;
};

export const getOrderDetails = (documents: DocumentStore, orderId: string) =>
  documents.get<OrderDetailsDocument>(ORDER_DETAILS, orderId);

/** Newest orders first, optionally of one customer and in one status. */
export const searchOrders = (
  documents: DocumentStore,
  search: OrderSearch,
): Promise<Page<OrderDetailsDocument>> => {
  const filter: Filter = {};
  if (search.customerId) filter.customerId = { $in: search.customerId };
  if (search.status) filter.status = search.status;
  return documents.find<OrderDetailsDocument>(ORDER_DETAILS, filter, {
    sort: { placedAt: -1 },
    limit: search.limit,
    cursor: search.cursor,
  });
};
