/**
 * The position is SQLite's rowid (AUTOINCREMENT, so never reused): writes are serialised by
 * SQLite's single writer, so positions become visible in order and a reader never sees a gap.
 */
export const EVENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  command_id     TEXT    NOT NULL,
  customer_id    TEXT,
  recorded_at    TEXT    NOT NULL,
  -- Tamper evidence: each event's hash covers its stored fields and the previous event's hash.
  previous_hash  TEXT,
  hash           TEXT,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_command ON events (command_id);
CREATE INDEX IF NOT EXISTS events_by_customer ON events (customer_id, position) WHERE customer_id IS NOT NULL;
`;
