import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import type {
  CustomerCurrencyValueDocument,
  CustomerValueDocument,
} from './customer-value.document';
import { CUSTOMER_VALUE } from './customer-value.document';
import { customerValueProjections } from './customer-value.projection';
import type { CurrencyTotalDocument } from './customer-value-ranking.document';
import { CUSTOMER_VALUE_RANKING, CUSTOMER_VALUE_TOTALS } from './customer-value-ranking.document';
import { independentCustomerValues } from './testing/independent-fold';
import { InMemoryProjectionContext } from './testing/in-memory-projection-context';
import { orderSteps, runSteps } from './testing/order-history.arbitrary';

const project = async (
  events: readonly RecordedEvent[],
  context = new InMemoryProjectionContext(),
) => {
  for (const event of events) {
    for (const projection of customerValueProjections)
      if (projection.handles.includes(event.type)) await projection.apply(event, context);
  }
  return context;
};

const readModel = (context: InMemoryProjectionContext) =>
  new Map(
    context.all<CustomerValueDocument>(CUSTOMER_VALUE).map((d) => [
      d.customerId,
      {
        orderCount: d.orderCount,
        value: d.value,
        firstOrderAt: d.firstOrderAt,
        lastOrderAt: d.lastOrderAt,
      },
    ]),
  );

describe('customer value read model (property)', () => {
  it('equals an independent fold of random legal order histories, to the minor unit', async () => {
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const events = runSteps(steps);
        const context = await project(events);
        expect(readModel(context)).toEqual(independentCustomerValues(events));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the independent fold when many orders share a placement time (first or last order cancelled among equals)', async () => {
    const startOfMonth = (event: RecordedEvent): RecordedEvent =>
      event.type === 'OrderPlaced'
        ? {
            ...event,
            data: {
              ...event.data,
              placedAt: `${String(event.data.placedAt).slice(0, 7)}-01T00:00:00.000Z`,
            },
          }
        : event;
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const events = runSteps(steps).map(startOfMonth);
        const context = await project(events);
        expect(readModel(context)).toEqual(independentCustomerValues(events));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks each customer (none merged) in every currency it has live orders in, matching the summary', async () => {
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const context = await project(runSteps(steps));
        const expected = context
          .all<CustomerValueDocument>(CUSTOMER_VALUE)
          .flatMap((d) => d.value.map((v) => ({ customerId: d.customerId, ...v })));
        const rows = context
          .all<CustomerCurrencyValueDocument>(CUSTOMER_VALUE_RANKING)
          .map(({ _id: _ignored, _position, ...row }) => row);
        const key = (r: { customerId: string; currency: string }) =>
          `${r.customerId}:${r.currency}`;
        expect(rows.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          expected.sort((a, b) => key(a).localeCompare(key(b))),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps running totals per currency equal to the sum over the customers', async () => {
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const context = await project(runSteps(steps));
        const expected = new Map<string, { amount: number; customers: number; orders: number }>();
        for (const document of context.all<CustomerValueDocument>(CUSTOMER_VALUE)) {
          for (const v of document.value) {
            const total = expected.get(v.currency) ?? { amount: 0, customers: 0, orders: 0 };
            expected.set(v.currency, {
              amount: total.amount + v.amount,
              customers: total.customers + 1,
              orders: total.orders + v.orders,
            });
          }
        }
        const totals = context.all<CurrencyTotalDocument>(CUSTOMER_VALUE_TOTALS);
        expect(
          new Map(
            totals.map((t) => [
              t.currency,
              { amount: t.amount, customers: t.customers, orders: t.orders },
            ]),
          ),
        ).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('counts nothing twice when the log is applied again (a batch replayed after a crash)', async () => {
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const events = runSteps(steps);
        const once = await project(events);
        const twice = await project(events, await project(events));
        expect(readModel(twice)).toEqual(readModel(once));
        expect(twice.collections).toEqual(once.collections);
      }),
      { numRuns: 100 },
    );
  });

  it('only ever holds integer amounts', async () => {
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const context = await project(runSteps(steps));
        for (const document of context.all<CustomerValueDocument>(CUSTOMER_VALUE)) {
          for (const row of document.value) {
            expect(Number.isSafeInteger(row.amount) && Number.isSafeInteger(row.average)).toBe(
              true,
            );
            expect(row.amount).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
