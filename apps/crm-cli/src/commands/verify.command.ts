import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainVerification, ChainedFields } from '@crm/eventsourcing';
import { verifyChain, verifyPostgresChain } from '@crm/eventsourcing';
import { loadConfig } from '@crm/platform';
import type { CliOutput } from '../cli-context';

type LinkRow = ChainedFields & {
  position: number;
  hash: string | null;
  previousHash: string | null;
};

/**
 * Walks the log in order, recomputing every event's hash from its stored bytes and the hash
 * before it; reports the first broken link. With POSTGRES_URL it walks that database's log
 * (schema POSTGRES_SCHEMA, default crm), else the embedded file.
 */
export const registerVerifyCommand = (
  program: Command,
  env: Record<string, string | undefined>,
  out: CliOutput,
): void => {
  program
    .command('verify')
    .description(
      'check the tamper-evident hash chain of the event log; exits 1 at the first broken link',
    )
    .action(async () => {
      const result = env.POSTGRES_URL
        ? await verifyPostgresChain({
            connectionString: env.POSTGRES_URL,
            schema: env.POSTGRES_SCHEMA ?? 'crm',
          })
        : verifyEmbedded(env);
      if (result.firstBreak) {
        throw new Error(
          `BROKEN at position ${result.firstBreak.position}: ${result.firstBreak.reason} (${result.checked} events before it are intact)`,
        );
      }
      out(`verified ${result.checked} events; chain head ${result.head}`);
    });
};

/**
 * Reads the embedded log file directly, read-only, so it also works on a copy or a restored
 * backup while the service runs.
 */
const verifyEmbedded = (env: Record<string, string | undefined>): ChainVerification => {
  const config = loadConfig(env);
  if (config.eventStoreUrl) throw new Error('verify reads the embedded or PostgreSQL event log');
  const file = join(config.dataDir, 'events.sqlite');
  if (!existsSync(file)) throw new Error(`no event log at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], LinkRow>(
        `SELECT position, event_id AS eventId, stream_id AS streamId, revision, type, schema_version AS schemaVersion,
                data, metadata, recorded_at AS recordedAt, previous_hash AS previousHash, hash
         FROM events ORDER BY position`,
      )
      .iterate();
    return verifyChain(rows);
  } finally {
    db.close();
  }
};
