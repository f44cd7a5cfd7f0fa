import type { RecordedEvent } from '../../store/event';
import { decodeMetadata } from '../../store/metadata-text';

/** The columns a reader needs, as a positional row (`raw()` statements skip building objects). */
export const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, recorded_at';

export type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  hash?: string | null,
];

/** One object literal of one shape: the log's hot path (catch-up reads and projectors) decodes here. */
export const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row[1],
  revision: row[2],
  position: row[0],
  type: row[3],
  data: JSON.parse(row[4]) as Record<string, unknown>,
  metadata: decodeMetadata(row[5]),
  recordedAt: row[6],
});

/** For reads that select the hash too (a customer's history shows the chain). */
export const toRecordedWithHash = (row: EventRow): RecordedEvent => {
  const event = toRecorded(row);
  if (row[7]) event.hash = row[7];
  return event;
};
