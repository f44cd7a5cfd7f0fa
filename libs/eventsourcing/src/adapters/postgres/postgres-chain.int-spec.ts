import { Client } from 'pg';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import { verifyPostgresChain } from './postgres-chain';
import { PostgresEventStore } from './postgres-event-store';

const sql = async (url: string, text: string): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

describeWithPostgres('PostgresEventStore hash chain', (url) => {
  let schema: string;
  let store: PostgresEventStore;
  beforeEach(async () => {
    schema = uniqueSchemaName('events_chain');
    store = await PostgresEventStore.connect({ connectionString: url, schema });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  /** Three streams appended at once (one group-committed batch), then one more append. */
  const appendSome = async (): Promise<number[]> => {
    const results = await Promise.all(
      ['alpha', 'bravo', 'charlie'].map((tag) =>
        store.append(aStreamId(), [aNewEvent({ data: { tag } }), aNewEvent()], 'no_stream'),
      ),
    );
    const last = await store.append(aStreamId(), [aNewEvent({ data: { tag: 'delta' } })], 'any');
    return [...results, last].map((r) => r.position);
  };

  it('verifies an untouched log and names its chain head', async () => {
    await appendSome();
    const result = await verifyPostgresChain({ connectionString: url, schema });
    expect(result).toMatchObject({ checked: 7, firstBreak: null });
    expect(result.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds one edited byte of one stored event', async () => {
    await appendSome();
    await sql(
      url,
      `UPDATE "${schema}".events SET data = replace(data::text, 'bravo', 'brava')::json WHERE data::text LIKE '%bravo%'`,
    );
    const [edited] = (await store.readAll({ fromPosition: 0, limit: 100 })).events.filter(
      (e) => e.data.tag === 'brava',
    );
    await expect(verifyPostgresChain({ connectionString: url, schema })).resolves.toMatchObject({
      checked: 2,
      firstBreak: { position: edited?.position, reason: 'its content does not match its hash' },
    });
  });

  it('finds an event removed from the middle and events cut from the end', async () => {
    const positions = await appendSome();
    await sql(url, `DELETE FROM "${schema}".events WHERE position = ${positions[1]}`);
    await expect(verifyPostgresChain({ connectionString: url, schema })).resolves.toMatchObject({
      firstBreak: { reason: 'does not follow the event before it' },
    });
    await sql(url, `DELETE FROM "${schema}".events WHERE position > ${positions[0]}`);
    const cut = await verifyPostgresChain({ connectionString: url, schema });
    expect(cut.checked).toBe(2);
    expect(cut.firstBreak?.reason).toMatch(/^the log ends before its recorded chain head/);
  });
});
