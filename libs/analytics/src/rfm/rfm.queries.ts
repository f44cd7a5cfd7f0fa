import type { DocumentStore, Filter } from '@crm/documents';
import { findEvery } from '@crm/documents';
import { rankKeyOf, sumOf } from '@crm/sales';
import type {
  CountedOrder,
  CustomerOrdersDocument,
  CustomerValueDocument,
  ValueOrderDocument,
} from '../customer-value/customer-value.document';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_ORDERS,
  CUSTOMER_VALUE_PROJECTION,
} from '../customer-value/customer-value.document';
import { summarize } from '../customer-value/customer-value.evolve';
import type { CustomerMergeDocument } from '../customer-value/customer-value-ranking.document';
import {
  CUSTOMER_VALUE_MERGES,
  CUSTOMER_VALUE_RANKING,
  CUSTOMER_VALUE_RANKING_PROJECTION,
} from '../customer-value/customer-value-ranking.document';
import type { CustomerCurrencyValueDocument } from '../customer-value/customer-value.document';
import { currencyRowId } from '../customer-value/customer-value.document';
import type { RfmSegment } from './rfm-segments';
import type { RfmCustomer, RfmResult } from './rfm.scoring';
import { quintileScoreOf, recencyDays, rfmResultOf, scoreRfm } from './rfm.scoring';

const toRfmCustomer = (summary: CustomerValueDocument): RfmCustomer | null =>
  summary.lastOrderAt === null
    ? null
    : {
        customerId: summary.customerId,
        lastOrderAt: summary.lastOrderAt,
        orderCount: summary.orderCount,
        value: summary.value.map(({ amount, currency }) => ({ amount: sumOf(amount), currency })),
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

const sumPerCurrency = (values: RfmCustomer['value']): RfmCustomer['value'] => {
  const sums = new Map<string, bigint>();
  for (const { amount, currency } of values)
    sums.set(currency, (sums.get(currency) ?? 0n) + amount);
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, amount]) => ({ amount, currency }));
};

const survivorsOf = (merges: readonly CustomerMergeDocument[]): Map<string, string> =>
  new Map(
    merges.flatMap((m) => (m.survivorId === null ? [] : [[m.customerId, m.survivorId] as const])),
  );

