import { BACKWARDS, END, ErrorType, NO_STREAM, jsonEvent } from '@eventstore/db-client';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { isEsdbError } from './eventstoredb-errors';
import { fromEsdbMetadata } from './eventstoredb-mapping';
import { toGlobalPosition, toRevisionNumber } from './eventstoredb-positions';
import { eachRecord, firstRecord } from './eventstoredb-reads';
import type { StoredEventRef } from './eventstoredb-replay';

export const EVENT_ID_STREAM_PREFIX = 'crm-event-id-';
/** `$`-typed so every reader skips it as a system event. */
export const EVENT_ID_RESERVED = '$crm-event-id-reserved';

export const eventIdStream = (eventId: string): string => `${EVENT_ID_STREAM_PREFIX}${eventId}`;

/**
 * ESDB has no unique index on event ids: its idempotent append only recognises a batch retried
 * on the same stream at the same expected revision (with `any`, only recent events, best
 * effort), and the same id may be appended to any other stream. So each id is reserved: a
 * one-event stream per id, created with expected `no_stream`, naming the stream it belongs to.
 * Reservations are written before the events and not atomically with them (ESDB has no
 * multi-stream transaction): after a crash in between, the id stays reserved for its stream
 * with no event; a retry to that stream proceeds, a use elsewhere is refused.
 * Cost: one more (small, concurrent) append per event.
 */
export class EventIdRegistry {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly readTimeoutMs?: number,
  ) {}

  /** Reserves the ids for `streamId`; answers per id the stream that already held it, or null. */
  reserve(streamId: string, eventIds: readonly string[]): Promise<(string | null)[]> {
    return Promise.all(eventIds.map((eventId) => this.reserveOne(streamId, eventId)));
  }

  /**
   * Where each id is in the stream, read backwards to the start if need be. Only used when a
   * reservation already existed (a retry), so the full scan is paid on that rare path only.
   */
  async locate(streamId: string, eventIds: readonly string[]): Promise<(StoredEventRef | null)[]> {
    const wanted = new Set(eventIds);
    const found = new Map<string, StoredEventRef>();
    try {
      const read = this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END });
      await eachRecord(
        read,
        ({ event }) => {
          const eventId = event ? fromEsdbMetadata(event.metadata)?.eventId : undefined;
          if (!event?.position || eventId === undefined || !wanted.has(eventId)) return true;
          found.set(eventId, {
            streamId,
            revision: toRevisionNumber(event.revision),
            position: toGlobalPosition(event.position),
          });
          return found.size < wanted.size;
        },
        this.readTimeoutMs,
      );
    } catch (error) {
      if (!isEsdbError(error, ErrorType.STREAM_NOT_FOUND)) throw error;
    }
    return eventIds.map((eventId) => found.get(eventId) ?? null);
  }

  private async reserveOne(streamId: string, eventId: string): Promise<string | null> {
    try {
      // A random ESDB id on purpose: with a derived one, ESDB's own idempotency would answer a
      // repeated reservation as new and hide the retry.
      await this.client.appendToStream(
        eventIdStream(eventId),
        jsonEvent({ type: EVENT_ID_RESERVED, data: { eventId, streamId } }),
        { expectedRevision: NO_STREAM },
      );
      return null;
    } catch (error) {
      if (!isEsdbError(error, ErrorType.WRONG_EXPECTED_VERSION)) throw error;
      return this.owner(eventId);
    }
  }

  /** The stream this id is reserved for, or null when no one reserved it. */
  async ownerOf(eventId: string): Promise<string | null> {
    try {
      return await this.owner(eventId);
    } catch (error) {
      if (isEsdbError(error, ErrorType.STREAM_NOT_FOUND)) return null;
      throw error;
    }
  }

  private async owner(eventId: string): Promise<string> {
    const read = this.client.readStream(eventIdStream(eventId), { maxCount: 1 });
    const data = (await firstRecord(read, this.readTimeoutMs))?.event?.data as
      { streamId?: unknown } | undefined;
    if (typeof data?.streamId === 'string') return data.streamId;
    throw new Error(`the reservation of event id ${eventId} is unreadable`);
  }
}
