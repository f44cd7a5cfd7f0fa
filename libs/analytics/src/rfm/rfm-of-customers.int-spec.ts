import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { ProjectionUnitOfWork } from '@crm/eventsourcing';
import { customerValueProjections } from '../customer-value/customer-value.projection';
import { interleaveMerges, mergeSteps } from '../customer-value/testing/merge-history';
import {
  customerIdOf,
  HISTORY_START,
  largeOrderSteps,
  orderSteps,
  runSteps,
} from '../customer-value/testing/order-history.arbitrary';
import { rfmOfCustomers, rfmResults } from './rfm.queries';

const DAY = 86_400_000;

const project = async (store: EmbeddedDocumentStore, events: readonly RecordedEvent[]) => {
  for (const projection of customerValueProjections) {
    for (const spec of projection.collections) await store.ensureCollection(spec);
    const unitOfWork = new ProjectionUnitOfWork(store);
    for (const event of events)
      if (projection.handles.includes(event.type)) await projection.apply(event, unitOfWork);
    await store.commit({
      writes: unitOfWork.writes,
      checkpoint: { name: projection.name, position: events.length, expected: null },
    });
  }
};

describe('RFM of a few customers from index counts (property)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-rfm-counts-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let run = 0;

  it.each([
    ['small orders', orderSteps(60)],
    ['orders near the money limit, values past 2^53', largeOrderSteps(100)],
  ])(
    'equals scoring every customer, with merges, ties and customers without live orders (%s)',
    async (_name, histories) => {
      await fc.assert(
        fc.asyncProperty(
          histories,
          mergeSteps(),
          fc.integer({ min: 401, max: 900 }),
          fc.boolean(),
          async (steps, merges, day, coarse) => {
            run += 1;
            const store = new EmbeddedDocumentStore({
              filename: join(folder, `documents-${run}.sqlite`),
            });
            try {
              // Coarse placement times (start of the month) make many equal recencies and amounts.
              const orders = runSteps(steps).map((event) =>
                coarse && event.type === 'OrderPlaced'
                  ? {
                      ...event,
                      data: {
                        ...event.data,
                        placedAt: `${String(event.data.placedAt).slice(0, 7)}-01T00:00:00.000Z`,
                      },
                    }
                  : event,
              );
              await project(store, interleaveMerges(orders, merges).log);
              const asOf = new Date(HISTORY_START + day * DAY + 3_600_000);
              const ids = [...[0, 1, 2, 3, 4, 5].map(customerIdOf), 'unknown'];
              const everyone = await rfmResults(store, asOf);
              const expected = new Map(everyone.map((r) => [r.customerId, r]));
              expect(await rfmOfCustomers(store, ids, asOf)).toEqual(expected);
            } finally {
              await store.close();
            }
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
