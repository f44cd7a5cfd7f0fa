import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '@crm/eventsourcing';
import { CommandRunner, SqliteEventStore } from '@crm/eventsourcing';
import { evolveCustomerOrders, summarize } from '@crm/analytics';
import type { CustomerOrdersDocument } from '@crm/analytics';
import { orderDecider } from '../domain/order.decider';
import { orderStreamId } from '../domain/order';
import type { ImportedOrder } from './imported-orders.validation';
import { validateImportedOrders } from './imported-orders.validation';
import { importedOrderId, OrderImporter } from './order-importer';

const ACTOR = { id: 'importer-test', role: 'admin' };
const CUSTOMER = '5b0f8a2e-6c1d-4e8b-9f3a-2d7c1e0b4a99';
const PREFIX = 'import:blind-index-of-ada';

/** A store that stops (as a killed process would) once it has taken `budget` appends. */
class CrashingEventStore extends SqliteEventStore {
  budget = Number.POSITIVE_INFINITY;

  override append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.budget <= 0) return Promise.reject(new Error('process killed'));
    this.budget -= 1;
    return super.append(streamId, events, expectedRevision);
  }
}

/** Orders as the customer importer hands them over: validated from the row's `orders`. */
const imported = (...orders: Record<string, unknown>[]): ImportedOrder[] => {
  const checked = validateImportedOrders(
    orders.map((order, i) => ({
      ref: `SO-${i + 1}`,
      currency: 'EUR',
      lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 1250 }],
      placedAt: '2019-06-30T09:15:00Z',
      ...order,
    })),
  );
  if ('rule' in checked) throw new Error(`test order invalid: ${checked.field} ${checked.rule}`);
  return checked.orders;
};

const allEvents = async (store: SqliteEventStore): Promise<RecordedEvent[]> =>
  (await store.readAll({ fromPosition: 0, limit: 10_000 })).events;

const typesOf = (events: readonly RecordedEvent[]): string[] => events.map((e) => e.type);

