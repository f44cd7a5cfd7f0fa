import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the PostgreSQL suites use, when the run found one (see postgres-global-setup.js). */
export const postgresTestUrl = (): string | undefined => process.env.CRM_TEST_POSTGRES_URL;

/**
 * `describe` when PostgreSQL is reachable; otherwise `describe.skip` with the reason in the
 * title, which the skipped-suites reporter lists. Under CI an unreachable server fails the run
 * before any suite starts.
 */
export const describeWithPostgres = (title: string, suite: (url: string) => void): void => {
  const url = postgresTestUrl();
  if (url) describe(`${title} (PostgreSQL)`, () => suite(url));
  else
    describe.skip(`${title} (skipped: ${process.env.CRM_TEST_POSTGRES_SKIP_REASON ?? 'no PostgreSQL'})`, () =>
      suite(''));
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
