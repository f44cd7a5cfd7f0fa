import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresDocumentStore } from '@crm/documents';
import { PostgresEventStore } from '@crm/eventsourcing';
import type { DataKeyDocument } from '@crm/security/pii';
import { DATA_KEYS_COLLECTION } from '@crm/security/pii';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { loadConfig } from '../../config/app-config';
import { createStores } from '../create-stores';
import { vaultSchema } from './create-postgres-stores';

describeWithPostgres('POSTGRES_URL switches every store to PostgreSQL', (url) => {
  jest.setTimeout(30_000);
  const schema = uniqueSchemaName('stores');
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-pg-stores-'));
  const config = loadConfig({
    POSTGRES_URL: url,
    POSTGRES_SCHEMA: schema,
    CRM_DATA_DIR: dataDir,
    CRM_MASTER_KEY: 'ab'.repeat(32),
  });
  afterAll(async () => {
    await dropSchema(url, schema);
    await dropSchema(url, vaultSchema(schema));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tablesIn = async (name: string): Promise<string[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [name],
      );
      return rows.map((r) => r.table_name);
    } finally {
      await client.end();
    }
  };

  it('opens the event store, the document store and the ledger in the configured schema', async () => {
    const sut = await createStores(config);
    try {
      expect(sut.events).toBeInstanceOf(PostgresEventStore);
      expect(sut.documents).toBeInstanceOf(PostgresDocumentStore);
      const id = randomUUID();
      await sut.dataKeys.getOrCreate(id);
      await sut.dataKeys.destroy(id);
    } finally {
      await sut.close();
    }
    expect((await tablesIn(schema)).length).toBeGreaterThan(1);
    expect(await tablesIn(vaultSchema(schema))).toEqual(['forget_ledger']);
    expect(readdirSync(dataDir)).toEqual([]); // no per-process file: the key is configured
  });

  it('destroys again on start a key that a restored backup brought back', async () => {
    const id = randomUUID();
    const before = await createStores(config);
    let restored: DataKeyDocument | null = null;
    try {
      await before.dataKeys.getOrCreate(id);
      restored = await before.documents.get<DataKeyDocument>(DATA_KEYS_COLLECTION, id);
      await before.dataKeys.destroy(id);
      // What restoring a backup taken before the forget does to the data schema:
      await before.documents.upsert(DATA_KEYS_COLLECTION, restored!);
    } finally {
      await before.close();
    }

    const sut = await createStores(config);
    try {
      const key = await sut.documents.get<DataKeyDocument>(DATA_KEYS_COLLECTION, id);
      expect(restored?.wrapped).toEqual(expect.any(String));
      expect(key?.wrapped).toBeNull();
      expect(await sut.dataKeys.get(id)).toBe('destroyed');
    } finally {
      await sut.close();
    }
  });

  it('puts into a recreated, empty ledger the forgets the key store records', async () => {
    const id = randomUUID();
    const before = await createStores(config);
    try {
      await before.dataKeys.getOrCreate(id);
      await before.dataKeys.destroy(id);
    } finally {
      await before.close();
    }
    await dropSchema(url, vaultSchema(schema)); // the vault lost

    const sut = await createStores(config);
    try {
      expect(sut.ledger.has(id)).toBe(true);
    } finally {
      await sut.close();
    }
  });

  it('refuses to start with another master key than the one the data keys are wrapped with', async () => {
    const other = loadConfig({
      POSTGRES_URL: url,
      POSTGRES_SCHEMA: schema,
      CRM_DATA_DIR: dataDir,
      CRM_MASTER_KEY: 'cd'.repeat(32),
    });
    await (await createStores(config)).close();

    const error = await createStores(other).catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      `CRM_MASTER_KEY: not the key the data keys in schema ${schema} are wrapped with; every process of a deployment must use the same one`,
    );
  });

  it('fails with one line naming the server, without its password, when it cannot connect', async () => {
    const unreachable = loadConfig({
      POSTGRES_URL: 'postgres://crm:secret@127.0.0.1:1/crm',
      CRM_DATA_DIR: dataDir,
      CRM_MASTER_KEY: 'ab'.repeat(32),
    });
    const error = await createStores(unreachable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^PostgreSQL at postgres:\/\/crm:\*\*\*@127\.0\.0\.1:1\/crm: /,
    );
    expect((error as Error).message).not.toContain('secret');
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });
});
