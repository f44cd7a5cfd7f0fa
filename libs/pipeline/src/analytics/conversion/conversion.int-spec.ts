import fc from 'fast-check';
import { Client } from 'pg';
import type { Document, DocumentStore } from '@crm/documents';
import { EmbeddedDocumentStore, PostgresDocumentStore } from '@crm/documents';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import type { RecordedEvent } from '@crm/eventsourcing';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { pipelineProjections } from '../../pipeline-read-side';
import { STAGE_HISTORY } from '../../projections/pipeline-board.document';
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
const COLLECTIONS = pipelineProjections.flatMap((p) => p.collections);

/** The read models of a history, fresh in the store, with their declared indexes. */
const load = async (store: DocumentStore, events: readonly RecordedEvent[]): Promise<void> => {
  const context = await InMemoryProjectionContext.fold(pipelineProjections, events);
  for (const collection of COLLECTIONS) {
    await store.dropCollection(collection.name);
    await store.ensureCollection(collection);
    await store.insertMany(collection.name, context.all<Document>(collection.name));
  }
};

const instant = (events: readonly RecordedEvent[], pick: number): string => {
  const event = events[pick % events.length];
  return new Date(Date.parse(String(event?.data.at)) + (pick % 3) - 1).toISOString();
};

/** The reads (filters, ranges and paging pushed down to the store) against the independent fold. */
const readsMatchTheFold = (store: () => DocumentStore, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(
      pipelineSteps(),
      fc.tuple(fc.nat(), fc.nat(), fc.nat()),
      fc.constantFrom(...WIN_RATE_KEYS),
      async (steps, [a, b, c], by) => {
        const events = runSteps(steps);
        const documents = store();
        await load(documents, events);
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
          expect(new Map(rate.groups.map(({ key, ...f }) => [key, f]))).toEqual(expected.groups);
          expect(rate.total).toEqual(expected.total);
        }
        const all = await pipelineWinRate(documents, by, null, window);
        expect(all.total).toEqual(expectedWinRate(events, by, window).total);
      },
    ),
    { numRuns },
  );

describe('conversion and win-rate reads on the embedded store (property)', () => {
  let store: EmbeddedDocumentStore;
  beforeAll(() => {
    store = new EmbeddedDocumentStore({ filename: ':memory:' });
  });
  afterAll(() => store.close());

  it('read only the stays of the period and answer what the independent fold says', async () => {
    await readsMatchTheFold(() => store, 25);
  }, 60_000);
});

describeWithPostgres('conversion and win-rate reads on PostgreSQL (property)', (url) => {
  const schema = uniqueSchemaName('pipeline_conversion');
  let store: PostgresDocumentStore;
  beforeAll(async () => {
    store = await PostgresDocumentStore.connect({ connectionString: url, schema, poolSize: 2 });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  it('read only the stays of the period and answer what the independent fold says', async () => {
    await readsMatchTheFold(() => store, 15);
  }, 120_000);
});

describeWithPostgres('win rate of every pipeline on PostgreSQL (query plan)', (url) => {
  const schema = uniqueSchemaName('pipeline_win_rate');
  const HOUR_MS = 3_600_000;
  const T0 = Date.parse('2026-01-01T00:00:00.000Z');
  const kinds = ['won', 'lost', ...Array<string>(8).fill('open')];
  /** A year of stays, one an hour, one in ten won and one in ten lost. */
  const aStay = (i: number): Document => ({
    _id: `s-${i}`,
    opportunityId: `o-${i % 500}`,
    pipelineId: `p-${i % 3}`,
    stageId: kinds[i % 10] ?? 'open',
    stageKind: kinds[i % 10] ?? 'open',
    enteredAt: new Date(T0 + i * HOUR_MS).toISOString(),
    exitedAt: null,
  });
  let store: PostgresDocumentStore;
  beforeAll(async () => {
    store = await PostgresDocumentStore.connect({ connectionString: url, schema, poolSize: 2 });
    const spec = COLLECTIONS.find((c) => c.name === STAGE_HISTORY);
    if (!spec) throw new Error(`no ${STAGE_HISTORY} collection`);
    await store.ensureCollection(spec);
    await store.insertMany(
      STAGE_HISTORY,
      Array.from({ length: 8_760 }, (_, i) => aStay(i)),
    );
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`ANALYZE "${schema}".doc_${STAGE_HISTORY}`);
    await client.end();
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  it('reads the won (or lost) stays of a period through the (stageKind, enteredAt) index', async () => {
    const plan = await store.explainFind(
      STAGE_HISTORY,
      {
        stageKind: 'won',
        enteredAt: { $gte: '2026-03-01T00:00:00.000Z', $lte: '2026-03-31T23:59:59.999Z' },
      },
      { sort: { enteredAt: 1 }, limit: 5_000 },
    );
    // The kind is an index condition, not a filter over every stay of the period.
    expect(plan).toMatch(
      /Index Cond: \(\(\(body -> 'stageKind'::text\) = '"won"'::jsonb\) AND .*enteredAt/,
    );
    expect(plan).not.toContain('Seq Scan');
  });
});
