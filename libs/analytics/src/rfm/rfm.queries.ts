import type { Document, DocumentStore, Filter } from '@crm/documents';
import type {
  CountedOrder,
  CustomerOrdersDocument,
  CustomerValueDocument,
  MoneyAmount,
  ValueOrderDocument,
} from '../customer-value/customer-value.document';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_ORDERS,
  CUSTOMER_VALUE_PROJECTION,
} from '../customer-value/customer-value.document';
import { exactAmount, summarize } from '../customer-value/customer-value.evolve';
import type { CustomerMergeDocument } from '../customer-value/customer-value-ranking.document';
import {
  CUSTOMER_VALUE_MERGES,
  CUSTOMER_VALUE_RANKING_PROJECTION,
} from '../customer-value/customer-value-ranking.document';
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

const sumPerCurrency = (values: readonly MoneyAmount[]): MoneyAmount[] => {
  const sums = new Map<string, number>();
  for (const { amount, currency } of values)
    sums.set(currency, exactAmount((sums.get(currency) ?? 0) + amount));
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, amount]) => ({ amount, currency }));
};

/** Merged customer → survivor, from the (small) merge collection. */
const survivors = async (documents: DocumentStore): Promise<Map<string, string>> => {
  const merges = await findAll<CustomerMergeDocument>(documents, CUSTOMER_VALUE_MERGES, {});
  return new Map(
    merges.flatMap((m) => (m.survivorId === null ? [] : [[m.customerId, m.survivorId] as const])),
  );
};

/**
 * A survivor of merges is scored with its merged customers' orders (their last order, order
 * count and value added to its own); the merged customers are not scored themselves.
 */
export const attributeMerged = (
  customers: readonly RfmCustomer[],
  survivorOf: ReadonlyMap<string, string>,
): RfmCustomer[] => {
  if (survivorOf.size === 0) return [...customers];
  const groups = new Map<string, RfmCustomer[]>();
  for (const customer of customers) {
    const owner = survivorOf.get(customer.customerId) ?? customer.customerId;
    const group = groups.get(owner);
    if (group) group.push(customer);
    else groups.set(owner, [customer]);
  }
  return [...groups.entries()].map(([customerId, members]) =>
    members.length === 1 && members[0]?.customerId === customerId
      ? members[0]
      : {
          customerId,
          lastOrderAt: members.reduce(
            (last, m) => (m.lastOrderAt > last ? m.lastOrderAt : last),
            '',
          ),
          orderCount: members.reduce((total, m) => total + m.orderCount, 0),
          value: sumPerCurrency(members.flatMap((m) => m.value)),
        },
  );
};

/** Customers per `$in` of one read of the orders' (customerId, placedAt) index. */
const CUSTOMERS_PER_READ = 500;

/** These customers' live orders placed by `at`, per customer. */
const ordersPlacedBy = async (
  documents: DocumentStore,
  customerIds: readonly string[],
  at: string,
): Promise<Pick<CustomerOrdersDocument, 'customerId' | 'orders'>[]> => {
  const byCustomer = new Map<string, CountedOrder[]>();
  for (let start = 0; start < customerIds.length; start += CUSTOMERS_PER_READ) {
    const found = await findAll<ValueOrderDocument>(documents, CUSTOMER_VALUE_ORDERS, {
      customerId: { $in: customerIds.slice(start, start + CUSTOMERS_PER_READ) },
      placedAt: { $lte: at },
    });
    for (const { orderId, customerId, currency, placedAt, value } of found) {
      const orders = byCustomer.get(customerId) ?? [];
      orders.push({ orderId, currency, placedAt, value });
      byCustomer.set(customerId, orders);
    }
  }
  return [...byCustomer.entries()].map(([customerId, orders]) => ({ customerId, orders }));
};

/**
 * Every customer with a live order placed by `asOf`. Customers whose last order is not after
 * `asOf` (all of them, for "now") are read from their small summaries; only those who ordered
 * both before and after a past `asOf` need their orders (one index range per few hundred).
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
  const orders = await ordersPlacedBy(
    documents,
    straddling.map((s) => s.customerId),
    at,
  );
  const own = [...settled.map(toRfmCustomer), ...orders.map((o) => rfmCustomerOf(o, asOf))].filter(
    (customer): customer is RfmCustomer => customer !== null,
  );
  return attributeMerged(own, await survivors(documents));
};

const computeRfm = async (documents: DocumentStore, asOf: Date): Promise<RfmResult[]> =>
  scoreRfm(await loadRfmCustomers(documents, asOf), asOf);

/**
 * RFM is computed at query time from the customer value read model (and the merges of the
 * ranking one). "Now" is remembered per store until either moves on or the UTC day changes,
 * the only things that can change scores when no order is placed later than now.
 */
const latest = new WeakMap<DocumentStore, { key: string; results: Promise<RfmResult[]> }>();

export const rfmResults = async (documents: DocumentStore, asOf?: Date): Promise<RfmResult[]> => {
  if (asOf) return computeRfm(documents, asOf);
  const now = new Date();
  const checkpoints = await Promise.all(
    [CUSTOMER_VALUE_PROJECTION, CUSTOMER_VALUE_RANKING_PROJECTION].map((name) =>
      documents.getCheckpoint(name),
    ),
  );
  const key = `${checkpoints.map((c) => c ?? 'none').join('/')}@${now.toISOString().slice(0, 10)}`;
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
