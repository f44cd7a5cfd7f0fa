import { ANY, NO_STREAM, STREAM_EXISTS, jsonEvent } from '@eventstore/db-client';
import type { AppendExpectedRevision, EventData, Position } from '@eventstore/db-client';
import { v5 as uuidv5, validate as isUuid } from 'uuid';
import type { EventMetadata, NewEvent, RecordedEvent } from '../../store/event';
import { WrongExpectedRevisionError } from '../../store/errors';
import type { ExpectedRevision } from '../../store/event-store.port';
import { toGlobalPosition, toRevisionNumber } from './eventstoredb-positions';

/** Namespace of the ESDB ids derived from event ids that are not UUIDs (ESDB requires UUIDs). */
export const ESDB_ID_NAMESPACE = '3a4b1f7e-5c2d-4e8a-9b6f-0d1c2e3f4a5b';

/** The fields of an ESDB recorded event this adapter reads. */
export type EsdbRecord = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: Position;
};

export const toEsdbExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`expected revision must be a non-negative integer, got ${expected}`);
      }
      return BigInt(expected);
  }
};

export const toEsdbEventId = (eventId: string): string =>
  isUuid(eventId) ? eventId.toLowerCase() : uuidv5(eventId, ESDB_ID_NAMESPACE);

/** Our metadata is the ESDB metadata JSON, plus ESDB's own correlation keys for its tooling. */
export const toEsdbMetadata = (metadata: EventMetadata): Record<string, unknown> => ({
  ...metadata,
  $correlationId: metadata.correlationId,
  $causationId: metadata.causationId,
});

export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({
    id: toEsdbEventId(event.metadata.eventId),
    type: event.type,
    data: event.data,
    metadata: toEsdbMetadata(event.metadata),
  });

const asObject = (value: unknown): Record<string, unknown> | null => {
  const parsed = value instanceof Uint8Array ? parseJson(value) : value;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
};

const parseJson = (bytes: Uint8Array): unknown => {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return null;
  }
};

/** Our metadata back from ESDB's, without the `$`-prefixed keys ESDB tooling reads. */
export const fromEsdbMetadata = (raw: unknown): EventMetadata | null => {
  const object = asObject(raw);
  if (!object || typeof object.eventId !== 'string') return null;
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => !key.startsWith('$')),
  ) as EventMetadata;
};

/** System events (`$`-typed or in `$` streams: links, stats, our own index records) are not ours. */
export const isSystemRecord = (record: Pick<EsdbRecord, 'type' | 'streamId'>): boolean =>
  record.type.startsWith('$') || record.streamId.startsWith('$');

/** A CRM event: not a system event, JSON object data, our metadata. Anything else is skipped. */
export const isCrmRecord = (record: EsdbRecord): boolean =>
  !isSystemRecord(record) &&
  record.isJson &&
  asObject(record.data) !== null &&
  fromEsdbMetadata(record.metadata) !== null;

/**
 * `knownPosition` wins over the record's own: for a link's target, the position the link
 * recorded is certain, while what a server reports for a resolved event varies by version.
 */
export const toRecordedEvent = (record: EsdbRecord, knownPosition?: number): RecordedEvent => {
  const metadata = fromEsdbMetadata(record.metadata);
  const data = asObject(record.data);
  if (!metadata || !data) {
    throw new Error(
      `event ${record.id} in ${record.streamId} is not a CRM event (no JSON data or metadata)`,
    );
  }
  return {
    streamId: record.streamId,
    revision: toRevisionNumber(record.revision),
    position: knownPosition ?? positionOf(record),
    type: record.type,
    data,
    metadata,
    recordedAt: record.created.toISOString(),
  };
};

/**
 * A CRM event's global position. Servers before 22.6 send none on some reads, and protobuf
 * then reads the missing fields as 0: no CRM event is at 0 (the log starts with the server's
 * own records), so 0 means "not reported", never "the first event". System records may be
 * read with `toGlobalPosition` as they come.
 */
export const positionOf = (record: Pick<EsdbRecord, 'position'>): number => {
  if (!record.position || (record.position.prepare === 0n && record.position.commit === 0n)) {
    throw new Error('EventStoreDB returned no event position: version 22.6 or later is required');
  }
  return toGlobalPosition(record.position);
};

/** The check ESDB makes on append, for the empty batches we answer without writing. */
export const assertExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  current: number | null,
): void => {
  if (expected === 'any') return;
  if (expected === 'no_stream' && current === null) return;
  if (expected === 'stream_exists' && current !== null) return;
  if (typeof expected === 'number' && expected === current) return;
  throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
};
