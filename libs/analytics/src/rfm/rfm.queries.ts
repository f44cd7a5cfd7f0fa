import type { Document, DocumentStore, Filter } from '@crm/documents';
import type {
  CountedOrder,
  CustomerOrdersDocument,
  CustomerValueDocument,
} from '../customer-value/customer-value.document';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_ORDERS,
  CUSTOMER_VALUE_PROJECTION,
} from '../customer-value/customer-value.document';
import { summarize } from '../customer-value/customer-value.evolve';
import type { RfmSegment } from './rfm-segments';
import type { RfmCustomer, RfmResult } from './rfm.scoring';
import { scoreRfm } from './rfm.scoring';

const PAGE = 5000;

const findAll = async <T extends Document>(
  documents: DocumentStore,
  collection: string,
  filter: Filter,
): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await documents.find<T>(collection, filter, { limit: PAGE, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

const toRfmCustomer = (summary: CustomerValueDocument): RfmCustomer | null =>
  summary.lastOrderAt === null
    ? null
    : {
        customerId: summary.customerId,
        lastOrderAt: summary.lastOrderAt,
        orderCount: summary.orderCount,
        value: summary.value.map(({ amount, currency }) => ({ amount, currency })),
      };

/** A customer's RFM input from the orders placed up to `asOf`; null without any. */
export const rfmCustomerOf = (
  { customerId, orders }: Pick<CustomerOrdersDocument, 'customerId' | 'orders'>,
  asOf: Date,
): RfmCustomer | null =>
  toRfmCustomer(
    summarize(
      customerId,
      orders.filter((o: CountedOrder) => Date.parse(o.placedAt) <= asOf.getTime()),
    ),
  );

/**
 * Every customer with a live order placed by `asOf`. Customers whose last order is not after
 * `asOf` (all of them, for "now") are read from their small summaries; only those who ordered
 * both before and after a past `asOf` need their order lists.
 */
const loadRfmCustomers = async (documents: DocumentStore, asOf: Date): Promise<RfmCustomer[]> => {
  const at = asOf.toISOString();
  const settled = await findAll<CustomerValueDocument>(documents, CUSTOMER_VALUE, {
    lastOrderAt: { $lte: at },
  });
  const straddling = await findAll<CustomerValueDocument>(documents, CUSTOMER_VALUE, {
    firstOrderAt: { $lte: at },
    lastOrderAt: { $gt: at },
  });
  const orders = await documents.getMany<CustomerOrdersDocument>(
    CUSTOMER_VALUE_ORDERS,
    straddling.map((s) => s.customerId),
  );
  return [...settled.map(toRfmCustomer), ...orders.map((o) => rfmCustomerOf(o, asOf))].filter(
    (customer): customer is RfmCustomer => customer !== null,
  );
};

const computeRfm = async (documents: DocumentStore, asOf: Date): Promise<RfmResult[]> =>
  scoreRfm(await loadRfmCustomers(documents, asOf), asOf);

/**
 * RFM is computed at query time from the customer value read model. "Now" is remembered per
 * store until the read model moves on or the UTC day changes, the only two things that can
 * change scores when no order is placed later than now.
 */
const latest = new WeakMap<DocumentStore, { key: string; results: Promise<RfmResult[]> }>();

export const rfmResults = async (documents: DocumentStore, asOf?: Date): Promise<RfmResult[]> => {
  if (asOf) return computeRfm(documents, asOf);
  const now = new Date();
  const checkpoint = await documents.getCheckpoint(CUSTOMER_VALUE_PROJECTION);
  const key = `${checkpoint ?? 'none'}@${now.toISOString().slice(0, 10)}`;
  const cached = latest.get(documents);
  if (cached?.key === key) return cached.results;
  const results = computeRfm(documents, now);
  latest.set(documents, { key, results });
  results.catch(() => latest.delete(documents));
  return results;
};

/** The customers in a segment, for `GET /customers?segment=`. */
export const customerIdsInSegment = async (
  documents: DocumentStore,
  segment: RfmSegment,
  asOf?: Date,
): Promise<string[]> =>
  (await rfmResults(documents, asOf)).filter((r) => r.segment === segment).map((r) => r.customerId);
