import type { OrderDetailsDocument } from '../projections/order-details/order-details.document';

export type OrderView = Omit<OrderDetailsDocument, '_id' | '_position' | 'opportunityId'> & {
  opportunityId: string | null;
};

export const toOrderView = (document: OrderDetailsDocument): OrderView => {
  const { _id, _position, ...view } = document;
  return { ...view, opportunityId: view.opportunityId ?? null };
};
