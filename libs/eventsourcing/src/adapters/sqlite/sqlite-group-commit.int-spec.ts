import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuplicateEventIdError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../store/errors';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import Database from 'better-sqlite3';
import { verifyChain } from '../../store/hash-chain';
import { SqliteAppender } from './sqlite-appender';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore group commit', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-group-commit-'));
  let sut: SqliteEventStore;
  let commits: jest.SpyInstance;
  beforeEach(() => {
    sut = new SqliteEventStore({ filename: join(folder, `${aStreamId('db')}.sqlite`) });
    commits = jest.spyOn(SqliteAppender.prototype, 'commit');
  });
  afterEach(async () => {
    commits.mockRestore();
    await sut.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const existingStream = async (): Promise<string> => {
    const streamId = aStreamId();
    await sut.append(streamId, [aNewEvent()], 'no_stream');
    commits.mockClear();
    return streamId;
  };

  it('commits 32 concurrent appends to distinct streams in one transaction, each with its own result', async () => {
    const streams = Array.from({ length: 32 }, () => aStreamId());
    const results = await Promise.all(
      streams.map((streamId) => sut.append(streamId, [aNewEvent()], 'no_stream')),
    );
    expect(commits).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual(streams.map(() => 0));
    const positions = results.map((r) => r.position);
    expect(positions).toEqual(positions.map((_, i) => (positions[0] ?? 0) + i));
    for (const [index, streamId] of streams.entries()) {
      expect((await sut.readStream(streamId))[0]?.position).toBe(positions[index]);
    }
  });

  it('fails only the append with a stale expected revision, in the middle of a batch', async () => {
    const stale = await existingStream();
    const [before, conflicting, after] = await Promise.allSettled([
      sut.append(aStreamId(), [aNewEvent()], 'no_stream'),
      sut.append(stale, [aNewEvent()], 5),
      sut.append(aStreamId(), [aNewEvent()], 'no_stream'),
    ]);
    expect(commits).toHaveBeenCalledTimes(1);
    expect(before?.status).toBe('fulfilled');
    expect(after?.status).toBe('fulfilled');
    expect((conflicting as PromiseRejectedResult).reason).toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await sut.readStream(stale)).toHaveLength(1);
  });

  it('rolls back a refused multi-event append alone, leaving no partial write', async () => {
    const original = aNewEvent();
    await sut.append(aStreamId(), [original], 'no_stream');
    const reusing = aStreamId();
    const outcomes = await Promise.allSettled([
      sut.append(aStreamId(), [aNewEvent()], 'no_stream'),
      sut.append(reusing, [aNewEvent(), aNewEvent(original)], 'no_stream'),
      sut.append(aStreamId(), [aNewEvent()], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(await sut.readStream(reusing)).toEqual([]);
  });

  it('keeps the hash chain unbroken across a batch with refused appends in it', async () => {
    const filename = join(folder, `${aStreamId('chain')}.sqlite`);
    const store = new SqliteEventStore({ filename });
    const original = aNewEvent();
    const stale = aStreamId();
    await store.append(stale, [original], 'no_stream');
    const outcomes = await Promise.allSettled([
      store.append(aStreamId(), [aNewEvent(), aNewEvent()], 'no_stream'),
      store.append(aStreamId(), [aNewEvent(), aNewEvent(original)], 'no_stream'),
      store.append(stale, [aNewEvent()], 7),
      store.append(stale, [original], 'no_stream'),
      store.append(aStreamId(), [aNewEvent()], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    await store.close();
    const db = new Database(filename, { readonly: true });
    const links = db
      .prepare<[], Parameters<typeof verifyChain>[0] extends Iterable<infer L> ? L : never>(
        `SELECT position, event_id AS eventId, stream_id AS streamId, revision, type,
                schema_version AS schemaVersion, data, metadata, recorded_at AS recordedAt,
                previous_hash AS previousHash, hash
         FROM events ORDER BY position`,
      )
      .all();
    db.close();
    expect(links).toHaveLength(4);
    expect(verifyChain(links)).toMatchObject({ checked: 4, firstBreak: null });
  });

  it('refuses a one-event append whose id is taken, in the middle of a batch, leaving the rest', async () => {
    const taken = aNewEvent();
    await sut.append(aStreamId(), [taken], 'no_stream');
    commits.mockClear();
    const streams = [aStreamId(), aStreamId(), aStreamId()];
    const outcomes = await Promise.allSettled([
      sut.append(streams[0] ?? '', [aNewEvent()], 'no_stream'),
      sut.append(streams[1] ?? '', [aNewEvent(taken)], 'no_stream'),
      sut.append(streams[2] ?? '', [aNewEvent()], 'no_stream'),
    ]);
    expect(commits).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    const read = await Promise.all(streams.map((s) => sut.readStream(s)));
    expect(read.map((events) => events.length)).toEqual([1, 0, 1]);
    const positions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.position] : []));
    expect(positions[1]).toBe((positions[0] ?? 0) + 1);
  });

  it('checks each append against the ones before it in the same batch', async () => {
    const streamId = await existingStream();
    const outcomes = await Promise.allSettled([
      sut.append(streamId, [aNewEvent({ data: { writer: 'a' } })], 0),
      sut.append(streamId, [aNewEvent({ data: { writer: 'b' } })], 0),
      sut.append(streamId, [aNewEvent({ data: { writer: 'c' } })], 1),
    ]);
    expect(commits).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await sut.readStream(streamId)).map((e) => e.data.writer)).toEqual([
      undefined,
      'a',
      'c',
    ]);
  });

  it('answers a retry of the same batch inside one group commit as the first append', async () => {
    const streamId = aStreamId();
    const batch = [aNewEvent(), aNewEvent()];
    const [first, retry] = await Promise.all([
      sut.append(streamId, batch, 'no_stream'),
      sut.append(streamId, batch, 'no_stream'),
    ]);
    expect(retry).toEqual(first);
    expect(await sut.readStream(streamId)).toHaveLength(2);
  });

  it('refuses one append that repeats an event id within itself', async () => {
    const event = aNewEvent();
    await expect(sut.append(aStreamId(), [event, event], 'no_stream')).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
  });

  it('commits appends already submitted when the store closes', async () => {
    const filename = join(folder, `${aStreamId('db')}.sqlite`);
    const store = new SqliteEventStore({ filename });
    const streamId = aStreamId();
    const pending = store.append(streamId, [aNewEvent()], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    const reopened = new SqliteEventStore({ filename });
    expect(await reopened.readStream(streamId)).toHaveLength(1);
    await reopened.close();
  });

  it('fails every append of a batch with StoreUnavailableError when the store is closed', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    await store.close();
    const outcomes = await Promise.allSettled([
      store.append(aStreamId(), [aNewEvent()], 'no_stream'),
      store.append(aStreamId(), [aNewEvent()], 'no_stream'),
    ]);
    for (const outcome of outcomes) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    }
  });

  it('wakes a live subscriber once the batch commits', async () => {
    const from = await sut.headPosition();
    const controller = new AbortController();
    const seen: number[] = [];
    const done = (async () => {
      for await (const page of sut.subscribeToAll({
        fromPosition: from,
        signal: controller.signal,
      })) {
        seen.push(...page.events.map((e) => e.position));
        if (seen.length >= 8) controller.abort();
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => sut.append(aStreamId(), [aNewEvent()], 'no_stream')),
    );
    const timeout = setTimeout(() => controller.abort(), 5000);
    await done;
    clearTimeout(timeout);
    expect(seen).toEqual(results.map((r) => r.position));
  });
});
