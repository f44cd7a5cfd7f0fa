import type Database from 'better-sqlite3';
import type { NewEvent } from '../../store/event';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../store/errors';
import type { AppendResult, ExpectedRevision } from '../../store/event-store.port';
import type { Outcome } from './group-commit-queue';
import { GENESIS_HASH, chainHash } from '../../store/hash-chain';

export type AppendRequest = {
  streamId: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
};

type StoredAt = { stream_id: string; revision: number; position: number };

/** SQLite's own failures (locked, full, I/O): they doom the whole transaction, not one append. */
const STORE_FAILURE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;

export const isStoreFailure = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && STORE_FAILURE.test(code);
};

/**
 * The write side of the SQLite store. A batch of appends runs in ONE immediate transaction;
 * each append is a savepoint inside it with its own idempotency and expected-revision checks,
 * so a refused append rolls back alone and the others commit (one fsync for all of them).
 */
export class SqliteAppender {
  private readonly streamRevision;
  private readonly insert;
  private readonly byEventId;
  private readonly head;
  private readonly lastHash;
  private readonly appendOne;
  private readonly appendMany;
  /** Hash of the last event written by the transaction in progress (null: read it). */
  private chainHead: string | null = null;

  constructor(db: Database.Database) {
    this.streamRevision = db
      .prepare<[string], number | null>('SELECT max(revision) FROM events WHERE stream_id = ?')
      .pluck();
    this.insert = db.prepare<unknown[]>(
      `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, command_id, customer_id, recorded_at, previous_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lastHash = db
      .prepare<[], string | null>('SELECT hash FROM events ORDER BY position DESC LIMIT 1')
      .pluck();
    this.byEventId = db.prepare<[string], StoredAt>(
      'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
    );
    this.head = db.prepare<[], number | null>('SELECT max(position) FROM events').pluck();
    // Called inside appendMany, better-sqlite3 turns this transaction into a savepoint.
    this.appendOne = db.transaction((request: AppendRequest) => this.write(request));
    this.appendMany = db.transaction((requests: AppendRequest[]) =>
      requests.map((request): Outcome<AppendResult> => {
        try {
          // One event is one INSERT, which SQLite undoes alone when it fails: no savepoint needed.
          const append =
            request.events.length <= 1 ? () => this.write(request) : () => this.appendOne(request);
          return { ok: true, value: this.orReplay(request, append) };
        } catch (error) {
          if (isStoreFailure(error)) throw error;
          return { ok: false, error: asError(error) };
        }
      }),
    );
  }

  /** One outcome per request, in order. Throws only when the transaction as a whole failed. */
  commit(requests: AppendRequest[]): Outcome<AppendResult>[] {
    this.chainHead = null;
    const [only] = requests;
    if (requests.length === 1 && only) {
      try {
        return [{ ok: true, value: this.orReplay(only, () => this.appendOne.immediate(only)) }];
      } catch (error) {
        if (isStoreFailure(error)) throw error;
        return [{ ok: false, error: asError(error) }];
      }
    }
    return this.appendMany.immediate(requests);
  }

  /**
   * The insert itself finds a stored event id (the unique index); only then, with the append
   * rolled back, is it told apart: the same batch retried answers as it did the first time.
   */
  private orReplay(request: AppendRequest, append: () => AppendResult): AppendResult {
    try {
      return append();
    } catch (error) {
      if (!isEventIdTaken(error)) throw error;
      const replay = this.replayedBatch(request.streamId, request.events);
      if (replay) return replay;
      throw new DuplicateEventIdError(request.events[0]?.metadata.eventId ?? '');
    }
  }

  headPosition(): number {
    return this.head.get() ?? 0;
  }

  private write({ streamId, events, expectedRevision }: AppendRequest): AppendResult {
    const current = this.streamRevision.get(streamId) ?? null;
    if (!isExpected(expectedRevision, current)) {
      // A retried batch finds its stream moved on: answer as the first append did.
      const replay = this.replayedBatch(streamId, events);
      if (replay) return replay;
      throw new WrongExpectedRevisionError(streamId, expectedRevision, current ?? 'no_stream');
    }
    if (events.length === 0) {
      return { nextExpectedRevision: current ?? -1, position: this.headPosition() };
    }
    let revision = current ?? -1;
    let position = 0;
    const recordedAt = new Date().toISOString();
    // The transaction holds the write lock: the last hash it wrote is still the head of the chain.
    let previous = this.chainHead ?? this.lastHash.get() ?? GENESIS_HASH;
    for (const { type, data, metadata } of events) {
      revision += 1;
      const stored = {
        eventId: metadata.eventId,
        streamId,
        revision,
        type,
        schemaVersion: metadata.schemaVersion,
        data: JSON.stringify(data),
        metadata: JSON.stringify(metadata),
        recordedAt,
      };
      const hash = chainHash(previous, stored);
      const info = this.insert.run(
        stored.eventId,
        streamId,
        revision,
        type,
        stored.schemaVersion,
        stored.data,
        stored.metadata,
        metadata.commandId,
        metadata.customerId ?? null,
        recordedAt,
        previous,
        hash,
      );
      previous = hash;
      position = Number(info.lastInsertRowid);
    }
    this.chainHead = previous;
    return { nextExpectedRevision: revision, position };
  }

  /**
   * Unique event ids make appends idempotent: if the batch's ids are already stored as one
   * batch of this stream, answer as the first append did and write nothing.
   */
  private replayedBatch(streamId: string, events: readonly NewEvent[]): AppendResult | null {
    const first = events[0];
    if (!first) return null;
    const existing = this.byEventId.get(first.metadata.eventId);
    if (!existing) {
      const seen = new Set([first.metadata.eventId]);
      for (const event of events.slice(1)) {
        const { eventId } = event.metadata;
        if (seen.has(eventId) || this.byEventId.get(eventId)) {
          throw new DuplicateEventIdError(eventId);
        }
        seen.add(eventId);
      }
      return null;
    }
    let last = existing;
    for (const [index, event] of events.entries()) {
      const row = this.byEventId.get(event.metadata.eventId);
      if (!row || row.stream_id !== streamId || row.revision !== existing.revision + index) {
        throw new DuplicateEventIdError(event.metadata.eventId);
      }
      last = row;
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

/** Keeps the driver's own errors (possibly from another realm) as they are. */
const asError = (error: unknown): Error =>
  typeof (error as { message?: unknown } | null)?.message === 'string'
    ? (error as Error)
    : new Error(String(error));

const isExpected = (expected: ExpectedRevision, current: number | null): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && current === null) ||
  (expected === 'stream_exists' && current !== null) ||
  (typeof expected === 'number' && expected === current);

/** The unique index on event ids refused an insert. */
const isEventIdTaken = (error: unknown): boolean => {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('events.event_id')
  );
};
