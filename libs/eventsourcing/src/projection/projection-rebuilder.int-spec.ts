import { EmbeddedDocumentStore } from '@crm/documents';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { aNewEvent } from '../testing/event-factory';
import type { RebuildProgress } from './projection-rebuilder';
import { ProjectionRebuilder } from './projection-rebuilder';
import { documentProjection } from './projection';

const counter = documentProjection<{ _id: string; count: number }>({
  name: 'counter',
  collection: { name: 'counter_docs' },
  handles: ['Counted'],
  documentId: () => 'all',
  evolve: (doc) => ({ _id: 'all', count: (doc?.count ?? 0) + 1 }),
});

describe('ProjectionRebuilder progress', () => {
  let events: SqliteEventStore;
  let documents: EmbeddedDocumentStore;
  beforeEach(() => {
    events = new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 10 });
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
  });

  it('counts the events it applies and those it must apply, never positions', async () => {
    // 40 events it handles among 120 others: positions run to 160, the work is 40 events.
    for (let i = 0; i < 40; i += 1) {
      await events.append(`s-${i}`, [aNewEvent({ type: 'Counted' })], 'no_stream');
      await events.append(
        `o-${i}`,
        [1, 2, 3].map(() => aNewEvent({ type: 'Other' })),
        'no_stream',
      );
    }
    const seen: RebuildProgress[] = [];
    const sut = new ProjectionRebuilder(events, documents, { batchSize: 7 });
    const done = await sut.rebuild(counter, (progress) => seen.push(progress));
    expect(done).toMatchObject({ state: 'done', eventsDone: 40, eventsTotal: 40, total: 160 });
    expect(await documents.get('counter_docs', 'all')).toMatchObject({ count: 40 });
    for (const progress of seen) {
      expect(progress.eventsDone).toBeLessThanOrEqual(progress.eventsTotal);
      expect(progress.eventsTotal).toBe(40);
    }
  });
});
