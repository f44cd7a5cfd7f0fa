import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '../customer-value/testing/in-memory-projection-context';
import { groupPurchases } from './purchases.queries';
import type { CustomerPurchasesDocument, PurchaseMergeDocument } from './purchases.document';
import { PURCHASE_MERGES, PURCHASES } from './purchases.document';
import { purchasesProjection } from './purchases.projection';
import { purchasesAsOf } from './testing/read-model-purchases';
import { independentPurchases } from './testing/independent-purchases';
import { asOfDays, purchaseLogs } from './testing/purchase-log.arbitrary';

const project = async (events: readonly RecordedEvent[]) => {
  const context = new InMemoryProjectionContext();
  for (const event of events)
    if (purchasesProjection.handles.includes(event.type))
      await purchasesProjection.apply(event, context);
  return groupPurchases(
    context.all<CustomerPurchasesDocument>(PURCHASES),
    context.all<PurchaseMergeDocument>(PURCHASE_MERGES),
  );
};

describe('purchases read model (property)', () => {
  it('gives x, tx, T and the repeat purchase values of an independent fold, as of any day', async () => {
    await fc.assert(
      fc.asyncProperty(purchaseLogs(), asOfDays(), async (events, days) => {
        const groups = await project(events);
        // The days something happened on, where a rule's boundary shows.
        const eventDays = events.flatMap((e) =>
          ['placedAt', 'cancelledAt', 'refundedAt'].flatMap((field) => {
            const at = e.data[field];
            return typeof at === 'string' ? [at.slice(0, 10)] : [];
          }),
        );
        for (const asOf of [...days, ...eventDays])
          expect(purchasesAsOf(groups, asOf)).toEqual(independentPurchases(events, asOf));
      }),
      { numRuns: 200 },
    );
  });

  it('applies an event a second time (after a crash) without changing anything', async () => {
    await fc.assert(
      fc.asyncProperty(purchaseLogs(), fc.nat(), async (events, seed) => {
        const context = new InMemoryProjectionContext();
        for (const [i, event] of events.entries()) {
          await purchasesProjection.apply(event, context);
          if ((i + seed) % 3 === 0) await purchasesProjection.apply(event, context);
        }
        const groups = groupPurchases(
          context.all<CustomerPurchasesDocument>(PURCHASES),
          context.all<PurchaseMergeDocument>(PURCHASE_MERGES),
        );
        expect(purchasesAsOf(groups, '2026-06-01')).toEqual(
          independentPurchases(events, '2026-06-01'),
        );
      }),
      { numRuns: 100 },
    );
  });
});
