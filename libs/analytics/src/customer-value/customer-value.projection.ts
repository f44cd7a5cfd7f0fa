import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { OrderPlaced, RefundIssued } from '@crm/sales';
import type {
  CustomerValueDocument,
  LiveCount,
  OrderMonthsDocument,
  OrderTimesDocument,
  ValueOrderDocument,
} from './customer-value.document';
import {
  CUSTOMER_VALUE,
  CUSTOMER_VALUE_MONTHS,
  CUSTOMER_VALUE_ORDERS,
  CUSTOMER_VALUE_PROJECTION,
  CUSTOMER_VALUE_TIMES,
  orderTimesId,
} from './customer-value.document';
import type { ValueChange, ValueEvent } from './customer-value.evolve';
import { applyValueChange, exactAmount, VALUE_EVENT_TYPES } from './customer-value.evolve';
import { customerValueRankingProjection } from './customer-value-ranking.projection';

/** A change of value; `orders` is +1 for an order that became live, −1 for one that went. */
type OrderChange = ValueChange & { placedAt: string };

type Positioned = { _position?: number };

/** Folds the event into the order it is about; returns how its customer's value changes. */
const foldOrder = async (
  event: RecordedEvent,
  context: ProjectionContext,
): Promise<OrderChange[]> => {
  const { data, type } = event as unknown as ValueEvent;
  const order = await context.get<ValueOrderDocument>(CUSTOMER_VALUE_ORDERS, data.orderId);
  if (order?._position !== undefined && order._position >= event.position) return [];
  const undo = (o: ValueOrderDocument): OrderChange => ({
    customerId: o.customerId,
    currency: o.currency,
    amount: -o.value,
    orders: -1,
    placedAt: o.placedAt,
  });
  switch (type) {
    case 'OrderPlaced': {
      const placed = event.data as OrderPlaced['data'];
      const placedAt = new Date(placed.placedAt).toISOString();
      context.put(CUSTOMER_VALUE_ORDERS, {
        _id: placed.orderId,
        orderId: placed.orderId,
        customerId: placed.customerId,
        currency: placed.currency,
        placedAt,
        value: placed.total,
        _position: event.position,
      } satisfies ValueOrderDocument);
      const { customerId, currency, total } = placed;
      const change = { customerId, currency, amount: total, orders: 1, placedAt };
      return order ? [undo(order), change] : [change];
    }
    case 'OrderCancelled':
      if (!order) return [];
      context.delete(CUSTOMER_VALUE_ORDERS, order._id);
      return [undo(order)];
    case 'RefundIssued': {
      // A refund of a cancelled order finds no live order: a cancelled order is already worth 0.
      if (!order) return [];
      const amount = (event.data as RefundIssued['data']).amount;
      context.put(CUSTOMER_VALUE_ORDERS, {
        ...order,
        value: exactAmount(order.value - amount),
        _position: event.position,
      });
      const { customerId, currency, placedAt } = order;
      return [{ customerId, currency, amount: -amount, orders: 0, placedAt }];
    }
    default:
      return [];
  }
};

/** `counts` with `delta` added at `key`, sorted by key; a key left without orders goes. */
const countAt = (counts: readonly LiveCount[], key: string, delta: number): LiveCount[] => {
  const found = counts.find(([k]) => k === key)?.[1] ?? 0;
  const others = counts.filter(([k]) => k !== key);
  const next: LiveCount[] = found + delta > 0 ? [...others, [key, found + delta]] : others;
  return next.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
};

/**
 * A customer's live order counts per month and per placement time, loaded as needed and
 * written back once per event. A document already at this event's position keeps its counts
 * (the event is being applied again after a crash) but still answers reads.
 */
class LiveOrderCounts {
  private months?: OrderMonthsDocument & Positioned;
  private monthsChanged = false;
  private readonly times = new Map<string, OrderTimesDocument & Positioned>();
  private readonly timesChanged = new Set<string>();

  constructor(
    private readonly context: ProjectionContext,
    private readonly customerId: string,
    private readonly position: number,
  ) {}

  private async monthsDocument(): Promise<OrderMonthsDocument & Positioned> {
    this.months ??= (await this.context.get<OrderMonthsDocument>(
      CUSTOMER_VALUE_MONTHS,
      this.customerId,
    )) ?? { _id: this.customerId, customerId: this.customerId, months: [] };
    return this.months;
  }

  private async timesDocument(month: string): Promise<OrderTimesDocument & Positioned> {
    const id = orderTimesId(this.customerId, month);
    let document = this.times.get(month);
    if (!document) {
      document = (await this.context.get<OrderTimesDocument>(CUSTOMER_VALUE_TIMES, id)) ?? {
        _id: id,
        customerId: this.customerId,
        times: [],
      };
      this.times.set(month, document);
    }
    return document;
  }

