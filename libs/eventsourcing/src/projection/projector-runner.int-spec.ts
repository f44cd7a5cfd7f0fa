import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { aNewEvent } from '../testing/event-factory';
import type { Projection } from './projection';
import { documentProjection } from './projection';
import { ProjectorRunner } from './projector-runner';

type Tally = { _id: string; count: number; sum: number };

const tally = (name = 'tally', failOn?: number): Projection =>
  documentProjection<Tally>({
    name,
    collection: { name: `${name}_docs` },
    handles: ['Added'],
    documentId: (event) => String(event.data.key),
    evolve: (doc, event) => {
      if (event.data.value === failOn) throw new Error(`cannot project ${failOn}`);
      return {
        _id: String(event.data.key),
        count: (doc?.count ?? 0) + 1,
        sum: (doc?.sum ?? 0) + Number(event.data.value),
      };
    },
  });

const added = (key: string, value: number) => aNewEvent({ type: 'Added', data: { key, value } });
const other = () => aNewEvent({ type: 'Ignored' });

describe('ProjectorRunner', () => {
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

  it('catches up from the start, follows live events, and keeps its checkpoint with its documents', async () => {
    await events.append(
      's-1',
      [added('a', 1), added('b', 2), aNewEvent({ type: 'Ignored' })],
      'no_stream',
    );
    const runner = new ProjectorRunner(events, documents, [tally()], { batchSize: 2 });
    await runner.start();
    const live = await events.append('s-1', [added('a', 10)], 2);
    expect(await runner.waitFor(['tally'], live.position, 2000)).toBe(true);
    await runner.stop();
    expect(await documents.get('tally_docs', 'a')).toMatchObject({
      count: 2,
      sum: 11,
      _position: live.position,
    });
    expect(await documents.get('tally_docs', 'b')).toMatchObject({ count: 1, sum: 2 });
    expect(await documents.getCheckpoint('tally')).toBe(live.position);
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await events.append('s-1', [added('a', 1)], 'no_stream');
    const first = new ProjectorRunner(events, documents, [tally()]);
    await first.start();
    await first.waitFor(['tally'], 1, 2000);
    await first.stop();
    const next = await events.append('s-1', [added('a', 5)], 0);
    const second = new ProjectorRunner(events, documents, [tally()]);
    await second.start();
    await second.waitFor(['tally'], next.position, 2000);
    await second.stop();
    expect(await documents.get('tally_docs', 'a')).toMatchObject({ count: 2, sum: 6 });
  });

  it('skips events a document already folded in (a batch re-applied without a transaction)', async () => {
    const result = await events.append('s-1', [added('a', 1), added('a', 2)], 'no_stream');
    await documents.upsert('tally_docs', {
      _id: 'a',
      count: 2,
      sum: 3,
      _position: result.position,
    });
    const runner = new ProjectorRunner(events, documents, [tally()]);
    await runner.start();
    await runner.waitFor(['tally'], result.position, 2000);
    await runner.stop();
    expect(await documents.get('tally_docs', 'a')).toMatchObject({ count: 2, sum: 3 });
  });

  it('follows a reset of its checkpoint (rebuild) instead of writing over it', async () => {
    await events.append('s-1', [added('a', 1), added('a', 2)], 'no_stream');
    const runner = new ProjectorRunner(events, documents, [tally()]);
    await runner.start();
    await runner.waitFor(['tally'], 2, 2000);
    // Another process resets the read model while this runner is live.
    await documents.dropCollection('tally_docs');
    await documents.deleteCheckpoint('tally');
    const next = await events.append('s-1', [added('a', 3)], 1);
    await waitUntil(async () => (await documents.get<Tally>('tally_docs', 'a'))?.count === 3);
    await runner.stop();
    expect(await documents.get('tally_docs', 'a')).toMatchObject({ count: 3, sum: 6 });
    expect(await documents.getCheckpoint('tally')).toBe(next.position);
  });

  it('commits the events before one it cannot apply, stops right at it, and retries with backoff', async () => {
    await events.append('s-1', [added('a', 1), added('a', 13), added('a', 2)], 'no_stream');
    const [first] = await events.readStream('s-1');
    const runner = new ProjectorRunner(events, documents, [tally('stuck', 13)], {
      maxBackoffMs: 20,
    });
    await runner.start();
    await waitUntil(async () => runner.status()[0]?.state === 'stopped');
    await runner.stop();
    expect(runner.status()[0]?.lastError).toMatch(/cannot project 13/);
    expect(runner.status()[0]?.stoppedAt).toMatchObject({
      type: 'Added',
      error: 'cannot project 13',
    });
    expect(await documents.getCheckpoint('stuck')).toBe(first?.position);
    expect(await documents.get('stuck_docs', 'a')).toMatchObject({ count: 1, sum: 1 });
  });
  it('reads each page of the log once, whatever the number of projections', async () => {
    await events.append('s-1', [added('a', 1), added('b', 2), added('c', 3), other()], 'no_stream');
    const readsFor = async (projections: Projection[]): Promise<number> => {
      const reads = jest.spyOn(events, 'readAll');
      const runner = new ProjectorRunner(events, documents, projections, { batchSize: 2 });
      await runner.start();
      await runner.waitFor(
        projections.map((p) => p.name),
        4,
        2000,
      );
      await runner.stop();
      const count = reads.mock.calls.length;
      reads.mockRestore();
      return count;
    };
    const one = await readsFor([tally('one')]);
    const three = await readsFor([tally('x'), tally('y'), tally('z')]);
    expect(three).toBe(one);
    for (const name of ['one', 'x', 'y', 'z']) {
      expect(await documents.get(`${name}_docs`, 'c')).toMatchObject({ count: 1, sum: 3 });
    }
  });

  it('parks a projection that fails while the others keep following the log', async () => {
    await events.append('s-1', [added('a', 1), added('a', 13)], 'no_stream');
    const runner = new ProjectorRunner(events, documents, [tally('stuck', 13), tally('fine')], {
      maxBackoffMs: 20,
    });
    await runner.start();
    const live = await events.append('s-1', [added('a', 2)], 1);
    expect(await runner.waitFor(['fine'], live.position, 2000)).toBe(true);
    await runner.stop();
    expect(await documents.get('fine_docs', 'a')).toMatchObject({ count: 3, sum: 16 });
    expect(await documents.get('stuck_docs', 'a')).toMatchObject({ count: 1, sum: 1 });
    expect(runner.status().find((s) => s.name === 'stuck')?.lastError).toMatch(/cannot project/);
  });

  it('waits for a projection named twice like any other', async () => {
    const runner = new ProjectorRunner(events, documents, [tally()]);
    await runner.start();
    const live = await events.append('s-1', [added('a', 1)], 'no_stream');
    expect(await runner.waitFor(['tally', 'tally'], live.position, 2000)).toBe(true);
    await runner.stop();
  });

  it('lets other work run between the pages of a catch-up', async () => {
    const many = Array.from({ length: 200 }, (_, i) => added(`k${i % 7}`, 1));
    const result = await events.append('s-1', many, 'no_stream');
    const runner = new ProjectorRunner(events, documents, [tally()], { batchSize: 10 });
    await runner.start();
    const seenMidway = await new Promise<number>((resolve) =>
      setImmediate(() => resolve(runner.status()[0]?.position ?? 0)),
    );
    await runner.waitFor(['tally'], result.position, 5000);
    await runner.stop();
    expect(seenMidway).toBeLessThan(result.position);
  });
});

