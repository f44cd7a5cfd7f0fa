import { escapeIdentifier } from 'pg';
import { GENESIS_HASH } from '../../store/hash-chain';

/** Table names of the event store inside the configured schema, quoted once. */
export type EventTables = { schema: string; events: string; chain: string; channel: string };

export const eventTables = (schema: string): EventTables => {
  const quoted = escapeIdentifier(schema);
  return {
    schema: quoted,
    events: `${quoted}.events`,
    chain: `${quoted}.event_chain`,
    // NOTIFY channels are identifiers too (63 bytes at most): one channel per schema.
    channel: `crm_events_${schema}`.slice(0, 63),
  };
};

/**
 * Positions come from an identity sequence, so they are strictly increasing and have gaps (a
 * rolled-back append consumed its numbers). Every append takes the one row of `event_chain`
 * FOR UPDATE before it inserts, so positions are drawn and committed in the same order
 * (docs/adr/0013): a reader of "position > checkpoint" never skips an event committed later.
 * `data` and `metadata` are `json`, which keeps the exact text the hash chain covers.
 */
export const eventStoreSchema = (t: EventTables): string => `
CREATE SCHEMA IF NOT EXISTS ${t.schema};
CREATE TABLE IF NOT EXISTS ${t.events} (
  position       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id       text        NOT NULL,
  stream_id      text        NOT NULL,
  revision       bigint      NOT NULL,
  type           text        NOT NULL,
  schema_version integer     NOT NULL,
  data           json        NOT NULL,
  metadata       json        NOT NULL,
  command_id     text        NOT NULL,
  customer_id    text,
  recorded_at    timestamptz NOT NULL,
  previous_hash  text        NOT NULL,
  hash           text        NOT NULL,
  CONSTRAINT events_event_id_unique UNIQUE (event_id),
  CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_command ON ${t.events} (command_id);
CREATE INDEX IF NOT EXISTS events_by_customer ON ${t.events} (customer_id, position)
  WHERE customer_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS ${t.chain} (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  hash text    NOT NULL
);
INSERT INTO ${t.chain} (hash) VALUES ('${GENESIS_HASH}') ON CONFLICT (id) DO NOTHING;
`;
