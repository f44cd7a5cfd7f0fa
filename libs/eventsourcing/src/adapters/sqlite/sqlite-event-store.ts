import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import type { NewEvent, RecordedEvent } from '../../store/event';
import {
  DuplicateEventIdError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../store/errors';
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
import { EVENTS_SCHEMA } from './sqlite-event-store.schema';

type EventRow = {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
};

export type SqliteEventStoreOptions = {
  /** File path, or ':memory:' for tests. */
  filename: string;
  /** SQLite `synchronous` pragma: FULL survives power loss, NORMAL survives process crashes. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often a subscriber re-reads the log when no in-process append woke it (other processes). */
  pollIntervalMs?: number;
  busyTimeoutMs?: number;
};

const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  revision: row.revision,
  position: row.position,
  type: row.type,
  data: JSON.parse(row.data) as Record<string, unknown>,
  metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  recordedAt: row.recorded_at,
});

/** Embedded event store: one SQLite file in WAL mode; positions are the table's rowid order. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly pollIntervalMs: number;
  private readonly statements;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.exec(EVENTS_SCHEMA);
    this.appended.setMaxListeners(0);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.statements = {
      streamRevision: this.db
        .prepare<[string], { revision: number | null }>(
          'SELECT max(revision) AS revision FROM events WHERE stream_id = ?',
        )
        .pluck(false),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, command_id, customer_id, recorded_at)
         VALUES (@eventId, @streamId, @revision, @type, @schemaVersion, @data, @metadata, @commandId, @customerId, @recordedAt)`,
      ),
      byEventId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      commandResult: this.db.prepare<
        [string, string],
        { revision: number | null; position: number | null }
      >(
        'SELECT max(revision) AS revision, max(position) AS position FROM events WHERE command_id = ? AND stream_id = ?',
      ),
      head: this.db.prepare<[], { head: number | null }>(
        'SELECT max(position) AS head FROM events',
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
    };
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.guard(() => {
      const result = this.appendTransaction(streamId, events, expectedRevision);
      if (events.length > 0) this.appended.emit('append', result.position);
      return result;
    });
  }

  private readonly appendTransaction = (
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): AppendResult =>
    this.db.transaction((): AppendResult => {
      const replay = this.replayedBatch(streamId, events);
      if (replay) return replay;

      const current = this.statements.streamRevision.get(streamId)?.revision ?? null;
      assertExpected(streamId, expectedRevision, current);
      if (events.length === 0) {
        return { nextExpectedRevision: current ?? -1, position: this.headSync() };
      }
      let revision = current ?? -1;
      let position = 0;
      const recordedAt = new Date().toISOString();
      for (const event of events) {
        revision += 1;
        const info = this.statements.insert.run({
          eventId: event.metadata.eventId,
          streamId,
          revision,
          type: event.type,
          schemaVersion: event.metadata.schemaVersion,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
          commandId: event.metadata.commandId,
          customerId: event.metadata.customerId ?? null,
          recordedAt,
        });
        position = Number(info.lastInsertRowid);
      }
      return { nextExpectedRevision: revision, position };
    })();

  /**
   * Unique event ids make appends idempotent: if the batch's ids are already stored as one
   * batch of this stream, answer as the first append did and write nothing.
   */
  private replayedBatch(streamId: string, events: readonly NewEvent[]): AppendResult | null {
    const first = events[0];
    if (!first) return null;
    const existing = this.statements.byEventId.get(first.metadata.eventId);
    if (!existing) {
      for (const event of events.slice(1)) {
        if (this.statements.byEventId.get(event.metadata.eventId)) {
          throw new DuplicateEventIdError(event.metadata.eventId);
        }
      }
      return null;
    }
    let last = existing;
    for (const [index, event] of events.entries()) {
      const row = this.statements.byEventId.get(event.metadata.eventId);
      if (!row || row.stream_id !== streamId || row.revision !== existing.revision + index) {
        throw new DuplicateEventIdError(event.metadata.eventId);
      }
      last = row;
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.guard(() => {
      const clauses = ['stream_id = @streamId', 'revision >= @fromRevision'];
      if (options.toPosition !== undefined) clauses.push('position <= @toPosition');
      if (options.toTime !== undefined) clauses.push('recorded_at <= @toTime');
      return this.db
        .prepare<Record<string, unknown>, EventRow>(
          `SELECT * FROM events WHERE ${clauses.join(' AND ')} ORDER BY revision`,
        )
        .all({
          streamId,
          fromRevision: options.fromRevision ?? 0,
          toPosition: options.toPosition,
          toTime: options.toTime?.toISOString(),
        })
        .map(toRecorded);
    });
  }

  readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    return this.guard(() => this.readAllSync(options));
  }

  private readAllSync({ fromPosition, limit, types }: ReadAllOptions): ReadAllPage {
    if (!types) {
      const events = this.statements.readAll.all(fromPosition, limit).map(toRecorded);
      return { events, position: events.at(-1)?.position ?? fromPosition };
    }
    // Scan a window of positions so a filtered reader still advances past events it skips.
    const rows = this.db
      .prepare<unknown[], EventRow>(
        `SELECT * FROM (SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?)
         WHERE type IN (${types.map(() => '?').join(',')})`,
      )
      .all(fromPosition, limit, ...types);
    const scannedTo =
      this.db
        .prepare<[number, number], { p: number | null }>(
          'SELECT max(position) AS p FROM (SELECT position FROM events WHERE position > ? ORDER BY position LIMIT ?)',
        )
        .get(fromPosition, limit)?.p ?? fromPosition;
    return { events: rows.map(toRecorded), position: scannedTo };
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
      const row = this.statements.commandResult.get(commandId, streamId);
      if (row?.revision == null || row.position == null) return null;
      return { nextExpectedRevision: row.revision, position: row.position };
    });
  }

  readByCustomer(
    customerId: string,
    options: ReadByCustomerOptions = {},
  ): Promise<RecordedEvent[]> {
    return this.guard(() =>
      this.db
        .prepare<Record<string, unknown>, EventRow>(
          `SELECT * FROM events WHERE customer_id = @customerId AND position > @fromPosition
             AND position <= @toPosition AND recorded_at <= @toTime ORDER BY position LIMIT @limit`,
        )
        .all({
          customerId,
          fromPosition: options.fromPosition ?? 0,
          toPosition: options.toPosition ?? Number.MAX_SAFE_INTEGER,
          toTime: options.toTime?.toISOString() ?? '9999',
          limit: options.limit ?? -1,
        })
        .map(toRecorded),
    );
  }

  headPosition(): Promise<number> {
    return this.guard(() => this.headSync());
  }

  private headSync(): number {
    return this.statements.head.get()?.head ?? 0;
  }

  ping(): Promise<void> {
    return this.guard(() => {
      this.db.prepare('SELECT 1').get();
    });
  }

  close(): Promise<void> {
    this.appended.removeAllListeners();
    if (this.db.open) this.db.close();
    return Promise.resolve();
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

const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;

export const translateSqliteError = (error: unknown): Error => {
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return new StoreUnavailableError('event-store', error);
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) {
    return new StoreUnavailableError('event-store', error);
  }
  return error instanceof Error ? error : new Error(String(error));
};

const assertExpected = (
  streamId: string,
  expected: ExpectedRevision,
  current: number | null,
): void => {
  const actual = current ?? 'no_stream';
  if (expected === 'any') return;
  if (expected === 'no_stream' && current === null) return;
  if (expected === 'stream_exists' && current !== null) return;
  if (typeof expected === 'number' && expected === current) return;
  throw new WrongExpectedRevisionError(streamId, expected, actual);
};
