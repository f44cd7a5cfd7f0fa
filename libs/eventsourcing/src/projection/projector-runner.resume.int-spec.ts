import { EmbeddedDocumentStore } from '@crm/documents';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { aNewEvent } from '../testing/event-factory';
import type { Projection } from './projection';
import { documentProjection } from './projection';
import type { ProjectionOwnership } from './projection-ownership';
import { readStops } from './projection-stops';
import { ProjectorRunner } from './projector-runner';

type Tally = { _id: string; count: number };

/** Counts `Added` events per key; `failing(event)` decides whether applying one throws. */
const tally = (name: string, failing: (value: unknown) => boolean = () => false): Projection =>
  documentProjection<Tally>({
    name,
    collection: { name: `${name}_docs` },
    handles: ['Added'],
    documentId: (event) => String(event.data.key),
    evolve: (doc, event) => {
      if (failing(event.data.value)) throw new Error(`cannot project ${String(event.data.value)}`);
      return { _id: String(event.data.key), count: (doc?.count ?? 0) + 1 };
    },
  });

const added = (key: string, value: number) => aNewEvent({ type: 'Added', data: { key, value } });

const waitUntil = async (condition: () => boolean | Promise<boolean>, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('ProjectorRunner resuming a projection after a backoff', () => {
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

  it('applies every page it missed while parked when its retry comes due in the middle of a subscription', async () => {
    // The clock only moves when the test says so: the retry comes due between two pages of
    // one subscription, not through the runner's retry timer (issue 17, item 1).
    let now = 1_000_000;
    let failuresLeft = 1;
    const flaky = tally('flaky', () => failuresLeft-- > 0);
    const runner = new ProjectorRunner(events, documents, [flaky, tally('steady')], {
      clock: () => now,
      maxBackoffMs: 60_000,
    });
    await runner.start();
    let last = (await events.append('s-1', [added('c', 1)], 'no_stream')).position;
    await waitUntil(() => runner.status()[0]?.state === 'stopped');
    for (let i = 0; i < 5; i += 1) {
      last = (await events.append('s-1', [added('c', 1)], i)).position;
      expect(await runner.waitFor(['steady'], last, 2000)).toBe(true);
    }
    now += 120_000; // the parked projection is due again; the subscription goes on
    last = (await events.append('s-1', [added('c', 1)], 5)).position;
    expect(await runner.waitFor(['steady', 'flaky'], last, 2000)).toBe(true);
    await runner.stop();

    expect(await documents.get('steady_docs', 'c')).toMatchObject({ count: 7 });
    expect(await documents.get('flaky_docs', 'c')).toMatchObject({ count: 7 });
    expect(runner.status()[0]).toMatchObject({ state: 'idle', position: last });
  });

  it('stops at an event it cannot apply, names it, and resumes exactly there once it applies', async () => {
    let broken = true;
    const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const runner = new ProjectorRunner(
      events,
      documents,
      [tally('picky', (value) => broken && value === 13), tally('other')],
      { maxBackoffMs: 10, logger },
    );
    await runner.start();
    const before = await events.append('s-1', [added('a', 1)], 'no_stream');
    await runner.waitFor(['picky'], before.position, 2000);
    const poison = await events.append('s-1', [added('a', 13)], 0);
    const after = await events.append('s-1', [added('a', 2)], 1);
    expect(await runner.reach(['picky'], after.position, 60_000)).toBe('stopped');
    expect(await runner.waitFor(['other'], after.position, 2000)).toBe(true);

    const stopped = runner.status().find((s) => s.name === 'picky');
    expect(stopped).toMatchObject({
      state: 'stopped',
      position: before.position,
      stoppedAt: { position: poison.position, type: 'Added', error: 'cannot project 13' },
    });
    expect(runner.blocking(['picky', 'other'], after.position).map((s) => s.name)).toEqual([
      'picky',
    ]);
    expect(await documents.getCheckpoint('picky')).toBe(before.position);
    expect(logger.error).toHaveBeenCalledWith(
      'projection stopped at an event it cannot apply; retrying',
      expect.objectContaining({
        projection: 'picky',
        position: poison.position,
        type: 'Added',
        error: 'cannot project 13',
      }),
    );
    expect((await readStops(documents)).get('picky')).toMatchObject({ position: poison.position });

    broken = false; // the fix ships
    expect(await runner.waitFor(['picky'], after.position, 3000)).toBe(true);
    await runner.stop();
    expect(await documents.get('picky_docs', 'a')).toMatchObject({ count: 3 });
    expect(runner.status().find((s) => s.name === 'picky')?.stoppedAt).toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith(
      'projection resumed past the event it had stopped at',
      expect.objectContaining({ projection: 'picky', position: poison.position }),
    );
    await waitUntil(async () => !(await readStops(documents)).has('picky'));
  });

  it('answers a wait on a stopped projection at once instead of after the timeout', async () => {
    const runner = new ProjectorRunner(events, documents, [tally('stuck', (v) => v === 13)], {
      maxBackoffMs: 60_000,
    });
    await runner.start();
    const poison = await events.append('s-1', [added('a', 13)], 'no_stream');
    await waitUntil(() => runner.status()[0]?.state === 'stopped');
    let answered = false;
    const wait = runner.reach(['stuck'], poison.position, 600_000).then((outcome) => {
      answered = true;
      return outcome;
    });
    await waitUntil(() => answered, 2000);
    expect(await wait).toBe('stopped');
    expect(await runner.waitFor(['stuck'], poison.position, 50)).toBe(false);
    await runner.stop();
  });
});

/** Ownership the test hands around, as an advisory lock would. */
const switchableOwnership = (owned: Set<string>) => {
  const listeners = new Set<() => void>();
  const ownership: ProjectionOwnership = {
    owns: (name) => owned.has(name),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (names: string[]) => {
    owned.clear();
    for (const name of names) owned.add(name);
    for (const listener of listeners) listener();
  };
  return { ownership, set };
};

describe('ProjectorRunner with ownership shared between processes', () => {
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

  it('keeps a projection it does not own on standby and applies nothing to it', async () => {
    const { ownership } = switchableOwnership(new Set(['mine']));
    const runner = new ProjectorRunner(events, documents, [tally('mine'), tally('theirs')], {
      ownership,
    });
    await runner.start();
    const result = await events.append('s-1', [added('a', 1)], 'no_stream');
    expect(await runner.waitFor(['mine'], result.position, 2000)).toBe(true);
    expect(runner.status().find((s) => s.name === 'theirs')?.state).toBe('standby');
    await runner.stop();
    expect(await documents.get('theirs_docs', 'a')).toBeNull();
    expect(await documents.getCheckpoint('theirs')).toBeNull();
  });

  it('reloads the checkpoint another process moved before applying a projection it now owns', async () => {
    const a = switchableOwnership(new Set(['shared']));
    const b = switchableOwnership(new Set());
    const first = new ProjectorRunner(events, documents, [tally('shared')], {
      ownership: a.ownership,
    });
    const second = new ProjectorRunner(events, documents, [tally('shared')], {
      ownership: b.ownership,
    });
    await first.start();
    await second.start();
    const one = await events.append('s-1', [added('a', 1)], 'no_stream');
    expect(await first.waitFor(['shared'], one.position, 2000)).toBe(true);
    expect(second.status()[0]?.state).toBe('standby');

    a.set([]); // the lock moves to the second process
    b.set(['shared']);
    const two = await events.append('s-1', [added('a', 1), added('a', 1)], 0);
    expect(await second.waitFor(['shared'], two.position, 2000)).toBe(true);
    expect(first.status()[0]?.state).toBe('standby');

    b.set([]); // and back: the first reloads what the second stored
    a.set(['shared']);
    const three = await events.append('s-1', [added('a', 1)], 2);
    expect(await first.waitFor(['shared'], three.position, 2000)).toBe(true);
    await first.stop();
    await second.stop();
    expect(await documents.get('shared_docs', 'a')).toMatchObject({ count: 4 });
    expect(await documents.getCheckpoint('shared')).toBe(three.position);
  });
});
