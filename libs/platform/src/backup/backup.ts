import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORGET_LEDGER_FILE, FileForgetLedger, readForgetLedgerFile } from '@crm/security/pii';
import type { AppConfig } from '../config/app-config';
import type { BackupManifest } from './backup-archive';
import { readArchive, writeArchive } from './backup-archive';

const EVENTS = 'events.sqlite';
const DOCUMENTS = 'documents.sqlite';

/**
 * Read models, checkpoints and idempotency records: all rebuilt or renewed after a restore, and
 * the profiles hold blind indexes in the clear (ADR 18), which a backup must not keep past a
 * forget. Everything but the key store, API keys (`security`) and webhooks goes.
 */
const dropReadModels = (db: Database.Database): void => {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'doc_%' AND name NOT LIKE 'doc_security_%' AND name NOT LIKE 'doc_webhooks_%'",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    db.exec(`DROP TABLE "${table}"`);
    // The embedded store's side table of array-index values (`searchHashes` among them).
    db.exec(`DROP TABLE IF EXISTS "idx#${table}"`);
  }
  db.exec('DELETE FROM checkpoints');
};

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

const POSTGRES_BACKUP =
  'backup and restore cover the embedded stores; on PostgreSQL use pg_dump and pg_restore of the data schema (README: Backup and restore on PostgreSQL)';

/** The snapshot at `path` with its read models dropped and its free pages gone. */
const withoutReadModels = (path: string): Buffer => {
  const db = new Database(path);
  try {
    db.transaction(() => dropReadModels(db))();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  return readFileSync(path);
};

/**
 * An online backup of the embedded stores: the event log first, then the documents a restore
 * keeps (key store, API keys, webhooks; see `dropReadModels`). Taken in that order, every event in the backup has its customer's
 * key in it (keys are created before the events that need them). The master key is not in it:
 * it is kept with the secrets. The forget ledger as it was is (ids only, nothing personal), so
 * a restore can tell a key vault whose ledger is older than the backup, or another one's.
 */
export const createBackup = (config: AppConfig, file: string): BackupManifest => {
  if (config.postgres) throw new Error(POSTGRES_BACKUP);
  if (config.eventStoreUrl) {
    throw new Error(
      'backup covers the embedded stores; back up EventStoreDB and MongoDB with their own tools',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'crm-backup-'));
  try {
    const eventsFile = join(config.dataDir, EVENTS);
    const events = snapshot(eventsFile, join(work, EVENTS));
    snapshot(join(config.dataDir, DOCUMENTS), join(work, DOCUMENTS));
    const documents = withoutReadModels(join(work, DOCUMENTS));
    // After the documents: every forget whose key destruction the snapshot may lack is in it.
    const forgotten = readForgetLedgerFile(join(config.keyDir, FORGET_LEDGER_FILE)) ?? [];
    const copy = new Database(join(work, EVENTS), { readonly: true });
    const headPosition =
      (copy.prepare('SELECT max(position) AS p FROM events').get() as { p: number | null }).p ?? 0;
    copy.close();
    return writeArchive(file, { createdAt: new Date().toISOString(), headPosition }, [
      { name: EVENTS, bytes: events },
      { name: DOCUMENTS, bytes: documents },
      { name: FORGET_LEDGER_FILE, bytes: Buffer.from(forgotten.map((id) => `${id}\n`).join('')) },
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

/**
 * Why a restore must not run with this key vault, or null. Without the vault's forget ledger,
 * customers forgotten after the backup would come back; a ledger lacking a forget the backup
 * carries is older than the backup or another deployment's, and may lack later ones too.
 */
const ledgerProblem = (ledgerPath: string, carried: readonly string[]): string | null => {
  const current = readForgetLedgerFile(ledgerPath);
  if (current === null) {
    return `no forget ledger at ${ledgerPath}: restoring without it would bring forgotten customers back. Restore the key vault (CRM_KEY_DIR) whole, master key and ${FORGET_LEDGER_FILE}, then run restore again`;
  }
  const known = new Set(current);
  const missing = carried.filter((id) => !known.has(id));
  return missing.length === 0
    ? null
    : `the forget ledger at ${ledgerPath} lacks ${missing.length} customer(s) the backup records as forgotten: it is older than the backup or another deployment's; restore with the key vault's current ${FORGET_LEDGER_FILE}`;
};

/**
 * Restores into an empty data folder, only with the key vault's forget ledger (see
 * `ledgerProblem`). Read models and checkpoints are dropped (they rebuild from the restored log
 * on start); the key store and API keys are kept; every customer in the current forget ledger
 * loses their key again, so an old backup cannot undo a forget.
 */
export const restoreBackup = (
  config: AppConfig,
  file: string,
): { manifest: BackupManifest; reforgotten: number } => {
  if (config.postgres) throw new Error(POSTGRES_BACKUP);
  if (existsSync(join(config.dataDir, EVENTS))) {
    throw new Error(
      `${config.dataDir} already holds an event store; restore only into an empty data folder`,
    );
  }
  const { manifest, files } = readArchive(file);
  const ledgerPath = join(config.keyDir, FORGET_LEDGER_FILE);
  const carried = (files.get(FORGET_LEDGER_FILE)?.toString('utf8') ?? '')
    .split('\n')
    .filter(Boolean);
  const problem = ledgerProblem(ledgerPath, carried);
  if (problem) throw new Error(problem);
  mkdirSync(config.dataDir, { recursive: true });
  for (const [name, bytes] of files) {
    if (name !== FORGET_LEDGER_FILE)
      writeFileSync(join(config.dataDir, name), bytes, { mode: 0o600 });
  }

  const ledger = new FileForgetLedger(ledgerPath);
  const db = new Database(join(config.dataDir, DOCUMENTS));
  try {
    db.transaction(() => {
      dropReadModels(db);
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
