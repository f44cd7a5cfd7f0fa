import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { CustomerMerged, CustomerUnmerged } from '@crm/customers';
import type { OrderCancelled, OrderPlaced, RefundIssued } from '@crm/sales';
import { rankKeyOf, sumOf, sumText } from '@crm/sales';
import type { CurrencyValue, CustomerCurrencyValueDocument } from './customer-value.document';
import { currencyRowId } from './customer-value.document';
import type {
  CurrencyTotalDocument,
  CustomerMergeDocument,
  OwnValueDocument,
  RankedOrderDocument,
} from './customer-value-ranking.document';
import {
  CUSTOMER_VALUE_MERGES,
  CUSTOMER_VALUE_OWN,
  CUSTOMER_VALUE_RANKING,
  CUSTOMER_VALUE_RANKING_ORDERS,
  CUSTOMER_VALUE_RANKING_PROJECTION,
  CUSTOMER_VALUE_TOTALS,
} from './customer-value-ranking.document';
import type { ValueChange } from './customer-value.evolve';
import {
  applyValueChange,
  combineCurrencyValues,
  exactAmount,
  VALUE_EVENT_TYPES,
} from './customer-value.evolve';

type MergeEvent = CustomerMerged | CustomerUnmerged;
const MERGE_EVENT_TYPES: readonly MergeEvent['type'][] = ['CustomerMerged', 'CustomerUnmerged'];

type ValueEvent = OrderPlaced | OrderCancelled | RefundIssued;

const ownValues = async (context: ProjectionContext, customerId: string) =>
  (await context.get<OwnValueDocument>(CUSTOMER_VALUE_OWN, customerId))?.value ?? [];

type Links = Map<string, CustomerMergeDocument>;

const linkOf = async (
  context: ProjectionContext,
  links: Links,
  customerId: string,
): Promise<CustomerMergeDocument> => {
  const known = links.get(customerId);
  if (known) return known;
  const stored = await context.get<CustomerMergeDocument>(CUSTOMER_VALUE_MERGES, customerId);
  const link = stored
    ? { ...stored, members: [...stored.members] }
    : { _id: customerId, customerId, survivorId: null, members: [] };
  links.set(customerId, link);
  return link;
};

/**
 * The value a customer is ranked with: its own plus that of every customer merged into it;
 * nothing while it is itself merged (its value counts under its survivor).
 */
const rankedValues = async (
  context: ProjectionContext,
  links: Links,
  customerId: string,
  own: (id: string) => Promise<CurrencyValue[]>,
): Promise<CurrencyValue[]> => {
  const link = await linkOf(context, links, customerId);
  if (link.survivorId !== null) return [];
  return combineCurrencyValues(
    await Promise.all([customerId, ...link.members].map((id) => own(id))),
  );
};

/** The customer's rows become `after`; rows of currencies it no longer has are deleted. */
const writeRows = (
  context: ProjectionContext,
  customerId: string,
  before: readonly CurrencyValue[],
  after: readonly CurrencyValue[],
  position: number,
): void => {
  for (const value of after) {
    context.put(CUSTOMER_VALUE_RANKING, {
      _id: currencyRowId(customerId, value.currency),
      customerId,
      ...value,
      rankKey: rankKeyOf(sumOf(value.amount)),
      _position: position,
    } satisfies CustomerCurrencyValueDocument);
  }
  for (const old of before) {
    if (!after.some((value) => value.currency === old.currency))
      context.delete(CUSTOMER_VALUE_RANKING, currencyRowId(customerId, old.currency));
  }
};

/** Moves each currency's total by what changed in one customer's own value. */
const moveTotals = async (
  context: ProjectionContext,
  before: readonly CurrencyValue[],
  after: readonly CurrencyValue[],
  position: number,
): Promise<void> => {
  const currencies = new Set([...before, ...after].map((value) => value.currency));
  for (const currency of currencies) {
    const was = before.find((value) => value.currency === currency);
    const now = after.find((value) => value.currency === currency);
    const delta = {
      amount: sumOf(now?.amount) - sumOf(was?.amount),
      orders: (now?.orders ?? 0) - (was?.orders ?? 0),
      customers: (now ? 1 : 0) - (was ? 1 : 0),
    };
    if (delta.amount === 0n && delta.orders === 0 && delta.customers === 0) continue;
    const total = await context.get<CurrencyTotalDocument>(CUSTOMER_VALUE_TOTALS, currency);
    if (total?._position !== undefined && total._position >= position) continue;
    const customers = (total?.customers ?? 0) + delta.customers;
    if (customers === 0) {
      context.delete(CUSTOMER_VALUE_TOTALS, currency);
      continue;
    }
    context.put(CUSTOMER_VALUE_TOTALS, {
      _id: currency,
      currency,
      amount: sumText(sumOf(total?.amount) + delta.amount),
      customers,
      orders: (total?.orders ?? 0) + delta.orders,
      _position: position,
    } satisfies CurrencyTotalDocument);
  }
};

type Change = ValueChange;

