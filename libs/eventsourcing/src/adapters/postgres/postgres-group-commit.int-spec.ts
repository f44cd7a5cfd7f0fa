import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../store/errors';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import { verifyPostgresChain } from './postgres-chain';
import { PostgresEventStore } from './postgres-event-store';

describeWithPostgres('PostgresEventStore group commit', (url) => {
  const schema = uniqueSchemaName('events_batch');
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.connect({ connectionString: url, schema });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  it('gives each append submitted together its own outcome, as if each ran alone', async () => {
    const contested = aStreamId();
    const taken = aNewEvent();
    await store.append(aStreamId(), [taken], 'no_stream');
    const retried = [aNewEvent(), aNewEvent()];
    const retriedStream = aStreamId();

    const outcomes = await Promise.allSettled([
      store.append(contested, [aNewEvent()], 'no_stream'),
      store.append(contested, [aNewEvent()], 'no_stream'),
      store.append(aStreamId(), [aNewEvent(), taken], 'no_stream'),
      store.append(retriedStream, retried, 'no_stream'),
      store.append(retriedStream, retried, 'no_stream'),
      store.append(`bad-\u0000-stream`, [aNewEvent()], 'no_stream'),
      store.append(contested, [aNewEvent()], 0),
    ]);

    const [first, second, duplicate, original, retry, nul, next] = outcomes;
    expect(first?.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: expect.any(WrongExpectedRevisionError),
    });
    expect(duplicate).toMatchObject({
      status: 'rejected',
      reason: expect.any(DuplicateEventIdError),
    });
    expect(retry).toEqual(original);
    expect(nul).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ message: expect.stringMatching(/NUL/) }),
    });
    expect(next).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
    expect(await store.readStream(contested)).toHaveLength(2);
    expect(await store.readStream(retriedStream)).toHaveLength(2);
    await expect(verifyPostgresChain({ connectionString: url, schema })).resolves.toMatchObject({
      firstBreak: null,
    });
  });

  it('stores quotes, backslashes and unicode exactly as given, and refuses a fractional schema version alone', async () => {
    const streamId = `customer-it's-\\'); DROP TABLE events; --`;
    const data = {
      note: `O'Brien said "\\n" \u2603 \ud83d\ude00 \\' $$ $x$`,
      nested: { a: [1, 'b'] },
    };
    const [stored, fractional] = await Promise.allSettled([
      store.append(streamId, [aNewEvent({ type: "Type'With\\Quote", data })], 'no_stream'),
      store.append(aStreamId(), [aNewEvent({ metadata: { schemaVersion: 1.5 } })], 'no_stream'),
    ]);
    expect(stored?.status).toBe('fulfilled');
    expect(fractional).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ message: expect.stringMatching(/schemaVersion/) }),
    });
    const [event] = await store.readStream(streamId);
    expect(event).toMatchObject({ streamId, type: "Type'With\\Quote", data });
    await expect(verifyPostgresChain({ connectionString: url, schema })).resolves.toMatchObject({
      firstBreak: null,
    });
  });

  it('answers an empty append with the stream revision and checks its expectation', async () => {
    const streamId = aStreamId();
    await store.append(streamId, [aNewEvent(), aNewEvent()], 'no_stream');
    await expect(store.append(streamId, [], 1)).resolves.toMatchObject({ nextExpectedRevision: 1 });
    await expect(store.append(streamId, [], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('migrates once when several processes connect to a fresh schema at the same moment', async () => {
    const fresh = uniqueSchemaName('events_migrate');
    try {
      const stores = await Promise.all(
        [1, 2, 3, 4].map(() =>
          PostgresEventStore.connect({ connectionString: url, schema: fresh }),
        ),
      );
      await Promise.all(
        stores.map((s, n) => s.append(aStreamId(), [aNewEvent({ data: { n } })], 'no_stream')),
      );
      expect((await stores[0]?.readAll({ fromPosition: 0, limit: 10 }))?.events).toHaveLength(4);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await dropSchema(url, fresh);
    }
  });
});
