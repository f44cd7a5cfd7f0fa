import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { ProjectionUnitOfWork } from '@crm/eventsourcing';
import { PURCHASES_PROJECTION } from './purchases.document';
import { purchasesProjection } from './purchases.projection';
import { loadPurchaseGroups } from './purchases.queries';
import { independentPurchases } from './testing/independent-purchases';
import { asOfDays, purchaseLogs } from './testing/purchase-log.arbitrary';
import { purchasesAsOf } from './testing/read-model-purchases';

/** Applies the log in pages, each committed with its checkpoint, as the projector runner does. */
const projectInPages = async (
  store: EmbeddedDocumentStore,
  events: readonly RecordedEvent[],
  pageSize: number,
) => {
  for (const spec of purchasesProjection.collections) await store.ensureCollection(spec);
  let checkpoint: number | null = null;
  for (let start = 0; start < events.length; start += pageSize) {
    const page = events.slice(start, start + pageSize);
    const position = page.at(-1)?.position ?? 0;
    const unitOfWork = new ProjectionUnitOfWork(store);
    for (const event of page)
      if (purchasesProjection.handles.includes(event.type))
        await purchasesProjection.apply(event, unitOfWork);
    await store.commit({
      writes: unitOfWork.writes,
      checkpoint: { name: PURCHASES_PROJECTION, position, expected: checkpoint },
    });
    checkpoint = position;
  }
};

describe('purchases read model in the embedded document store (property)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-purchases-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let run = 0;

  it('loads, as of any day, what an independent fold of the log gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        purchaseLogs(80),
        asOfDays(),
        fc.integer({ min: 1, max: 25 }),
        async (events, days, pageSize) => {
          run += 1;
          const store = new EmbeddedDocumentStore({
            filename: join(folder, `documents-${run}.sqlite`),
          });
          try {
            await projectInPages(store, events, pageSize);
            const snapshot = await loadPurchaseGroups(store);
            expect(snapshot.checkpoint).toBe(events.at(-1)?.position ?? null);
            for (const asOf of days)
              expect(purchasesAsOf(snapshot.groups, asOf)).toEqual(
                independentPurchases(events, asOf),
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
