import { Client } from 'pg';
import { PostgresEventStore } from '@crm/eventsourcing';
import { aNewEvent, aStreamId } from '@crm/eventsourcing/testing';
import { buildCli } from '../../apps/crm-cli/src/cli';
import { describeWithPostgres, dropSchema, uniqueSchemaName } from '../support/postgres';

describeWithPostgres('crm-cli verify on PostgreSQL', (url) => {
  const schema = uniqueSchemaName('events_verify');
  afterAll(() => dropSchema(url, schema));

  const verify = async (): Promise<string[]> => {
    const lines: string[] = [];
    await buildCli({ POSTGRES_URL: url, POSTGRES_SCHEMA: schema, LOG_LEVEL: 'silent' }, (line) =>
      lines.push(line),
    ).parseAsync(['node', 'crm-cli', 'verify']);
    return lines;
  };

  it('verifies the log appended by several stores at once, then finds one edited byte', async () => {
    const stores = await Promise.all(
      [1, 2].map(() => PostgresEventStore.connect({ connectionString: url, schema })),
    );
    const results = await Promise.all(
      stores.flatMap((store) =>
        ['alpha', 'bravo', 'charlie'].map((tag) =>
          store.append(aStreamId(), [aNewEvent({ data: { tag } })], 'no_stream'),
        ),
      ),
    );
    await Promise.all(stores.map((store) => store.close()));
    expect(await verify()).toEqual([
      expect.stringMatching(/^verified 6 events; chain head [0-9a-f]{64}$/),
    ]);

    const client = new Client({ connectionString: url });
    await client.connect();
    const edited = await client.query<{ position: string }>(
      `UPDATE "${schema}".events SET data = '{"tag":"brava"}' WHERE position = $1 RETURNING position`,
      [results[4]?.position],
    );
    await client.end();
    await expect(verify()).rejects.toThrow(
      `BROKEN at position ${edited.rows[0]?.position}: its content does not match its hash`,
    );
  });
});