/** Folds the event into the order it is about; returns how the customer's value changes. */
const foldOrder = async (event: RecordedEvent, context: ProjectionContext): Promise<Change[]> => {
  const { data, type } = event as unknown as ValueEvent;
  const order = await context.get<RankedOrderDocument>(CUSTOMER_VALUE_RANKING_ORDERS, data.orderId);
  if (order?._position !== undefined && order._position >= event.position) return [];
  const undo = (o: RankedOrderDocument): Change => ({
    customerId: o.customerId,
    currency: o.currency,
    amount: -o.value,
    orders: -1,
  });
  switch (type) {
    case 'OrderPlaced': {
      const placed = event.data as OrderPlaced['data'];
      context.put(CUSTOMER_VALUE_RANKING_ORDERS, {
        _id: placed.orderId,
        customerId: placed.customerId,
        currency: placed.currency,
        value: placed.total,
        _position: event.position,
      } satisfies RankedOrderDocument);
      const { customerId, currency, total } = placed;
      const change = { customerId, currency, amount: total, orders: 1 };
      return order ? [undo(order), change] : [change];
    }
    case 'OrderCancelled':
      if (!order) return [];
      context.delete(CUSTOMER_VALUE_RANKING_ORDERS, order._id);
      return [undo(order)];
    case 'RefundIssued': {
      // A refund of a cancelled order finds no live order: a cancelled order is already worth 0.
      if (!order) return [];
      const amount = (event.data as RefundIssued['data']).amount;
      context.put(CUSTOMER_VALUE_RANKING_ORDERS, {
        ...order,
        value: exactAmount(order.value - amount),
        _position: event.position,
      });
      return [
        { customerId: order.customerId, currency: order.currency, amount: -amount, orders: 0 },
      ];
    }
    default:
      return [];
  }
};

const applyOrderEvent = async (event: RecordedEvent, context: ProjectionContext) => {
  if (typeof event.data.orderId !== 'string') return;
  const changes = await foldOrder(event, context);
  for (const customerId of new Set(changes.map((change) => change.customerId))) {
    const own = await context.get<OwnValueDocument>(CUSTOMER_VALUE_OWN, customerId);
    if (own?._position !== undefined && own._position >= event.position) continue;
    const before = own?.value ?? [];
    const after = changes
      .filter((change) => change.customerId === customerId)
      .reduce(applyValueChange, before);
    if (after.length === 0) context.delete(CUSTOMER_VALUE_OWN, customerId);
    else
      context.put(CUSTOMER_VALUE_OWN, {
        _id: customerId,
        customerId,
        value: after,
        _position: event.position,
      } satisfies OwnValueDocument);
    await moveTotals(context, before, after, event.position);

    const links: Links = new Map();
    const owner = (await linkOf(context, links, customerId)).survivorId ?? customerId;
    const ownBefore = (id: string) =>
      id === customerId ? Promise.resolve(before) : ownValues(context, id);
    const ownAfter = (id: string) =>
      id === customerId ? Promise.resolve(after) : ownValues(context, id);
    writeRows(
      context,
      owner,
      await rankedValues(context, links, owner, ownBefore),
      await rankedValues(context, links, owner, ownAfter),
      event.position,
    );
  }
};

/** Merging (or unmerging) moves the customer's value between its own rows and its survivor's. */
const applyMergeEvent = async (event: RecordedEvent, context: ProjectionContext) => {
  const { customerId, survivorId } = (event as unknown as MergeEvent).data;
  if (typeof customerId !== 'string' || typeof survivorId !== 'string') return;
  const target = event.type === 'CustomerMerged' ? survivorId : null;
  const links: Links = new Map();
  const link = await linkOf(context, links, customerId);
  if (link._position !== undefined && link._position >= event.position) return;
  if (link.survivorId === target || customerId === target) return;

  const own = (id: string) => ownValues(context, id);
  const owners = [...new Set([customerId, link.survivorId, target])].filter(
    (id): id is string => id !== null,
  );
  const before = await Promise.all(owners.map((id) => rankedValues(context, links, id, own)));

  if (link.survivorId !== null) {
    const previous = await linkOf(context, links, link.survivorId);
    previous.members = previous.members.filter((id) => id !== customerId);
  }
  link.survivorId = target;
  if (target !== null) {
    const survivor = await linkOf(context, links, target);
    survivor.members = [...survivor.members.filter((id) => id !== customerId), customerId];
  }

  for (const [i, id] of owners.entries()) {
    const after = await rankedValues(context, links, id, own);
    writeRows(context, id, before[i] ?? [], after, event.position);
  }
  for (const changed of links.values()) {
    if (changed.survivorId === null && changed.members.length === 0)
      context.delete(CUSTOMER_VALUE_MERGES, changed._id);
    else context.put(CUSTOMER_VALUE_MERGES, { ...changed, _position: event.position });
  }
};

/**
 * Customer value as analytics ranks and totals it. Totals per currency are running sums of
 * every customer's own value, so merging never changes them. Rankings list a customer with the
 * value of every customer merged into it, and not the merged ones; unmerging puts every row
 * back as it was. The orders are folded again here (not read from the customer value read
 * model) so this projection's documents move with its own checkpoint, one small document per
order, so a customer with thousands of orders costs no more per event than one with a few.
 */
export const customerValueRankingProjection: Projection = {
  name: CUSTOMER_VALUE_RANKING_PROJECTION,
  collections: [
    { name: CUSTOMER_VALUE_RANKING_ORDERS },
    { name: CUSTOMER_VALUE_OWN },
    { name: CUSTOMER_VALUE_MERGES },
    { name: CUSTOMER_VALUE_RANKING, indexes: [{ fields: ['currency', 'rankKey'] }] },
    { name: CUSTOMER_VALUE_TOTALS },
  ],
  handles: [...VALUE_EVENT_TYPES, ...MERGE_EVENT_TYPES],
  async apply(event, context) {
    if ((MERGE_EVENT_TYPES as readonly string[]).includes(event.type))
      await applyMergeEvent(event, context);
    else await applyOrderEvent(event, context);
  },
};
