import fc from 'fast-check';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { Document } from '@crm/documents';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import type { RecordedEvent } from '@crm/eventsourcing';
import { pipelineProjections } from '../../pipeline-read-side';
import {
  expectedConversion,
  expectedStageOrder,
  expectedWinRate,
} from '../../testing/conversion-expectations';
import { PIPELINE_IDS, pipelineSteps, runSteps } from '../../testing/pipeline-history.arbitrary';
import { pipelineConversion, pipelineWinRate } from './conversion.reads';
import { WIN_RATE_KEYS } from './win-rate';

const kindOf = (stageId: string) =>
  stageId === 'won' ? 'won' : stageId === 'lost' ? 'lost' : 'open';

/** The read models of a history, in a fresh embedded store with their declared indexes. */
const storeOf = async (events: readonly RecordedEvent[]): Promise<EmbeddedDocumentStore> => {
  const context = await InMemoryProjectionContext.fold(pipelineProjections, events);
  const store = new EmbeddedDocumentStore({ filename: ':memory:' });
  for (const collection of pipelineProjections.flatMap((p) => p.collections)) {
    await store.ensureCollection(collection);
    await store.insertMany(collection.name, context.all<Document>(collection.name));
  }
  return store;
};

const instant = (events: readonly RecordedEvent[], pick: number): string => {
  const event = events[pick % events.length];
  return new Date(Date.parse(String(event?.data.at)) + (pick % 3) - 1).toISOString();
};

describe('conversion and win-rate reads on the embedded store (property)', () => {
  it('read only the stays of the period and answer what the independent fold says', async () => {
    await fc.assert(
      fc.asyncProperty(
        pipelineSteps(),
        fc.tuple(fc.nat(), fc.nat(), fc.nat()),
        fc.constantFrom(...WIN_RATE_KEYS),
        async (steps, [a, b, c], by) => {
          const events = runSteps(steps);
          const documents = await storeOf(events);
          try {
            const [from, to] = [instant(events, a), instant(events, b)].sort() as [string, string];
            const window = { from, to, asOf: instant(events, c) };
            for (const pipelineId of PIPELINE_IDS) {
              if (expectedStageOrder(events, pipelineId, window.asOf) === null) {
                await expect(pipelineConversion(documents, pipelineId, window)).rejects.toThrow(
                  'was not yet defined',
                );
                continue;
              }
              const sut = await pipelineConversion(documents, pipelineId, window);
              expect(sut.stages.map(({ name: _n, kind: _k, ...rest }) => rest)).toEqual(
                expectedConversion(events, pipelineId, window, kindOf),
              );
              const rate = await pipelineWinRate(documents, by, pipelineId, window);
              const expected = expectedWinRate(events, by, window, pipelineId);
              expect(new Map(rate.groups.map(({ key, ...f }) => [key, f]))).toEqual(
                expected.groups,
              );
              expect(rate.total).toEqual(expected.total);
            }
            const all = await pipelineWinRate(documents, by, null, window);
            expect(all.total).toEqual(expectedWinRate(events, by, window).total);
          } finally {
            await documents.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
