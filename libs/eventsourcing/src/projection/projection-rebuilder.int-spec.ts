import { EmbeddedDocumentStore } from '@crm/documents';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { aNewEvent } from '../testing/event-factory';
import type { RebuildProgress } from './projection-rebuilder';
import { ProjectionRebuilder } from './projection-rebuilder';
import { documentProjection } from './projection';
import { PROJECTION_STOPS } from './projection-stops';

let failuresLeft = 0;
const counter = documentProjection<{ _id: string; count: number }>({
  name: 'counter',
  collection: { name: 'counter_docs' },
  handles: ['Counted'],
  documentId: () => 'all',
  evolve: (doc) => {
    // A transient failure: the copy stops at an event once, then goes on.
    if (doc?.count === 20 && failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('transient');
    }
    return { _id: 'all', count: (doc?.count ?? 0) + 1 };
  },
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
    failuresLeft = 1;
    const seen: RebuildProgress[] = [];
    const sut = new ProjectionRebuilder(events, documents, { batchSize: 7 });
    const done = await sut.rebuild(counter, (progress) => seen.push(progress));
    expect(done).toMatchObject({ state: 'done', eventsDone: 40, eventsTotal: 40, total: 160 });
    expect(await documents.get('counter_docs', 'all')).toMatchObject({ count: 40 });
    // The copy's stop record goes with the copy: no stop is listed under the shadow's name.
    expect(await documents.get(PROJECTION_STOPS, 'counter__rb')).toBeNull();
    for (const progress of seen) {
      expect(progress.eventsDone).toBeLessThanOrEqual(progress.eventsTotal);
      expect(progress.eventsTotal).toBe(40);
    }
  });
});