describe('ProjectorRunner checkpoints of projections with nothing to apply', () => {
  let folder: string;
  const open = () => ({
    events: new SqliteEventStore({ filename: join(folder, 'events.sqlite'), pollIntervalMs: 10 }),
    documents: new EmbeddedDocumentStore({ filename: join(folder, 'documents.sqlite') }),
  });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'projector-runner-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('moves on without a commit per page, and stores the checkpoint on stop', async () => {
    const { events, documents } = open();
    const first = await events.append('s-1', [added('a', 1)], 'no_stream');
    const runner = new ProjectorRunner(events, documents, [tally()], {
      checkpointEveryMs: 60_000,
    });
    await runner.start();
    await runner.waitFor(['tally'], first.position, 2000);
    const commits = jest.spyOn(documents, 'commit');
    const idle = await events.append('s-1', [other(), other()], 0);
    expect(await runner.waitFor(['tally'], idle.position, 2000)).toBe(true);
    expect(commits).not.toHaveBeenCalled();
    expect(await documents.getCheckpoint('tally')).toBe(first.position);
    await runner.stop();
    expect(await documents.getCheckpoint('tally')).toBe(idle.position);
    await events.close();
    await documents.close();
  });

  it('stores the checkpoints it has passed once the log has been quiet', async () => {
    const { events, documents } = open();
    const first = await events.append('s-1', [added('a', 1)], 'no_stream');
    const runner = new ProjectorRunner(events, documents, [tally()], {
      checkpointEveryMs: 60_000,
      checkpointWhenQuietMs: 10,
    });
    await runner.start();
    await runner.waitFor(['tally'], first.position, 2000);
    const idle = await events.append('s-1', [other(), other()], 0);
    await waitUntil(async () => (await documents.getCheckpoint('tally')) === idle.position);
    await runner.stop();
    await events.close();
    await documents.close();
  });

  it('stores a checkpoint it could not store while the log was idle, without waiting for an event', async () => {
    const { events, documents } = open();
    const first = await events.append('s-1', [added('a', 1)], 'no_stream');
    let refusals = 1;
    const flaky = Object.create(documents) as EmbeddedDocumentStore;
    flaky.commit = (batch) => {
      if (batch.writes.length === 0 && refusals-- > 0) return Promise.reject(new Error('busy'));
      return documents.commit(batch);
    };
    const runner = new ProjectorRunner(events, flaky, [tally()], {
      checkpointEveryMs: 50,
      maxBackoffMs: 10,
    });
    await runner.start();
    await runner.waitFor(['tally'], first.position, 2000);
    const idle = await events.append('s-1', [other(), other()], 0);
    await waitUntil(async () => (await documents.getCheckpoint('tally')) === idle.position);
    expect(refusals).toBeLessThan(0);
    await runner.stop();
    await events.close();
    await documents.close();
  });

  it('after a crash before its checkpoint was stored, resumes without losing or counting twice', async () => {
    const crashed = open();
    const first = await crashed.events.append('s-1', [added('a', 1)], 'no_stream');
    const runner = new ProjectorRunner(crashed.events, crashed.documents, [tally()], {
      checkpointEveryMs: 60_000,
    });
    await runner.start();
    await runner.waitFor(['tally'], first.position, 2000);
    const idle = await crashed.events.append('s-1', [other(), other()], 0);
    await runner.waitFor(['tally'], idle.position, 2000);
    // The process dies: its stores go away before anything else is stored.
    await crashed.documents.close();
    await runner.stop();
    await crashed.events.close();

    const restarted = open();
    expect(await restarted.documents.getCheckpoint('tally')).toBe(first.position);
    const next = await restarted.events.append('s-1', [added('a', 5)], 2);
    const again = new ProjectorRunner(restarted.events, restarted.documents, [tally()]);
    await again.start();
    expect(await again.waitFor(['tally'], next.position, 2000)).toBe(true);
    await again.stop();
    expect(await restarted.documents.get('tally_docs', 'a')).toMatchObject({ count: 2, sum: 6 });
    expect(await restarted.documents.getCheckpoint('tally')).toBe(next.position);
    await restarted.events.close();
    await restarted.documents.close();
  });

  it('commits the events appended while it applies a page together: one transaction for all of them', async () => {
    const { events, documents } = open();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = tally();
    let applying = false;
    const projection: Projection = {
      ...slow,
      async apply(event, context) {
        if (event.data.key === 'first') {
          applying = true;
          await gate; // e.g. a document store across the network
        }
        await slow.apply(event, context);
      },
    };
    const commit = jest.spyOn(documents, 'commit');
    await events.append('s-1', [added('first', 1)], 'no_stream');
    const runner = new ProjectorRunner(events, documents, [projection]);
    await runner.start();
    await waitUntil(() => Promise.resolve(applying)); // the first page is being applied
    let last = 0;
    for (let i = 0; i < 5; i += 1) {
      last = (await events.append(`s-${i + 2}`, [added(`k${i}`, i)], 'no_stream')).position;
    }
    release();

    expect(await runner.waitFor([projection.name], last, 2000)).toBe(true);
    await runner.stop();
    const writes = commit.mock.calls.map(([batch]) => batch.writes.length).filter((n) => n > 0);
    expect(writes).toEqual([1, 5]);
    expect(await documents.getCheckpoint(projection.name)).toBe(last);
    await events.close();
    await documents.close();
  });
});

const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
