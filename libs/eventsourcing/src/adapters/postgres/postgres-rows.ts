import type { RecordedEvent } from '../../store/event';
import { decodeMetadata } from '../../store/metadata-text';

/** recorded_at as the ISO text the hash covers (appends store whole milliseconds). */
export const ISO_RECORDED_AT = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What readers select, as positional rows (`rowMode: 'array'`); bigints arrive as text. */
export const EVENT_COLUMNS = `position, stream_id, revision, type, data::text, metadata::text, ${ISO_RECORDED_AT}`;

export type PgEventRow = [
  position: string,
  streamId: string,
  revision: string,
  type: string,
  data: string | null,
  metadata: string | null,
  recordedAt: string,
  hash?: string,
];

export const toRecorded = (row: PgEventRow): RecordedEvent => ({
  streamId: row[1],
  revision: Number(row[2]),
  position: Number(row[0]),
  type: row[3],
  data: JSON.parse(row[4] ?? 'null') as Record<string, unknown>,
  metadata: decodeMetadata(row[5] ?? 'null'),
  recordedAt: row[6],
});

export const toRecordedWithHash = (row: PgEventRow): RecordedEvent => {
  const event = toRecorded(row);
  if (row[7]) event.hash = row[7];
  return event;
};
