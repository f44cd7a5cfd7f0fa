import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { NewEvent, RecordedEvent } from '../../store/event';
import { StoreUnavailableError } from '../../store/errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadByCustomerOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../../store/event-store.port';
import { followLog } from '../../store/follow-log';
import type { Outcome } from './group-commit-queue';
import { GroupCommitQueue } from './group-commit-queue';
import type { AppendRequest } from './sqlite-appender';
import { SqliteAppender, isStoreFailure } from './sqlite-appender';
import { EVENTS_SCHEMA } from './sqlite-event-store.schema';
import type { EventRow } from './sqlite-rows';
import { EVENT_COLUMNS, toRecorded, toRecordedWithHash } from './sqlite-rows';

export type SqliteEventStoreOptions = {
  /** File path, or ':memory:' for tests. */
  filename: string;
  /** SQLite `synchronous` pragma: FULL survives power loss, NORMAL survives process crashes. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often a subscriber re-reads the log when no in-process append woke it (other processes). */
  pollIntervalMs?: number;
  busyTimeoutMs?: number;
  /** SQLite page cache of this connection, in MiB. */
  cacheSizeMb?: number;
  /** Most appends committed in one transaction (group commit); 1 turns group commit off. */
  maxBatch?: number;
};

/**
 * Embedded event store: one SQLite file in WAL mode; positions are the table's rowid order.
 * Appends made in the same turn of the event loop are group-committed (one transaction, one
 * fsync), each with its own checks and its own result (docs/adr/0010).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly pollIntervalMs: number;
  private readonly appender: SqliteAppender;
  private readonly writes: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly statements = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly commandResult;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    // Index pages of a large log stay cached (SQLite's default is 2 MB), at a bounded cost.
    this.db.pragma(`cache_size = -${(options.cacheSizeMb ?? 32) * 1024}`);
    this.db.exec(EVENTS_SCHEMA);
    addHashChainColumns(this.db);
    this.appended.setMaxListeners(0);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.appender = new SqliteAppender(this.db);
    this.writes = new GroupCommitQueue(
      (requests) => this.commitBatch(requests),
      options.maxBatch ?? 2048,
    );
    this.commandResult = this.db.prepare<
      [string, string],
      { revision: number | null; position: number | null }
    >(
      'SELECT max(revision) AS revision, max(position) AS position FROM events WHERE command_id = ? AND stream_id = ?',
    );
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.writes.submit({ streamId, events, expectedRevision });
  }

  private commitBatch(requests: AppendRequest[]): Outcome<AppendResult>[] {
    let outcomes: Outcome<AppendResult>[];
    try {
      outcomes = this.appender.commit(requests);
    } catch (error) {
      throw translateSqliteError(error);
    }
    let head = 0;
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) outcome.error = translateSqliteError(outcome.error);
      else if (requests[index]?.events.length) head = Math.max(head, outcome.value.position);
    });
    if (head > 0) this.appended.emit('append', head);
    return outcomes;
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.guard(() => {
      const clauses = ['stream_id = ?', 'revision >= ?'];
      const params: unknown[] = [streamId, options.fromRevision ?? 0];
      if (options.toPosition !== undefined) {
        clauses.push('position <= ?');
        params.push(options.toPosition);
      }
      if (options.toTime !== undefined) {
        clauses.push('recorded_at <= ?');
        params.push(options.toTime.toISOString());
      }
      return this.rows(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE ${clauses.join(' AND ')} ORDER BY revision`,
        params,
      ).map(toRecorded);
    });
  }

  readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    return this.guard(() => this.readAllSync(options));
  }

  private readAllSync({ fromPosition, limit, types }: ReadAllOptions): ReadAllPage {
    if (!types) {
      const events = this.rows(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
        [fromPosition, limit],
      ).map(toRecorded);
      return { events, position: events.at(-1)?.position ?? fromPosition };
    }
    // One pass over a window of positions: bodies only for wanted types, and a filtered reader
    // still advances past the events it skips.
    const wanted = types.map(() => '?').join(',');
    const rows = this.rows(
      `SELECT position, stream_id, revision, type,
         CASE WHEN type IN (${wanted}) THEN data END, CASE WHEN type IN (${wanted}) THEN metadata END, recorded_at
       FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      [...types, ...types, fromPosition, limit],
    );
    const events = rows.filter((row) => row[4] !== null).map(toRecorded);
    return { events, position: rows.at(-1)?.[0] ?? fromPosition };
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<ReadAllPage> {
    return followLog({
      ...options,
      read: (readOptions) => this.readAll(readOptions),
      pollIntervalMs: this.pollIntervalMs,
      onAppend: (listener) => {
        this.appended.on('append', listener);
        return () => this.appended.off('append', listener);
      },
    });
  }

  findCommandResult(streamId: string, commandId: string): Promise<AppendResult | null> {
    return this.guard(() => {
      const row = this.commandResult.get(commandId, streamId);
      if (row?.revision == null || row.position == null) return null;
      return { nextExpectedRevision: row.revision, position: row.position };
    });
  }

  readByCustomer(
    customerId: string,
    options: ReadByCustomerOptions = {},
  ): Promise<RecordedEvent[]> {
    return this.guard(() =>
      this.rows(
        `SELECT ${EVENT_COLUMNS}, hash FROM events WHERE customer_id = ? AND position > ?
           AND position <= ? AND recorded_at <= ? ORDER BY position LIMIT ?`,
        [
          customerId,
          options.fromPosition ?? 0,
          options.toPosition ?? Number.MAX_SAFE_INTEGER,
          options.toTime?.toISOString() ?? '9999',
          options.limit ?? -1,
        ],
      ).map(toRecordedWithHash),
    );
  }

  headPosition(): Promise<number> {
    return this.guard(() => this.appender.headPosition());
  }

  /** Readers never block in WAL mode, so readiness probes the write lock that appends need. */
  ping(): Promise<void> {
    return this.guard(() => {
      const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
      this.db.pragma('busy_timeout = 50');
      try {
        this.db.exec('BEGIN IMMEDIATE');
        this.db.exec('ROLLBACK');
      } finally {
        this.db.pragma(`busy_timeout = ${timeout}`);
      }
    });
  }

  /** Commits the appends already submitted, then closes. */
  close(): Promise<void> {
    if (this.db.open) this.writes.flush();
    this.appended.removeAllListeners();
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  /** Prepared once per distinct SQL text (the variants are few), read as positional rows. */
  private rows(sql: string, params: unknown[]): EventRow[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], EventRow>(sql).raw(true);
      this.statements.set(sql, statement);
    }
    return statement.all(...params);
  }

  /** Our own errors pass through; SQLite's busy/full/IO errors mean the store is unavailable. */
  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translateSqliteError(error));
    }
  }
}

export const translateSqliteError = (error: unknown): Error => {
  // Duck-typed: errors thrown by the native driver may come from another realm (e.g. under jest).
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && /database connection is not open/.test(message)) {
    return new StoreUnavailableError('event-store', error);
  }
  if (isStoreFailure(error)) return new StoreUnavailableError('event-store', error);
  return error instanceof Error ? error : new Error(String(error));
};

/** Event stores created before the hash chain get its columns (their old events stay unchained). */
const addHashChainColumns = (db: Database.Database): void => {
  const columns = db
    .prepare<[], { name: string }>('PRAGMA table_info(events)')
    .all()
    .map((c) => c.name);
  if (!columns.includes('hash')) {
    db.exec(
      'ALTER TABLE events ADD COLUMN previous_hash TEXT; ALTER TABLE events ADD COLUMN hash TEXT;',
    );
  }
};
