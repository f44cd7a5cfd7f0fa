import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { ProjectionUnitOfWork } from '@crm/eventsourcing';
import type { CustomerValueDocument } from './customer-value.document';
import { CUSTOMER_VALUE } from './customer-value.document';
import { customerValueProjections } from './customer-value.projection';
import { customerValueReport } from './customer-value.queries';
import { rfmResults } from '../rfm/rfm.queries';
import type { RfmCustomer } from '../rfm/rfm.scoring';
import { scoreRfm } from '../rfm/rfm.scoring';
import type { ExpectedCustomerValue } from './testing/independent-fold';
import { independentCustomerValues } from './testing/independent-fold';
import {
  HISTORY_START,
  largeOrderSteps,
  orderSteps,
  runSteps,
} from './testing/order-history.arbitrary';

/** Applies the log in pages, each committed with its checkpoint, as the projector runner does. */
const projectInPages = async (
  store: EmbeddedDocumentStore,
  events: readonly RecordedEvent[],
  pageSize: number,
) => {
  for (const projection of customerValueProjections)
    for (const spec of projection.collections) await store.ensureCollection(spec);
  const checkpoints = new Map<string, number | null>();
  for (let start = 0; start < events.length; start += pageSize) {
    const page = events.slice(start, start + pageSize);
    const position = page.at(-1)?.position ?? 0;
    for (const projection of customerValueProjections) {
      const unitOfWork = new ProjectionUnitOfWork(store);
      for (const event of page) {
        if (projection.handles.includes(event.type)) await projection.apply(event, unitOfWork);
      }
      await store.commit({
        writes: unitOfWork.writes,
        checkpoint: {
          name: projection.name,
          position,
          expected: checkpoints.get(projection.name) ?? null,
        },
      });
      checkpoints.set(projection.name, position);
    }
  }
};

const expectedTotals = (expected: Map<string, ExpectedCustomerValue>) => {
  const totals = new Map<string, { amount: bigint; customers: number; orders: number }>();
  for (const customer of expected.values()) {
    for (const row of customer.value) {
      const total = totals.get(row.currency) ?? { amount: 0n, customers: 0, orders: 0 };
      totals.set(row.currency, {
        amount: total.amount + BigInt(row.amount),
        customers: total.customers + 1,
        orders: total.orders + row.orders,
      });
    }
  }
  const safe = (amount: bigint) =>
    amount <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(amount) : null;
  const n = (orders: number) => BigInt(orders);
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({
      currency,
      amount: safe(t.amount),
      amountExact: String(t.amount),
      customers: t.customers,
      orders: t.orders,
      averageOrderValue: Number(
        t.amount / n(t.orders) + (2n * (t.amount % n(t.orders)) >= n(t.orders) ? 1n : 0n),
      ),
    }));
};

describe('customer value read model in the embedded document store (property)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-customer-value-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let run = 0;

  it.each([
    ['small orders', orderSteps(80)],
    ['orders near the money limit, sums past 2^53', largeOrderSteps(120)],
  ])(
    'matches an independent fold, and its totals and top customers match the fold’s, to the minor unit (%s)',
    async (_name, histories) => {
      await fc.assert(
        fc.asyncProperty(histories, fc.integer({ min: 1, max: 25 }), async (steps, pageSize) => {
          run += 1;
          const store = new EmbeddedDocumentStore({
            filename: join(folder, `documents-${run}.sqlite`),
          });
          try {
            const events = runSteps(steps);
            await projectInPages(store, events, pageSize);
            const expected = independentCustomerValues(events);

            const stored = (
              await store.find<CustomerValueDocument>(CUSTOMER_VALUE, {}, { limit: 100 })
            ).items;
            expect(
              new Map(
                stored.map((d) => [
                  d.customerId,
                  {
                    orderCount: d.orderCount,
                    value: d.value,
                    firstOrderAt: d.firstOrderAt,
                    lastOrderAt: d.lastOrderAt,
                  },
                ]),
              ),
            ).toEqual(expected);

            const report = await customerValueReport(store, { top: 3 });
            expect(report.totals).toEqual(expectedTotals(expected));
            for (const { currency, customers } of report.top) {
              const ranked = [...expected.entries()]
                .flatMap(([customerId, c]) =>
                  c.value
                    .filter((v) => v.currency === currency)
                    .map((v) => ({ customerId, amount: BigInt(v.amount) })),
                )
                .sort((a, b) =>
                  a.amount !== b.amount
                    ? a.amount < b.amount
                      ? 1
                      : -1
                    : b.customerId.localeCompare(a.customerId),
                )
                .slice(0, 3);
              expect(
                customers.map((c) => ({
                  customerId: c.customerId,
                  amount: BigInt(c.value.amountExact),
                })),
              ).toEqual(ranked);
            }
          } finally {
            await store.close();
          }
        }),
        { numRuns: 40 },
      );
    },
  );

  it('scores RFM as of any date like an independent fold of the orders placed by then', async () => {
    await fc.assert(
      fc.asyncProperty(
        orderSteps(80),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: -5, max: 420 }),
        async (steps, pageSize, day) => {
          run += 1;
          const store = new EmbeddedDocumentStore({
            filename: join(folder, `documents-${run}.sqlite`),
          });
          try {
            const events = runSteps(steps);
            await projectInPages(store, events, pageSize);
            const asOf = new Date(HISTORY_START + day * 86_400_000 + 43_200_000);
            // Orders placed later are dropped, so their cancellations and refunds find nothing.
            const placedBy = events.filter(
              (e) =>
                e.type !== 'OrderPlaced' || Date.parse(String(e.data.placedAt)) <= asOf.getTime(),
            );
            const expected: RfmCustomer[] = [...independentCustomerValues(placedBy).entries()]
              .filter(([, c]) => c.lastOrderAt !== null)
              .map(([customerId, c]) => ({
                customerId,
                lastOrderAt: c.lastOrderAt ?? '',
                orderCount: c.orderCount,
                value: c.value.map(({ amount, currency }) => ({
                  amount: BigInt(amount),
                  currency,
                })),
              }));
            const byId = (a: { customerId: string }, b: { customerId: string }) =>
              a.customerId < b.customerId ? -1 : 1;
            expect((await rfmResults(store, asOf)).sort(byId)).toEqual(
              scoreRfm(expected, asOf).sort(byId),
            );
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