describe('OrderImporter', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-order-import-'));
  let store: CrashingEventStore;
  let sut: OrderImporter;
  beforeEach(() => {
    store = new CrashingEventStore({ filename: ':memory:' });
    sut = new OrderImporter(new CommandRunner(store));
  });
  afterEach(() => store.close());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  describe('a first import', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['placed', {}, ['OrderPlaced']],
      ['confirmed', { status: 'confirmed' }, ['OrderPlaced', 'OrderConfirmed']],
      ['paid', { status: 'paid' }, ['OrderPlaced', 'OrderConfirmed', 'PaymentRecorded']],
      [
        'shipped',
        { status: 'shipped' },
        ['OrderPlaced', 'OrderConfirmed', 'PaymentRecorded', 'OrderShipped'],
      ],
      [
        'delivered',
        { status: 'delivered' },
        ['OrderPlaced', 'OrderConfirmed', 'PaymentRecorded', 'OrderShipped', 'OrderDelivered'],
      ],
      [
        'delivered and partly refunded',
        { status: 'delivered', refunded: { amount: 500, reason: 'damaged' } },
        [
          'OrderPlaced',
          'OrderConfirmed',
          'PaymentRecorded',
          'OrderShipped',
          'OrderDelivered',
          'RefundIssued',
        ],
      ],
      ['cancelled', { status: 'cancelled' }, ['OrderPlaced', 'OrderCancelled']],
      [
        'cancelled after payment and refunded',
        { status: 'cancelled', cancelReason: 'out_of_stock', refunded: { amount: 2500 } },
        ['OrderPlaced', 'PaymentRecorded', 'OrderCancelled', 'RefundIssued'],
      ],
    ])('brings a %s order to its status', async (_, order, expected) => {
      const result = await sut.place(CUSTOMER, imported(order), {
        actor: ACTOR,
        keyPrefix: PREFIX,
      });

      const events = await store.readStream(orderStreamId(importedOrderId(CUSTOMER, 'SO-1')));
      expect(typesOf(events)).toEqual(expected);
      expect(result).toEqual({
        imported: 1,
        alreadyImported: 0,
        events: expected.length,
        rejections: [],
      });
    });

    it('dates every step at the historical placedAt and names the customer on every event', async () => {
      await sut.place(
        CUSTOMER,
        imported({ status: 'delivered', placedAt: '2018-02-03T23:30:00+02:00' }),
        { actor: ACTOR, keyPrefix: PREFIX },
      );

      const events = await allEvents(store);
      const times = events.map((e) => Object.entries(e.data).find(([k]) => k.endsWith('At'))?.[1]);
      expect(new Set(times)).toEqual(new Set(['2018-02-03T21:30:00.000Z']));
      expect(new Set(events.map((e) => e.metadata.customerId))).toEqual(new Set([CUSTOMER]));
      expect(events[0]?.data).toMatchObject({ customerId: CUSTOMER, total: 2500, currency: 'EUR' });
    });

    it('keeps the cancel and refund reasons of the source', async () => {
      await sut.place(
        CUSTOMER,
        imported({
          status: 'cancelled',
          cancelReason: 'fraud_suspected',
          refunded: { amount: 2500, reason: 'order_cancelled' },
        }),
        { actor: ACTOR, keyPrefix: PREFIX },
      );

      const byType = new Map((await allEvents(store)).map((e) => [e.type, e.data]));
      expect(byType.get('OrderCancelled')).toMatchObject({ reason: 'fraud_suspected' });
      expect(byType.get('RefundIssued')).toMatchObject({ amount: 2500, reason: 'order_cancelled' });
    });

    it('places a free order without a payment', async () => {
      await sut.place(
        CUSTOMER,
        imported({ status: 'delivered', lines: [{ sku: 'GIFT', quantity: 1, unitPrice: 0 }] }),
        { actor: ACTOR, keyPrefix: PREFIX },
      );

      expect(typesOf(await allEvents(store))).toEqual([
        'OrderPlaced',
        'OrderConfirmed',
        'OrderShipped',
        'OrderDelivered',
      ]);
    });

    it('gives each ref of the customer its own order', async () => {
      const result = await sut.place(CUSTOMER, imported({}, { status: 'paid' }, {}), {
        actor: ACTOR,
        keyPrefix: PREFIX,
      });

      const streams = new Set((await allEvents(store)).map((e) => e.streamId));
      expect(streams.size).toBe(3);
      expect(result).toMatchObject({ imported: 3, events: 5 });
    });
  });

  describe('a re-run', () => {
    it('appends nothing for orders a previous run imported', async () => {
      const orders = imported(
        { status: 'delivered', refunded: { amount: 100 } },
        {},
        { status: 'cancelled' },
      );
      await sut.place(CUSTOMER, orders, { actor: ACTOR, keyPrefix: PREFIX });
      const before = await allEvents(store);

      const again = await sut.place(CUSTOMER, orders, { actor: ACTOR, keyPrefix: PREFIX });

      expect(again).toEqual({ imported: 0, alreadyImported: 3, events: 0, rejections: [] });
      expect(await allEvents(store)).toEqual(before);
    });

    it('by another operator, under another key, places no order twice', async () => {
      const orders = imported({ status: 'delivered' });
      await sut.place(CUSTOMER, orders, { actor: ACTOR, keyPrefix: PREFIX });
      const before = await allEvents(store);

      const again = await sut.place(CUSTOMER, orders, {
        actor: { id: 'another-operator', role: 'service' },
        keyPrefix: 'import:another-file',
      });

      expect(again).toMatchObject({ imported: 0, alreadyImported: 1, events: 0 });
      expect(await allEvents(store)).toEqual(before);
    });

    it('names the order and the sales rule when the order was changed since in a way the import cannot follow', async () => {
      const options = { actor: ACTOR, keyPrefix: PREFIX };
      await sut.place(CUSTOMER, imported({}, { status: 'confirmed' }), options);
      const orderId = importedOrderId(CUSTOMER, 'SO-2');
      await new CommandRunner(store).run(
        orderDecider,
        { type: 'CancelOrder', orderId, reason: 'customer_request', at: '2020-01-01T00:00:00Z' },
        {
          streamId: orderStreamId(orderId),
          context: { actor: ACTOR, correlationId: 'c' },
          commandType: 'CancelOrder',
        },
      );

      const again = await sut.place(CUSTOMER, imported({}, { status: 'shipped' }), options);

      expect(again.alreadyImported).toBe(1);
      expect(again.rejections).toEqual([
        expect.objectContaining({ field: 'orders.1', rule: 'ILLEGAL_ORDER_TRANSITION' }),
      ]);
    });
  });

  describe('an import interrupted between two steps', () => {
    it.each([1, 2, 3, 4, 5, 6, 7])(
      'completes on a re-run after the process died past append %i, without doubling anything',
      async (budget) => {
        const filename = join(folder, `crash-${budget}.sqlite`);
        const orders = imported(
          { status: 'delivered', refunded: { amount: 300 } },
          { status: 'cancelled', refunded: { amount: 2500 } },
        );
        const options = { actor: ACTOR, keyPrefix: PREFIX };
        const dying = new CrashingEventStore({ filename });
        dying.budget = budget;
        await expect(
          new OrderImporter(new CommandRunner(dying)).place(CUSTOMER, orders, options),
        ).rejects.toThrow('process killed');
        await dying.close();

        const restarted = new SqliteEventStore({ filename });
        const resumed = await new OrderImporter(new CommandRunner(restarted)).place(
          CUSTOMER,
          orders,
          options,
        );
        const events = await allEvents(restarted);
        await restarted.close();

        expect(resumed.events).toBe(10 - budget);
        expect(typesOf(events).sort()).toEqual(
          [
            'OrderPlaced',
            'OrderConfirmed',
            'PaymentRecorded',
            'OrderShipped',
            'OrderDelivered',
            'RefundIssued',
            'OrderPlaced',
            'PaymentRecorded',
            'OrderCancelled',
            'RefundIssued',
          ].sort(),
        );
      },
    );
  });

  describe('what customer value sees', () => {
    it('counts imported orders at their historical dates, net of cancellations and refunds', async () => {
      await sut.place(
        CUSTOMER,
        imported(
          { status: 'delivered', placedAt: '2017-05-01T10:00:00Z', refunded: { amount: 500 } },
          { status: 'paid', placedAt: '2019-11-20T08:00:00+01:00', currency: 'USD' },
          { status: 'cancelled', placedAt: '2021-01-01T00:00:00Z' },
          { placedAt: '2018-03-03T12:00:00Z' },
        ),
        { actor: ACTOR, keyPrefix: PREFIX },
      );

      let document: CustomerOrdersDocument | null = null;
      for (const event of await allEvents(store)) document = evolveCustomerOrders(document, event);

      expect(summarize(CUSTOMER, document?.orders ?? [])).toEqual({
        _id: CUSTOMER,
        customerId: CUSTOMER,
        orderCount: 3,
        value: [
          { currency: 'EUR', amount: String(2000 + 2500), orders: 2, average: 2250 },
          { currency: 'USD', amount: '2500', orders: 1, average: 2500 },
        ],
        firstOrderAt: '2017-05-01T10:00:00.000Z',
        lastOrderAt: '2019-11-20T07:00:00.000Z',
      });
    });
  });
});
