import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import type { DataKeyDocument } from '@crm/security/pii';
import { DATA_KEYS_COLLECTION, PostgresForgetLedger, loadMasterKey } from '@crm/security/pii';
import { CursorCodec, PostgresDocumentStore } from '@crm/documents';
import { PostgresEventStore } from '@crm/eventsourcing';
import type { AppConfig } from '../../config/app-config';
import type { Stores } from '../stores';
import { withKeys } from '../stores';

/** The schema of the forget ledger: beside the data's, never in a backup of it. */
export const vaultSchema = (schema: string): string => `${schema}_vault`;

/**
 * Both stores in one PostgreSQL schema (created or migrated on connect, safely when several
 * processes start at once) and the forget ledger in `<schema>_vault`. Any number of crm-api
 * and crm-projector processes may share them.
 */
export const createPostgresStores = async (
  config: AppConfig,
  postgres: { url: string; schema: string },
): Promise<Stores> => {
  // Processes sharing the database sign page cursors alike: any of them reads another's cursor.
  const master = loadMasterKey(config.masterKey, config.keyDir);
  const matches = await prepareSchemas(postgres, master.key).catch((error: unknown) => {
    throw new Error(`PostgreSQL at ${redacted(postgres.url)}: ${reason(error)}`);
  });
  if (!matches) {
    throw new Error(
      `CRM_MASTER_KEY: not the key the data keys in schema ${postgres.schema} are wrapped with; every process of a deployment must use the same one`,
    );
  }
  const opening = [
    PostgresEventStore.connect({ connectionString: postgres.url, schema: postgres.schema }),
    PostgresDocumentStore.connect({
      connectionString: postgres.url,
      schema: postgres.schema,
      cursors: CursorCodec.fromSecret(master.key),
    }),
    PostgresForgetLedger.open({
      connectionString: postgres.url,
      schema: vaultSchema(postgres.schema),
    }),
  ] as const;
  const opened = await Promise.allSettled(opening);
  const [events, documents, ledger] = opened;
  if (
    events.status !== 'fulfilled' ||
    documents.status !== 'fulfilled' ||
    ledger.status !== 'fulfilled'
  ) {
    await Promise.allSettled(
      opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : Promise.resolve())),
    );
    const failure = opened.find((o) => o.status === 'rejected');
    throw new Error(`PostgreSQL at ${redacted(postgres.url)}: ${reason(failure?.reason)}`);
  }
  const stores = withKeys(config, master, events.value, documents.value, ledger.value, () =>
    ledger.value.close(),
  );
  await shredForgottenKeys(stores);
  return stores;
};

/**
 * Creates both schemas before the adapters open (each creates its schema under its own lock,
 * so two of them starting on a fresh database could both try), and checks the master key: the
 * first process records a fingerprint of it beside the data keys it wraps; a process with
 * another key would wrap keys no other process can open. Resolves false on a mismatch.
 */
const prepareSchemas = async (
  postgres: { url: string; schema: string },
  masterKey: Buffer,
): Promise<boolean> => {
  const client = new Client({ connectionString: postgres.url, connectionTimeoutMillis: 5000 });
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const table = `${quoted(postgres.schema)}.master_key_check`;
  const fingerprint = createHmac('sha256', masterKey).update('crm master key check').digest('hex');
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('crm-schemas'))");
    for (const schema of [postgres.schema, vaultSchema(postgres.schema)])
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (
         only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
         fingerprint text NOT NULL)`,
    );
    await client.query(`INSERT INTO ${table} (fingerprint) VALUES ($1) ON CONFLICT DO NOTHING`, [
      fingerprint,
    ]);
    const { rows } = await client.query<{ fingerprint: string }>(
      `SELECT fingerprint FROM ${table}`,
    );
    await client.query('COMMIT');
    return rows[0]?.fingerprint === fingerprint;
  } finally {
    await client.end();
  }
};

/**
 * The ledger and the key store agree on start: a database restored from a backup taken before
 * a forget still holds that customer's wrapped key, and the ledger (which outlives restores)
 * destroys it again; a tombstone the ledger lacks (a vault recreated empty) goes into it.
 */
const shredForgottenKeys = async (stores: Stores): Promise<void> => {
  for (const id of await stores.dataKeys.destroyedIds())
    if (!stores.ledger.has(id)) await stores.ledger.record(id);
  const ids = stores.ledger.ids();
  for (let start = 0; start < ids.length; start += 1000) {
    const page = ids.slice(start, start + 1000);
    const keys = await stores.documents.getMany<DataKeyDocument>(DATA_KEYS_COLLECTION, page);
    for (const key of keys) if (key.wrapped !== null) await stores.dataKeys.destroy(key._id);
  }
};

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The URL without its password, for messages and logs. */
const redacted = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'POSTGRES_URL';
  }
};
