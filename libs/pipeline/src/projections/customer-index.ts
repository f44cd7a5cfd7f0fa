import type { ProjectionContext, RecordedEvent } from '@crm/eventsourcing';

export const CUSTOMER_FORGOTTEN = 'CustomerForgotten';

/** Per customer, the documents a projection wrote about them, and whether they were forgotten. */
export type CustomerIndexDocument = {
  _id: string;
  customerId: string;
  ids: string[];
  forgotten: boolean;
  _position?: number;
};

const alreadyApplied = (document: { _position?: number } | null, event: RecordedEvent): boolean =>
  document?._position !== undefined && document._position >= event.position;

const empty = (customerId: string): CustomerIndexDocument => ({
  _id: customerId,
  customerId,
  ids: [],
  forgotten: false,
});

/**
 * Forgetting a customer must erase their words from every document about them, and a
 * projection can only read by id: so each projection keeps this index in a collection of its own.
 */
export const customerIndex = (collection: string) => ({
  collection: { name: collection },

  /** Records that `id` is about the customer; true when the customer was already forgotten. */
  async track(context: ProjectionContext, customerId: string, id: string): Promise<boolean> {
    const index =
      (await context.get<CustomerIndexDocument>(collection, customerId)) ?? empty(customerId);
    if (!index.ids.includes(id)) context.put(collection, { ...index, ids: [...index.ids, id] });
    return index.forgotten;
  },

  /** Marks the customer forgotten; the ids of their documents to erase (none if already done). */
  async forget(context: ProjectionContext, event: RecordedEvent): Promise<string[]> {
    const customerId = event.data.customerId;
    if (typeof customerId !== 'string') return [];
    const index =
      (await context.get<CustomerIndexDocument>(collection, customerId)) ?? empty(customerId);
    if (alreadyApplied(index, event)) return [];
    context.put(collection, { ...index, forgotten: true, _position: event.position });
    return index.ids;
  },
});
