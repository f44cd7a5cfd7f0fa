import { Client } from 'pg';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import type { PostgresEventStoreOptions } from './postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';

/** Long enough that a test only passes if something other than the poll woke the follower. */
const NEVER = 600_000;

const until = async (condition: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
};

const terminateBackend = async (url: string, pid: number): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await client.end();
  }
};

describeWithPostgres('PostgresEventStore live subscription', (url) => {
  const schema = uniqueSchemaName('events_notify');
  const stores: PostgresEventStore[] = [];
  const connect = async (
    options: Partial<PostgresEventStoreOptions> = {},
  ): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.connect({ connectionString: url, schema, ...options });
    stores.push(store);
    return store;
  };
  const controller = new AbortController();
  afterAll(async () => {
    controller.abort();
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(url, schema);
  });

  /** Follows the log from its head; returns the stream ids seen so far (live). */
  const follow = async (store: PostgresEventStore): Promise<Set<string>> => {
    const seen = new Set<string>();
    const from = await store.headPosition();
    void (async () => {
      for await (const page of store.subscribeToAll({
        fromPosition: from,
        signal: controller.signal,
      })) {
        for (const event of page.events) seen.add(event.streamId);
      }
    })();
    return seen;
  };

  it('wakes a follower as soon as another process commits (LISTEN/NOTIFY), with no polling', async () => {
    const follower = await connect({ pollIntervalMs: NEVER });
    const writer = await connect();
    const seen = await follow(follower);
    await until(() => follower.listenerPid !== null);
    await new Promise((resolve) => setTimeout(resolve, 100)); // its wake-up read has run
    const streamId = aStreamId();
    await writer.append(streamId, [aNewEvent()], 'no_stream');
    await until(() => seen.has(streamId));
  });

  it('listens again after its connection is killed, and wakes followers for what it missed', async () => {
    const follower = await connect({ pollIntervalMs: NEVER });
    const writer = await connect();
    const seen = await follow(follower);
    await until(() => follower.listenerPid !== null);
    const killed = follower.listenerPid ?? 0;

    await terminateBackend(url, killed);
    const missed = aStreamId();
    await writer.append(missed, [aNewEvent()], 'no_stream');
    await until(() => seen.has(missed));
    await until(() => follower.listenerPid !== null && follower.listenerPid !== killed);

    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = aStreamId();
    await writer.append(later, [aNewEvent()], 'no_stream');
    await until(() => seen.has(later));
  });

  it('falls back to polling while the listener is down', async () => {
    const follower = await connect({ pollIntervalMs: 20, listenerRetryMs: NEVER });
    const writer = await connect();
    const seen = await follow(follower);
    await until(() => follower.listenerPid !== null);

    await terminateBackend(url, follower.listenerPid ?? 0);
    await until(() => follower.listenerPid === null);
    const streamId = aStreamId();
    await writer.append(streamId, [aNewEvent()], 'no_stream');
    await until(() => seen.has(streamId));
    expect(follower.listenerPid).toBeNull();
  });
});
