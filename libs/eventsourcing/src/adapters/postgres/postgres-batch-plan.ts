import type { NewEvent } from '../../store/event';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../store/errors';
import type { AppendResult, ExpectedRevision } from '../../store/event-store.port';
import { chainHash } from '../../store/hash-chain';
import type { BatchOutcome } from './postgres-commit-queue';

export type AppendRequest = {
  streamId: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
};

/** An event already in the log, found by its id. */
export type StoredEvent = { streamId: string; revision: number; position: number };

/** What the log holds for a batch, read under the append lock. */
export type LogState = {
  chainHead: string;
  revisions: ReadonlyMap<string, number>;
  storedIds: ReadonlyMap<string, StoredEvent>;
};

/** One row to insert, with its link in the chain. */
export type EventInsert = {
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  commandId: string;
  customerId: string | null;
  recordedAt: string;
  previousHash: string;
  hash: string;
};

/** `written` appends get their position from the insert (the last of their rows). */
export type PlannedOutcome =
  | BatchOutcome<AppendResult>
  | { kind: 'written'; nextExpectedRevision: number; lastEventId: string }
  | { kind: 'empty'; nextExpectedRevision: number };

export type BatchPlan = { outcomes: PlannedOutcome[]; rows: EventInsert[]; chainHead: string };

/**
 * Decides every append of a batch against the log as read under the lock, in order, as if
 * each ran alone: later appends see the revisions and event ids of earlier accepted ones.
 * Pure, so the same checks hold however the batch is assembled.
 */
export const planBatch = (
  requests: readonly AppendRequest[],
  log: LogState,
  recordedAt: string,
): BatchPlan => {
  const revisions = new Map(log.revisions);
  const written = new Set<string>();
  const rows: EventInsert[] = [];
  let chainHead = log.chainHead;
  const outcomes = requests.map((request): PlannedOutcome => {
    try {
      const { streamId, events, expectedRevision } = request;
      assertStorable(request);
      const first = events[0]?.metadata.eventId;
      // The same batch sent twice at once: answer the second once the first is committed.
      if (first !== undefined && written.has(first)) return { kind: 'again' };
      const replay = replayOf(request, log.storedIds);
      if (replay) return { kind: 'done', value: replay };
      assertNewIds(events, log.storedIds, written);
      const current = revisions.get(streamId) ?? null;
      if (!isExpected(expectedRevision, current)) {
        throw new WrongExpectedRevisionError(streamId, expectedRevision, current ?? 'no_stream');
      }
      if (events.length === 0) return { kind: 'empty', nextExpectedRevision: current ?? -1 };
      let revision = current ?? -1;
      for (const { type, data, metadata } of events) {
        revision += 1;
        const row = {
          eventId: metadata.eventId,
          streamId,
          revision,
          type,
          schemaVersion: metadata.schemaVersion,
          data: JSON.stringify(data),
          metadata: JSON.stringify(metadata),
          commandId: metadata.commandId,
          customerId: metadata.customerId ?? null,
          recordedAt,
          previousHash: chainHead,
        };
        chainHead = chainHash(chainHead, row);
        rows.push({ ...row, hash: chainHead });
        written.add(metadata.eventId);
      }
      revisions.set(streamId, revision);
      const lastEventId = events.at(-1)?.metadata.eventId ?? '';
      return { kind: 'written', nextExpectedRevision: revision, lastEventId };
    } catch (error) {
      return { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
    }
  });
  return { outcomes, rows, chainHead };
};

/** No id of the batch may be stored already, written earlier in this batch, or repeated. */
const assertNewIds = (
  events: readonly NewEvent[],
  stored: ReadonlyMap<string, StoredEvent>,
  written: ReadonlySet<string>,
): void => {
  const seen = new Set<string>();
  for (const { metadata } of events) {
    const id = metadata.eventId;
    if (stored.has(id) || written.has(id) || seen.has(id)) throw new DuplicateEventIdError(id);
    seen.add(id);
  }
};

/**
 * Unique event ids make appends idempotent: a batch whose ids are all stored, as one run of
 * this stream, answers as the first append did and writes nothing.
 */
const replayOf = (
  { streamId, events }: AppendRequest,
  stored: ReadonlyMap<string, StoredEvent>,
): AppendResult | null => {
  const first = events[0] && stored.get(events[0].metadata.eventId);
  if (!first) return null;
  let last = first;
  for (const [index, event] of events.entries()) {
    const row = stored.get(event.metadata.eventId);
    if (!row || row.streamId !== streamId || row.revision !== first.revision + index) {
      throw new DuplicateEventIdError(event.metadata.eventId);
    }
    last = row;
  }
  return { nextExpectedRevision: last.revision, position: last.position };
};

export const isExpected = (expected: ExpectedRevision, current: number | null): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && current === null) ||
  (expected === 'stream_exists' && current !== null) ||
  (typeof expected === 'number' && expected === current);

/** PostgreSQL text cannot hold NUL: refuse that append alone rather than fail the batch. */
const assertStorable = ({ streamId, events }: AppendRequest): void => {
  const texts = [
    streamId,
    ...events.flatMap((e) => [
      e.type,
      e.metadata.eventId,
      e.metadata.commandId,
      e.metadata.customerId ?? '',
    ]),
  ];
  if (texts.some((text) => text.includes('\u0000'))) {
    throw new Error(`stream ${JSON.stringify(streamId)}: ids and types cannot contain NUL`);
  }
  const version = events.find((e) => !Number.isSafeInteger(e.metadata.schemaVersion));
  if (version) {
    throw new Error(`event ${version.metadata.eventId}: schemaVersion must be an integer`);
  }
};
