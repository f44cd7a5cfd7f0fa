import fc from 'fast-check';
import type { Document } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import type { CustomerCurrencyValueDocument } from './customer-value.document';
import { customerValueProjections } from './customer-value.projection';
import type { CurrencyTotalDocument } from './customer-value-ranking.document';
import {
  CUSTOMER_VALUE_MERGES,
  CUSTOMER_VALUE_RANKING,
  CUSTOMER_VALUE_TOTALS,
} from './customer-value-ranking.document';
import { independentCustomerValues } from './testing/independent-fold';
import { InMemoryProjectionContext } from './testing/in-memory-projection-context';
import { interleaveMerges, mergeSteps, unmergeAll } from './testing/merge-history';
import { largeOrderSteps, orderSteps, runSteps } from './testing/order-history.arbitrary';

const project = async (events: readonly RecordedEvent[]) => {
  const context = new InMemoryProjectionContext();
  for (const event of events) {
    for (const projection of customerValueProjections)
      if (projection.handles.includes(event.type)) await projection.apply(event, context);
  }
  return context;
};

/** Every collection without `_position` (which only says when a document was last written). */
const contents = (context: InMemoryProjectionContext) =>
  Object.fromEntries(
    [...context.collections.entries()]
      .map(
        ([name, documents]) =>
          [
            name,
            [...documents.values()]
              .map(({ _position, ...document }: Document) => document)
              .sort((a, b) => String(a._id).localeCompare(String(b._id))),
          ] as const,
      )
      .filter(([, documents]) => documents.length > 0),
  );

const history = fc.tuple(orderSteps(50), mergeSteps());

/** What the ranking must say: each unmerged customer with its members' orders added. */
const expectedRanking = (
  orderEvents: readonly RecordedEvent[],
  survivorOf: ReadonlyMap<string, string>,
) => {
  const groups = new Map<string, Map<string, { amount: bigint; orders: number }>>();
  for (const [customerId, customer] of independentCustomerValues(orderEvents)) {
    const owner = survivorOf.get(customerId) ?? customerId;
    const group = groups.get(owner) ?? new Map<string, { amount: bigint; orders: number }>();
    groups.set(owner, group);
    for (const v of customer.value) {
      const sum = group.get(v.currency) ?? { amount: 0n, orders: 0 };
      group.set(v.currency, {
        amount: sum.amount + BigInt(v.amount),
        orders: sum.orders + v.orders,
      });
    }
  }
  const halfUp = (amount: bigint, orders: number) => {
    const n = BigInt(orders);
    return Number(amount / n + (2n * (amount % n) >= n ? 1n : 0n));
  };
  return [...groups.entries()]
    .flatMap(([customerId, group]) =>
      [...group.entries()].map(([currency, { amount, orders }]) => ({
        customerId,
        currency,
        amount: String(amount),
        orders,
        average: halfUp(amount, orders),
      })),
    )
    .sort((a, b) => `${a.customerId}:${a.currency}`.localeCompare(`${b.customerId}:${b.currency}`));
};

const rankingOf = (context: InMemoryProjectionContext) =>
  context
    .all<CustomerCurrencyValueDocument>(CUSTOMER_VALUE_RANKING)
    .map(({ customerId, currency, amount, orders, average }) => ({
      customerId,
      currency,
      amount,
      orders,
      average,
    }))
    .sort((a, b) => `${a.customerId}:${a.currency}`.localeCompare(`${b.customerId}:${b.currency}`));

const totalsOf = (context: InMemoryProjectionContext) =>
  context
    .all<CurrencyTotalDocument>(CUSTOMER_VALUE_TOTALS)
    .map(({ _position, ...total }) => total)
    .sort((a, b) => a.currency.localeCompare(b.currency));

describe('customer value rankings through merges (property)', () => {
  it('ranks a survivor with its merged customers’ orders and never ranks a merged customer', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([steps, merges]) => {
        const orders = runSteps(steps);
        const { log, survivorOf } = interleaveMerges(orders, merges);
        const context = await project(log);
        expect(rankingOf(context)).toEqual(expectedRanking(orders, survivorOf));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks through merges exactly when sums pass 2^53 (orders near the money limit)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(largeOrderSteps(100), mergeSteps()), async ([steps, merges]) => {
        const orders = runSteps(steps);
        const { log, survivorOf } = interleaveMerges(orders, merges);
        const context = await project(log);
        expect(rankingOf(context)).toEqual(expectedRanking(orders, survivorOf));
      }),
      { numRuns: 100 },
    );
  });

  it('never changes the totals', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([steps, merges]) => {
        const orders = runSteps(steps);
        const { log } = interleaveMerges(orders, merges);
        expect(totalsOf(await project(log))).toEqual(totalsOf(await project(orders)));
      }),
      { numRuns: 200 },
    );
  });

  it('returns every document to what it was once every merge is undone', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([steps, merges]) => {
        const orders = runSteps(steps);
        const { log, survivorOf } = interleaveMerges(orders, merges);
        const context = await project([...log, ...unmergeAll(survivorOf, log.length)]);
        expect(context.all(CUSTOMER_VALUE_MERGES)).toEqual([]);
        expect(contents(context)).toEqual(contents(await project(orders)));
      }),
      { numRuns: 200 },
    );
  });

  it('counts nothing twice when the log is applied again (a batch replayed after a crash)', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([steps, merges]) => {
        const { log } = interleaveMerges(runSteps(steps), merges);
        const once = await project(log);
        const twice = await project([...log, ...log]);
        expect(contents(twice)).toEqual(contents(once));
      }),
      { numRuns: 100 },
    );
  });
});
