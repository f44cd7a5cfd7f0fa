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
import type { ExpectedCustomerValue } from './testing/independent-fold';
import { independentCustomerValues } from './testing/independent-fold';
import { InMemoryProjectionContext } from './testing/in-memory-projection-context';
import { largeOrderSteps, orderSteps, runSteps } from './testing/order-history.arbitrary';

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
          .map(({ _id: _ignored, _position, rankKey: _key, ...row }) => row);
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
        const expected = new Map<string, { amount: string; customers: number; orders: number }>();
        for (const document of context.all<CustomerValueDocument>(CUSTOMER_VALUE)) {
          for (const v of document.value) {
            const total = expected.get(v.currency) ?? { amount: '0', customers: 0, orders: 0 };
            expected.set(v.currency, {
              amount: String(BigInt(total.amount) + BigInt(v.amount)),
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

  it('only ever holds exact integer amounts', async () => {
    await fc.assert(
      fc.asyncProperty(orderSteps(), async (steps) => {
        const context = await project(runSteps(steps));
        for (const document of context.all<CustomerValueDocument>(CUSTOMER_VALUE)) {
          for (const row of document.value) {
            expect(row.amount).toMatch(/^\d+$/);
            expect(Number.isSafeInteger(row.average)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  describe('with orders near the money limit (issue 17: sums past 2^53)', () => {
    const TWO_TO_53 = 2n ** 53n;
    const pastSafe = (values: Map<string, ExpectedCustomerValue>) =>
      [...values.values()].some((c) => c.value.some((v) => BigInt(v.amount) > TWO_TO_53));

    it('equals an independent BigInt fold, to the minor unit, and some sums pass 2^53', async () => {
      let runsPastSafe = 0;
      await fc.assert(
        fc.asyncProperty(largeOrderSteps(), async (steps) => {
          const events = runSteps(steps);
          const context = await project(events);
          const expected = independentCustomerValues(events);
          expect(readModel(context)).toEqual(expected);
          if (pastSafe(expected)) runsPastSafe += 1;
        }),
        { numRuns: 100 },
      );
      expect(runsPastSafe).toBeGreaterThan(10);
    });

    it('keeps totals per currency equal to the BigInt sum over customers', async () => {
      await fc.assert(
        fc.asyncProperty(largeOrderSteps(), async (steps) => {
          const events = runSteps(steps);
          const context = await project(events);
          const expected = new Map<string, string>();
          for (const customer of independentCustomerValues(events).values())
            for (const v of customer.value)
              expected.set(
                v.currency,
                String(BigInt(expected.get(v.currency) ?? 0) + BigInt(v.amount)),
              );
          const totals = context.all<CurrencyTotalDocument>(CUSTOMER_VALUE_TOTALS);
          expect(new Map(totals.map((t) => [t.currency, t.amount]))).toEqual(expected);
        }),
        { numRuns: 100 },
      );
    });

    it('orders the ranking rows by rank key exactly as the BigInt values order', async () => {
      await fc.assert(
        fc.asyncProperty(largeOrderSteps(), async (steps) => {
          const events = runSteps(steps);
          const context = await project(events);
          const rows = context.all<CustomerCurrencyValueDocument>(CUSTOMER_VALUE_RANKING);
          const expected = [...independentCustomerValues(events).entries()].flatMap(([id, c]) =>
            c.value.map((v) => ({
              id: `${id}:${v.currency}`,
              currency: v.currency,
              amount: BigInt(v.amount),
            })),
          );
          for (const currency of new Set(expected.map((e) => e.currency))) {
            const byKey = rows
              .filter((r) => r.currency === currency)
              .sort((a, b) => (a.rankKey < b.rankKey ? 1 : a.rankKey > b.rankKey ? -1 : 0))
              .map((r) => BigInt(r.amount));
            const byValue = expected
              .filter((e) => e.currency === currency)
              .map((e) => e.amount)
              .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
            expect(byKey).toEqual(byValue);
          }
        }),
        { numRuns: 100 },
      );
    });
  });
});