/** Merged customer → survivor, from the (small) merge collection. */
const survivors = async (documents: DocumentStore): Promise<Map<string, string>> =>
  survivorsOf(await findEvery<CustomerMergeDocument>(documents, CUSTOMER_VALUE_MERGES, {}));

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
    const found = await findEvery<ValueOrderDocument>(
      documents,
      CUSTOMER_VALUE_ORDERS,
      {
        customerId: { $in: customerIds.slice(start, start + CUSTOMERS_PER_READ) },
        placedAt: { $lte: at },
      },
      // In the index's order: one range of it per customer.
      { customerId: 1, placedAt: 1 },
    );
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
  const settled = await findEvery<CustomerValueDocument>(documents, CUSTOMER_VALUE, {
    lastOrderAt: { $lte: at },
  });
  const straddling = await findEvery<CustomerValueDocument>(documents, CUSTOMER_VALUE, {
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

const checkpointsOf = (documents: DocumentStore) =>
  Promise.all(
    [CUSTOMER_VALUE_PROJECTION, CUSTOMER_VALUE_RANKING_PROJECTION].map((name) =>
      documents.getCheckpoint(name),
    ),
  );

const keyOf = (checkpoints: readonly (number | null)[], now: Date): string =>
  `${checkpoints.map((c) => c ?? 'none').join('/')}@${now.toISOString().slice(0, 10)}`;

export const rfmResults = async (documents: DocumentStore, asOf?: Date): Promise<RfmResult[]> => {
  if (asOf) return computeRfm(documents, asOf);
  const now = new Date();
  const key = keyOf(await checkpointsOf(documents), now);
  const cached = latest.get(documents);
  if (cached?.key === key) return cached.results;
  const results = computeRfm(documents, now);
  latest.set(documents, { key, results });
  results.catch(() => latest.delete(documents));
  return results;
};

const DAY = 86_400_000;
const dayStart = (day: number): string => new Date(day * DAY).toISOString();

/**
 * Scores of some customers as of `asOf`, from counts on indexes instead of every customer: a
 * quintile score only needs how many of the population score below and alike. The population
 * is every customer with a live order, grouped by merges: counts over the customer value
 * summaries (lastOrderAt and orderCount indexes) and the ranking rows (currency, rankKey index;
 * they are already grouped), corrected for the customers in a merge (a small collection):
 * their own counts out, their groups' in. Equals `scoreRfm` over every customer when no order
 * was placed after `asOf` (the counts see every order).
 */
export const rfmOfCustomers = async (
  documents: DocumentStore,
  customerIds: readonly string[],
  asOf: Date,
): Promise<Map<string, RfmResult>> => {
  const merges = await findEvery<CustomerMergeDocument>(documents, CUSTOMER_VALUE_MERGES, {});
  const survivorOf = survivorsOf(merges);
  const inMerges = new Set(merges.map((m) => m.customerId));
  const mergedOwn = (await documents.getMany<CustomerValueDocument>(CUSTOMER_VALUE, [...inMerges]))
    .map(toRfmCustomer)
    .filter((c): c is RfmCustomer => c !== null);
  const groups = attributeMerged(mergedOwn, survivorOf);
  const wanted = customerIds.filter((id) => !survivorOf.has(id));
  const alone = (
    await documents.getMany<CustomerValueDocument>(
      CUSTOMER_VALUE,
      wanted.filter((id) => !inMerges.has(id)),
    )
  )
    .map(toRfmCustomer)
    .filter((c): c is RfmCustomer => c !== null);
  const targets = [...alone, ...groups.filter((g) => wanted.includes(g.customerId))];
  if (targets.length === 0) return new Map();

  /** Σ over the population of customers matching `filter` / `test` (their group, if merged). */
  const count = async (filter: Filter, test: (c: RfmCustomer) => boolean): Promise<number> =>
    (await documents.count(CUSTOMER_VALUE, filter)) -
    mergedOwn.filter(test).length +
    groups.filter(test).length;
  const n = await count({ orderCount: { $gte: 1 } }, () => true);
  const today = Math.floor(asOf.getTime() / DAY);

  const recencyScore = async (customer: RfmCustomer): Promise<[number, number]> => {
    const days = recencyDays(customer.lastOrderAt, asOf);
    const from = dayStart(today - days);
    const below = await count({ lastOrderAt: { $lt: from } }, (c) => c.lastOrderAt < from);
    const through =
      days === 0
        ? n
        : await count(
            { lastOrderAt: { $lt: dayStart(today - days + 1) } },
            (c) => c.lastOrderAt < dayStart(today - days + 1),
          );
    return [quintileScoreOf(below, through - below, n), days];
  };

  const frequencyScore = async ({ orderCount }: RfmCustomer): Promise<number> => {
    const below = await count(
      { orderCount: { $gte: 1, $lt: orderCount } },
      (c) => c.orderCount < orderCount,
    );
    const equal = await count({ orderCount }, (c) => c.orderCount === orderCount);
    return quintileScoreOf(below, equal, n);
  };

  const rows = async (currency: string): Promise<CustomerCurrencyValueDocument[]> =>
    documents.getMany<CustomerCurrencyValueDocument>(
      CUSTOMER_VALUE_RANKING,
      [...inMerges].map((id) => currencyRowId(id, currency)),
    );
  const monetaryScore = async (customer: RfmCustomer): Promise<number> => {
    let best = 1;
    for (const { currency, amount } of customer.value) {
      const mergedRows = await rows(currency);
      const amountOf = (c: RfmCustomer) => c.value.find((v) => v.currency === currency)?.amount;
      /** Ranking rows matching, minus those of customers in a merge, plus their groups. */
      const countRows = async (filter: Filter, test: (amount: bigint) => boolean) =>
        (await documents.count(CUSTOMER_VALUE_RANKING, { currency, ...filter })) -
        mergedRows.filter((row) => test(sumOf(row.amount))).length +
        groups.filter((g) => {
          const a = amountOf(g);
          return a !== undefined && test(a);
        }).length;
      const holders = await countRows({}, () => true);
      const rankKey = rankKeyOf(amount);
      const below = await countRows({ rankKey: { $lt: rankKey } }, (a) => a < amount);
      const equal = await countRows({ rankKey }, (a) => a === amount);
      best = Math.max(best, quintileScoreOf(below, equal, holders));
    }
    return best;
  };

  const results = new Map<string, RfmResult>();
  for (const customer of targets) {
    const [r, days] = await recencyScore(customer);
    const scores = { r, f: await frequencyScore(customer), m: await monetaryScore(customer) };
    results.set(customer.customerId, rfmResultOf(customer, scores, days));
  }
  return results;
};

/**
 * Some customers' scores as of now: from the remembered results while they are current, else
 * from index counts (a profile after a new order does not score every customer).
 */
export const rfmOfCustomersNow = async (
  documents: DocumentStore,
  customerIds: readonly string[],
): Promise<Map<string, RfmResult>> => {
  const now = new Date();
  const wanted = new Set(customerIds);
  const ofEveryone = async (results: Promise<RfmResult[]>) =>
    new Map((await results).filter((r) => wanted.has(r.customerId)).map((r) => [r.customerId, r]));
  const checkpoints = await checkpointsOf(documents);
  const cached = latest.get(documents);
  if (cached && cached.key === keyOf(checkpoints, now)) return ofEveryone(cached.results);
  // The counts read both read models, so they must be at one position; and they see every
  // order, so one placed after now (another clock) needs the full computation too.
  if (
    checkpoints[0] !== checkpoints[1] ||
    (await documents.count(CUSTOMER_VALUE, { lastOrderAt: { $gt: now.toISOString() } })) > 0
  )
    return ofEveryone(rfmResults(documents));
  return rfmOfCustomers(documents, customerIds, now);
};

/** The customers in a segment, for `GET /customers?segment=`. */
export const customerIdsInSegment = async (
  documents: DocumentStore,
  segment: RfmSegment,
  asOf?: Date,
): Promise<string[]> =>
  (await rfmResults(documents, asOf)).filter((r) => r.segment === segment).map((r) => r.customerId);