  private isApplied(document: Positioned): boolean {
    return document._position !== undefined && document._position >= this.position;
  }

  /** Adds `delta` live orders placed at `placedAt`; returns how many are left at that time. */
  async add(placedAt: string, delta: number): Promise<number> {
    const month = placedAt.slice(0, 7);
    const months = await this.monthsDocument();
    if (!this.isApplied(months)) {
      months.months = countAt(months.months, month, delta);
      this.monthsChanged = true;
    }
    const times = await this.timesDocument(month);
    if (!this.isApplied(times)) {
      times.times = countAt(times.times, placedAt, delta);
      this.timesChanged.add(month);
    }
    return times.times.find(([at]) => at === placedAt)?.[1] ?? 0;
  }

  /** The earliest or latest placement time of a live order; null without any. */
  async edge(which: 'first' | 'last'): Promise<string | null> {
    const pick = <T>(list: readonly T[]) => (which === 'first' ? list[0] : list.at(-1));
    const month = pick((await this.monthsDocument()).months)?.[0];
    if (month === undefined) return null;
    return pick((await this.timesDocument(month)).times)?.[0] ?? null;
  }

  write(): void {
    const stamp = { _position: this.position };
    if (this.monthsChanged && this.months) {
      if (this.months.months.length === 0)
        this.context.delete(CUSTOMER_VALUE_MONTHS, this.months._id);
      else this.context.put(CUSTOMER_VALUE_MONTHS, { ...this.months, ...stamp });
    }
    for (const month of this.timesChanged) {
      const times = this.times.get(month);
      if (!times) continue;
      if (times.times.length === 0) this.context.delete(CUSTOMER_VALUE_TIMES, times._id);
      else this.context.put(CUSTOMER_VALUE_TIMES, { ...times, ...stamp });
    }
  }
}

/** Moves one customer's summary (and its order counts) by the event's changes. */
const applyToCustomer = async (
  context: ProjectionContext,
  customerId: string,
  changes: readonly OrderChange[],
  position: number,
): Promise<void> => {
  const counts = new LiveOrderCounts(context, customerId, position);
  const summary = await context.get<CustomerValueDocument>(CUSTOMER_VALUE, customerId);
  let first = summary?.firstOrderAt ?? null;
  let last = summary?.lastOrderAt ?? null;
  let stale = false;
  for (const change of changes) {
    if (change.orders === 0) continue;
    const left = await counts.add(change.placedAt, change.orders);
    if (change.orders > 0) {
      if (first === null || change.placedAt < first) first = change.placedAt;
      if (last === null || change.placedAt > last) last = change.placedAt;
    } else if (left === 0 && (change.placedAt === first || change.placedAt === last)) {
      stale = true;
    }
  }
  counts.write();
  if (summary?._position !== undefined && summary._position >= position) return;
  if (stale) {
    first = await counts.edge('first');
    last = await counts.edge('last');
  }
  context.put(CUSTOMER_VALUE, {
    _id: customerId,
    customerId,
    orderCount: (summary?.orderCount ?? 0) + changes.reduce((n, change) => n + change.orders, 0),
    value: changes.reduce(applyValueChange, summary?.value ?? []),
    firstOrderAt: first,
    lastOrderAt: last,
    _position: position,
  } satisfies CustomerValueDocument & Positioned);
};

/**
 * Folds order events into one small document per live order and a summary per customer who
 * ever placed an order (what profiles and RFM read), moved by each event's change, so a
 * customer with thousands of orders costs no more per event than one with a few. When a
 * cancellation takes the first or last order, the new date comes from the customer's live
 * order counts per month and per placement time. Rankings and totals are the ranking
 * projection's (they also follow merges).
 */
export const customerValueProjection: Projection = {
  name: CUSTOMER_VALUE_PROJECTION,
  collections: [
    { name: CUSTOMER_VALUE_ORDERS, indexes: [{ fields: ['customerId', 'placedAt'] }] },
    { name: CUSTOMER_VALUE_MONTHS },
    { name: CUSTOMER_VALUE_TIMES },
    {
      name: CUSTOMER_VALUE,
      indexes: [{ field: 'firstOrderAt' }, { field: 'lastOrderAt' }, { field: 'orderCount' }],
    },
  ],
  handles: VALUE_EVENT_TYPES,
  async apply(event, context) {
    if (typeof event.data.orderId !== 'string') return;
    const changes = await foldOrder(event, context);
    for (const customerId of new Set(changes.map((change) => change.customerId)))
      await applyToCustomer(
        context,
        customerId,
        changes.filter((change) => change.customerId === customerId),
        event.position,
      );
  },
};

export const customerValueProjections: readonly Projection[] = [
  customerValueProjection,
  customerValueRankingProjection,
];
