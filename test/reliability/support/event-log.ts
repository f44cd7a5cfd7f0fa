import Database from 'better-sqlite3';
import { join } from 'node:path';

export type LoggedEvent = {
  position: number;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  data: Record<string, any>;
  metadata: Record<string, any>;
  commandId: string;
};

type Row = {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  command_id: string;
};

/** Reads the embedded event store directly (read-only; WAL lets the service keep writing). */
const withLog = <T>(dataDir: string, work: (db: Database.Database) => T): T => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
};

export const headPosition = (dataDir: string): number =>
  withLog(
    dataDir,
    (db) => (db.prepare('SELECT max(position) FROM events').pluck().get() as number | null) ?? 0,
  );

export const eventCount = (dataDir: string): number =>
  withLog(dataDir, (db) => db.prepare('SELECT count(*) FROM events').pluck().get() as number);

const toEvent = (row: Row): LoggedEvent => ({
  position: row.position,
  eventId: row.event_id,
  streamId: row.stream_id,
  revision: row.revision,
  type: row.type,
  data: JSON.parse(row.data) as Record<string, any>,
  metadata: JSON.parse(row.metadata) as Record<string, any>,
  commandId: row.command_id,
});

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, command_id';

/** Every event after a position (all of them from 0), in log order. */
export const eventsAfter = (dataDir: string, position = 0): LoggedEvent[] =>
  withLog(dataDir, (db) =>
    (
      db
        .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position`)
        .all(position) as Row[]
    ).map(toEvent),
  );

export const streamEvents = (dataDir: string, streamId: string): LoggedEvent[] =>
  withLog(dataDir, (db) =>
    (
      db
        .prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY position`)
        .all(streamId) as Row[]
    ).map(toEvent),
  );
