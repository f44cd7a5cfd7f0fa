import { randomUUID } from 'node:crypto';
import { StoreUnavailableError } from '../../store/errors';
import { aNewEvent } from '../../testing/event-factory';
import { commandEventId } from '../../decider/command-runner';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EVENT_ID_RESERVED, eventIdStream } from './eventstoredb-event-ids';
import type { TestRecord } from './eventstoredb-test-server';
import { EventStoreDbTestServer } from './eventstoredb-test-server';

// The real @eventstore/db-client against a gRPC server that accepts only a few concurrent
// streams per connection: a read left open holds one of them, and once they are all held
// every later call waits forever. Each check below would hang without the cancel.
const STREAM_LIMIT = 5;
const PADDING = 'x'.repeat(1_000); // fills HTTP/2 flow-control windows, as real events do

const aCrmRecord = (streamId: string, revision: number, position: number): TestRecord => {
  const event = aNewEvent({ data: { n: revision, padding: PADDING } });
  return {
    streamId,
    id: randomUUID(),
    revision,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, customerId: 'c-1' },
    position,
  };
};

/** Settles within `ms` or says the call hung. */
const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms)),
  ]);

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

jest.setTimeout(30_000);

describe('EventStoreDbEventStore leaves no gRPC call open (real client, local gRPC server)', () => {
  let server: EventStoreDbTestServer;
  let sut: EventStoreDbEventStore;

  beforeAll(async () => {
    server = new EventStoreDbTestServer({ maxConcurrentStreams: STREAM_LIMIT });
    for (let i = 0; i < 400; i += 1) {
      server.records.push(aCrmRecord(`customer-${i % 4}`, Math.floor(i / 4), 1_000 + i * 1_100));
    }
    await server.start();
    sut = await EventStoreDbEventStore.connect(server.connectionString, { readTimeoutMs: 5_000 });
  });

  afterAll(async () => {
    await sut.close();
    await server.stop();
  });

  it('reads pages of $all that stop early, many more times than the server has streams', async () => {
    for (let i = 0; i < STREAM_LIMIT * 4; i += 1) {
      const page = await within(3_000, sut.readAll({ fromPosition: 0, limit: 2 }));
      expect(page.events).toHaveLength(2);
    }
    await settle();
    expect(server.openCalls).toBe(0);
  });

  it('reads a stream up to a position, again and again', async () => {
    const toPosition = server.records[40]?.position ?? 0;
    for (let i = 0; i < STREAM_LIMIT * 4; i += 1) {
      const events = await within(3_000, sut.readStream('customer-0', { toPosition }));
      expect(events.every((event) => event.position <= toPosition)).toBe(true);
    }
    await settle();
    expect(server.openCalls).toBe(0);
  });

  it('finds the head and answers pings without holding a stream', async () => {
    const last = server.records.at(-1)?.position;
    for (let i = 0; i < STREAM_LIMIT * 4; i += 1) {
      expect(await within(3_000, sut.headPosition())).toBe(last);
      await within(3_000, sut.ping());
    }
    await settle();
    expect(server.openCalls).toBe(0);
  });
});

