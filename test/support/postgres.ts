import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the PostgreSQL suites use: POSTGRES_URL, as postgres-global-setup.js checked it. */
export const postgresTestUrl = (): string | undefined => process.env.CRM_TEST_POSTGRES_URL;

/**
 * The PostgreSQL production suites, run like the EventStoreDB and MongoDB ones: against the
 * server POSTGRES_URL names, and listed as skipped, with that reason, when it is not set.
 */
export const describeWithPostgres = (title: string, suite: (url: string) => void): void => {
  const url = postgresTestUrl();
  const describeWithServer = url ? describe : describe.skip; // skipped without POSTGRES_URL
  describeWithServer(
    url ? `${title} (PostgreSQL, POSTGRES_URL)` : `${title} (skipped: POSTGRES_URL is not set)`,
    () => suite(url ?? ''),
  );
};

/** A schema name no other test uses; tests create it (or let the adapter) and drop it after. */
export const uniqueSchemaName = (prefix: string): string =>
  `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase();

export const dropSchema = async (url: string, schema: string): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
};
