import { randomBytes, randomUUID } from 'node:crypto';
import { EmbeddedDocumentStore } from '@crm/documents';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../test/support/postgres';
import { DataKeyStore } from './data-key-store';
import { PostgresForgetLedger } from './postgres-forget-ledger';

const until = async (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describeWithPostgres('the forget ledger shared between processes', (url) => {
  const schema = uniqueSchemaName('ledger');
  const opened: PostgresForgetLedger[] = [];
  const open = async (refreshMs?: number): Promise<PostgresForgetLedger> => {
    const ledger = await PostgresForgetLedger.open({
      connectionString: url,
      schema,
      ...(refreshMs ? { refreshMs } : {}),
    });
    opened.push(ledger);
    return ledger;
  };
  afterAll(async () => {
    await Promise.all(opened.map((l) => l.close()));
    await dropSchema(url, schema);
  });

  it('creates its table once when several processes start at the same moment', async () => {
    const ledgers = await Promise.all([open(), open(), open()]);
    expect(ledgers.map((l) => l.ids())).toEqual([[], [], []]);
  });

  it('tells the other processes of a forget, and keeps it across a reopen', async () => {
    const [writer, reader] = [await open(), await open()];
    const heard: string[] = [];
    const told: string[] = [];
    reader.onForget((id) => heard.push(id));
    writer.onForget((id) => told.push(id));
    const id = randomUUID();

    await writer.record(id);
    expect(writer.has(id)).toBe(true);
    await until('the reader knows', () => reader.has(id));

    expect(heard).toEqual([id]);
    expect(told).toEqual([]); // the writer's own DataKeyStore already knows
    expect((await open()).has(id)).toBe(true);
  });

  it('catches up on forgets it was not told of, by its periodic check', async () => {
    const reader = await open(50);
    // A forget whose notification this reader cannot have heard: written straight to the table.
    const id = randomUUID();
    const writer = await open();
    await (writer as unknown as { pool: { query(sql: string): Promise<unknown> } }).pool.query(
      `INSERT INTO "${schema}".forget_ledger (customer_id) VALUES ('${id}')`,
    );
    await until('the reader knows', () => reader.has(id));
  });

  it('lets a forget in one process erase the key another process has cached', async () => {
    const documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    const masterKey = randomBytes(32);
    try {
      const here = new DataKeyStore(documents, masterKey, await open());
      const there = new DataKeyStore(documents, masterKey, await open());
      const id = randomUUID();
      await here.getOrCreate(id);
      expect(Buffer.isBuffer(await there.get(id))).toBe(true); // now cached there
      const dropped: string[] = [];
      there.onDestroy((customerId) => dropped.push(customerId));

      await here.destroy(id);

      await until('the other process drops it', () => dropped.length === 1);
      expect(there.cachedLiveKey(id)).toBeNull();
      expect(await there.get(id)).toBe('destroyed');
    } finally {
      await documents.close();
    }
  });
});
