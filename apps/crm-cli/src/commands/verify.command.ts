import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainedFields } from '@crm/eventsourcing';
import { verifyChain } from '@crm/eventsourcing';
import { loadConfig } from '@crm/platform';
import type { CliOutput } from '../cli-context';

type LinkRow = ChainedFields & {
  position: number;
  hash: string | null;
  previousHash: string | null;
};

/**
 * Walks the embedded log in order, recomputing every event's hash from its stored bytes and the
 * hash before it; reports the first broken link. Reads the file directly, read-only, so it also
 * works on a copy or a restored backup while the service runs.
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
    .action(() => {
      const config = loadConfig(env);
      if (config.eventStoreUrl)
        throw new Error('verify reads the embedded event log (CRM_DATA_DIR)');
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
        const result = verifyChain(rows);
        if (result.firstBreak) {
          throw new Error(
            `BROKEN at position ${result.firstBreak.position}: ${result.firstBreak.reason} (${result.checked} events before it are intact)`,
          );
        }
        out(`verified ${result.checked} events; chain head ${result.head}`);
      } finally {
        db.close();
      }
    });
};
