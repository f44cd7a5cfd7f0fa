import type { DocumentStore } from '@crm/documents';
import { findEvery } from '@crm/documents';
import type {
  CustomerPurchasesDocument,
  PurchaseMergeDocument,
  PurchaseOrder,
} from './purchases.document';
import { PURCHASE_MERGES, PURCHASES, PURCHASES_PROJECTION } from './purchases.document';

/** A customer and the orders that count as theirs: their own and those of customers merged in. */
export type PurchaseGroup = { customerId: string; orders: readonly PurchaseOrder[] };

export type PurchaseSnapshot = {
  /** The read model's checkpoint read before the documents: they include at least this much. */
  checkpoint: number | null;
  groups: PurchaseGroup[];
};

/**
 * Every customer's orders, a merged customer's under its survivor (merges may not chain: ADR
 * 0006). Merges change identity, not facts, so they count for every day, before the merge too.
 */
export const loadPurchaseGroups = async (documents: DocumentStore): Promise<PurchaseSnapshot> => {
  const checkpoint = await documents.getCheckpoint(PURCHASES_PROJECTION);
  const [customers, merges] = await Promise.all([
    findEvery<CustomerPurchasesDocument>(documents, PURCHASES),
    findEvery<PurchaseMergeDocument>(documents, PURCHASE_MERGES),
  ]);
  return { checkpoint, groups: groupPurchases(customers, merges) };
};

/** Each customer's orders under its survivor, if merged. */
export const groupPurchases = (
  customers: readonly Pick<CustomerPurchasesDocument, 'customerId' | 'orders'>[],
  merges: readonly Pick<PurchaseMergeDocument, 'customerId' | 'survivorId'>[],
): PurchaseGroup[] => {
  const survivorOf = new Map(merges.map((m) => [m.customerId, m.survivorId]));
  const groups = new Map<string, PurchaseOrder[]>();
  for (const { customerId, orders } of customers) {
    const owner = survivorOf.get(customerId) ?? customerId;
    const group = groups.get(owner);
    if (group) group.push(...orders);
    else groups.set(owner, [...orders]);
  }
  return [...groups.entries()].map(([customerId, orders]) => ({ customerId, orders }));
};

/** Each group's orders (a group is a profile's id and the customers merged into it). */
export const purchaseGroupsOf = async (
  documents: DocumentStore,
  groups: ReadonlyMap<string, readonly string[]>,
): Promise<PurchaseGroup[]> => {
  const ids = [...new Set([...groups.values()].flat())];
  const found = new Map(
    (await documents.getMany<CustomerPurchasesDocument>(PURCHASES, ids)).map((d) => [
      d.customerId,
      d.orders,
    ]),
  );
  return [...groups.entries()].map(([customerId, members]) => ({
    customerId,
    orders: members.flatMap((id) => found.get(id) ?? []),
  }));
};
