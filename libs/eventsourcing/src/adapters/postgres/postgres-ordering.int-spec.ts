import { Client } from 'pg';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import type { RecordedEvent } from '../../store/event';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import { verifyPostgresChain } from './postgres-chain';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 8;
const APPENDS_PER_WRITER = 20;

/**
 * Every inserted row sleeps a random while inside its transaction, after its position was
 * drawn and before its transaction commits, so concurrent transactions would commit out of
 * position order unless the store orders them (the sequence-gap problem of SQL event stores).
 */
const slowInserts = async (url: string, schema: string): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      CREATE FUNCTION "${schema}".sleep_a_little() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(random() * 0.01); RETURN NEW; END $$;
      CREATE TRIGGER sleep_before_commit BEFORE INSERT ON "${schema}".events
        FOR EACH ROW EXECUTE FUNCTION "${schema}".sleep_a_little();`);
  } finally {
    await client.end();
  }
};

describeWithPostgres('PostgresEventStore global log order', (url) => {
  const schema = uniqueSchemaName('events_order');
  afterAll(() => dropSchema(url, schema));

  it('lets a follower see every event exactly once, in position order, while writers in several processes commit concurrently', async () => {
    const follower = await PostgresEventStore.connect({
      connectionString: url,
      schema,
      pollIntervalMs: 2,
    });
    await slowInserts(url, schema);
    // One store per simulated process: separate pools, each with its own group commit.
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        PostgresEventStore.connect({ connectionString: url, schema, poolSize: 2 }),
      ),
    );
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const following = (async () => {
      for await (const page of follower.subscribeToAll({
        fromPosition: 0,
        batchSize: 3,
        signal: controller.signal,
      })) {
        seen.push(...page.events);
      }
    })();

    const written: string[] = [];
    await Promise.all(
      writers.map(async (writer, w) => {
        // Two streams per writer, appended to at once: batches of this process mix them.
        const streams = [aStreamId(), aStreamId()];
        for (let n = 0; n < APPENDS_PER_WRITER; n += 2) {
          const batches = streams.map((_, s) =>
            Array.from({ length: 1 + ((w + n + s) % 3) }, () => aNewEvent()),
          );
          for (const batch of batches) written.push(...batch.map((e) => e.metadata.eventId));
          await Promise.all(
            streams.map((streamId, s) =>
              writer.append(streamId, batches[s] ?? [], n === 0 ? 'no_stream' : 'stream_exists'),
            ),
          );
        }
      }),
    );

    const head = await follower.headPosition();
    while (seen.at(-1)?.position !== head) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await following;
    await Promise.all([...writers, follower].map((store) => store.close()));

    const positions = seen.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(seen.map((e) => e.metadata.eventId).sort()).toEqual([...written].sort());
    // The committers took turns, so their links form one chain in position order.
    await expect(verifyPostgresChain({ connectionString: url, schema })).resolves.toMatchObject({
      checked: written.length,
      firstBreak: null,
    });
  }, 60_000);
});
