import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileForgetLedger } from '@crm/security/pii';
import type { AppConfig } from '../config/app-config';
import type { BackupManifest } from './backup-archive';
import { readArchive, writeArchive } from './backup-archive';

const EVENTS = 'events.sqlite';
const DOCUMENTS = 'documents.sqlite';

/** `VACUUM INTO` is SQLite's consistent online snapshot: the service keeps running meanwhile. */
const snapshot = (source: string, target: string): Buffer => {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  return readFileSync(target);
};

/**
 * An online backup of the embedded stores: the event log first, then the documents (key store,
 * API keys, checkpoints). Taken in that order, every event in the backup has its customer's
 * key in it (keys are created before the events that need them). The key vault (master key,
 * forget ledger) is not in it: it is kept with the secrets.
 */
export const createBackup = (config: AppConfig, file: string): BackupManifest => {
  if (config.eventStoreUrl) {
    throw new Error(
      'backup covers the embedded stores; back up EventStoreDB and MongoDB with their own tools',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'crm-backup-'));
  try {
    const eventsFile = join(config.dataDir, EVENTS);
    const events = snapshot(eventsFile, join(work, EVENTS));
    const documents = snapshot(join(config.dataDir, DOCUMENTS), join(work, DOCUMENTS));
    const copy = new Database(join(work, EVENTS), { readonly: true });
    const headPosition =
      (copy.prepare('SELECT max(position) AS p FROM events').get() as { p: number | null }).p ?? 0;
    copy.close();
    return writeArchive(file, { createdAt: new Date().toISOString(), headPosition }, [
      { name: EVENTS, bytes: events },
      { name: DOCUMENTS, bytes: documents },
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

/**
 * Restores into an empty data folder. Read models and checkpoints are dropped (they rebuild
 * from the restored log on start); the key store and API keys are kept; every customer in the
 * current forget ledger loses their key again, so an old backup cannot undo a forget.
 */
export const restoreBackup = (
  config: AppConfig,
  file: string,
): { manifest: BackupManifest; reforgotten: number } => {
  if (existsSync(join(config.dataDir, EVENTS))) {
    throw new Error(
      `${config.dataDir} already holds an event store; restore only into an empty data folder`,
    );
  }
  const { manifest, files } = readArchive(file);
  mkdirSync(config.dataDir, { recursive: true });
  for (const [name, bytes] of files)
    writeFileSync(join(config.dataDir, name), bytes, { mode: 0o600 });

  const ledger = new FileForgetLedger(join(config.keyDir, 'forgotten.ledger'));
  const db = new Database(join(config.dataDir, DOCUMENTS));
  try {
    db.transaction(() => {
      const tables = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'doc_%' AND name NOT LIKE 'doc_security_%' AND name NOT LIKE 'doc_webhooks_%'",
        )
        .pluck()
        .all() as string[];
      for (const table of tables) db.exec(`DROP TABLE "${table}"`);
      db.exec('DELETE FROM checkpoints');
      const now = new Date().toISOString();
      db.exec(
        'CREATE TABLE IF NOT EXISTS doc_security_data_keys (id TEXT PRIMARY KEY, body TEXT NOT NULL)',
      );
      const tombstone = db.prepare(
        `INSERT INTO doc_security_data_keys (id, body) VALUES (@id, @body)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
      );
      for (const id of ledger.ids()) {
        tombstone.run({
          id,
          body: JSON.stringify({ _id: id, wrapped: null, createdAt: now, destroyedAt: now }),
        });
      }
    })();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  return { manifest, reforgotten: ledger.ids().length };
};