describe('EventStoreDbEventStore reads have a deadline', () => {
  it('answers "store unavailable" when a read never completes, and cancels it', async () => {
    const server = new EventStoreDbTestServer({
      maxConcurrentStreams: STREAM_LIMIT,
      hangReads: true,
    });
    await server.start();
    const sut = new EventStoreDbEventStore(
      (await import('@eventstore/db-client')).EventStoreDBClient.connectionString(
        server.connectionString,
      ),
      { readTimeoutMs: 300 },
    );
    try {
      await expect(
        within(3_000, sut.readAll({ fromPosition: 0, limit: 10 })),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      await settle();
      expect(server.openCalls).toBe(0);
    } finally {
      await sut.close();
      await server.stop();
    }
  });
});

describe('EventStoreDbEventStore connection strings and the head', () => {
  let server: EventStoreDbTestServer;

  beforeAll(async () => {
    server = new EventStoreDbTestServer({ maxConcurrentStreams: STREAM_LIMIT });
    server.records.push(aCrmRecord('customer-1', 0, 1_000));
    // A tail of system records after the last CRM event, as EventStoreDB writes ($stats, …).
    for (let i = 1; i <= 1_000; i += 1) {
      server.records.push({
        ...aCrmRecord('$stats-1', i, 1_000 + i * 100),
        type: '$statsCollected',
      });
    }
    await server.start();
  });

  afterAll(() => server.stop());

  it('connects with a KurrentDB connection string', async () => {
    const sut = await EventStoreDbEventStore.connect(
      server.connectionString.replace('esdb://', 'kurrentdb://'),
    );
    try {
      await within(3_000, sut.ping());
    } finally {
      await sut.close();
    }
  });

  it('finds the head past a system tail once, then reads only what came after it', async () => {
    const sut = await EventStoreDbEventStore.connect(server.connectionString);
    try {
      expect(await sut.headPosition()).toBe(1_000);
      const before = server.reads;
      expect(await sut.headPosition()).toBe(1_000);
      expect(server.reads - before).toBe(1);
      server.records.push(aCrmRecord('customer-2', 0, 500_000));
      server.records.push({ ...aCrmRecord('$stats-1', 1_001, 500_100), type: '$statsCollected' });
      expect(await sut.headPosition()).toBe(500_000);
    } finally {
      await sut.close();
    }
  });
});

describe('EventStoreDbEventStore on a server that sends no positions', () => {
  it('says which server version it needs instead of failing on an undefined field', async () => {
    const server = new EventStoreDbTestServer({
      maxConcurrentStreams: STREAM_LIMIT,
      omitPositions: true,
    });
    server.records.push(aCrmRecord('customer-1', 0, 1_000));
    await server.start();
    const sut = new EventStoreDbEventStore(
      (await import('@eventstore/db-client')).EventStoreDBClient.connectionString(
        server.connectionString,
      ),
    );
    try {
      await expect(sut.readAll({ fromPosition: 0, limit: 10 })).rejects.toThrow(/22\.6/);
    } finally {
      await sut.close();
      await server.stop();
    }
  });
});

describe('EventStoreDbEventStore finds a command of any age by its first event id', () => {
  const commandId = randomUUID();
  const firstEventId = commandEventId(commandId, 0);
  let server: EventStoreDbTestServer;
  let sut: EventStoreDbEventStore;

  beforeAll(async () => {
    server = new EventStoreDbTestServer({ maxConcurrentStreams: STREAM_LIMIT });
    for (let revision = 0; revision < 1_500; revision += 1) {
      const record = aCrmRecord('customer-7', revision, 10_000 + revision * 100);
      // The command appended revisions 10 and 11, more than 1,000 events ago.
      if (revision === 10 || revision === 11) {
        record.metadata = {
          ...record.metadata,
          commandId,
          eventId: revision === 10 ? firstEventId : commandEventId(commandId, 1),
        };
      }
      server.records.push(record);
    }
    server.records.push({
      ...aCrmRecord(eventIdStream(firstEventId), 0, 5_000),
      type: EVENT_ID_RESERVED,
      data: { eventId: firstEventId, streamId: 'customer-7' },
    });
    await server.start();
    sut = await EventStoreDbEventStore.connect(server.connectionString);
  });

  afterAll(async () => {
    await sut.close();
    await server.stop();
  });

  it('answers the last event of that command, however many events came after it', async () => {
    expect(await sut.findCommandResult('customer-7', commandId, firstEventId)).toEqual({
      nextExpectedRevision: 11,
      position: 10_000 + 11 * 100,
    });
  });

  it('answers a command never appended from its missing reservation, in one read', async () => {
    const other = randomUUID();
    const before = server.reads;
    expect(await sut.findCommandResult('customer-7', other, commandEventId(other, 0))).toBeNull();
    expect(server.reads - before).toBe(1);
  });
});
