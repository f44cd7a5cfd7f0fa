import { BACKWARDS, END, ErrorType, EventStoreDBClient } from '@eventstore/db-client';
import type { ReadPosition } from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../../store/event';
import { AppendOutcomeUnknownError, DuplicateEventIdError } from '../../store/errors';
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
import { AppendNotifier } from './eventstoredb-append-notifier';
import { toClientConnectionString } from './eventstoredb-connection-string';
import { CustomerIndex } from './eventstoredb-customer-index';
import {
  isAppendOutcomeUnknown,
  isEsdbError,
  toAppendTooLarge,
  toWrongExpectedRevision,
  translateEsdbError,
} from './eventstoredb-errors';
import { EventIdRegistry } from './eventstoredb-event-ids';
import {
  assertExpectedRevision,
  isCrmRecord,
  positionOf,
  toEsdbExpectedRevision,
  toEventData,
  toRecordedEvent,
} from './eventstoredb-mapping';
import { toGlobalPosition, toReadPosition } from './eventstoredb-positions';
import { DEFAULT_READ_TIMEOUT_MS, eachRecord, firstRecord } from './eventstoredb-reads';
import { decideReplay } from './eventstoredb-replay';

export type EventStoreDbEventStoreOptions = {
  /** How often a follower re-reads $all when the live notification subscription is down. */
  pollIntervalMs?: number;
  /** Longest a single read may take before it is cancelled (the store then counts as unavailable). */
  readTimeoutMs?: number;
};

/** Events scanned at most per readAll call, so a filtered read of a long log still returns. */
const SCAN_WINDOW = 4096;
/** findCommandResult looks this many events back from the end of the stream, no further. */
export const COMMAND_SCAN_LIMIT = 1000;
/** Most events one command appends that findCommandResult reads past its first. */
const COMMAND_BATCH_LIMIT = 1000;
const HEAD_SCAN_CHUNK = 100;

/**
 * Production event store over EventStoreDB / KurrentDB (gRPC, server 22.6 or later). Global
 * positions are ESDB prepare positions (see eventstoredb-positions.ts), unique event ids are
 * reserved per id (eventstoredb-event-ids.ts), the by-customer view is a link index kept by
 * readers (eventstoredb-customer-index.ts). Records that are not CRM events (system events,
 * our own index records, foreign writers) are skipped by every global read.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly notifier: AppendNotifier;
  private readonly eventIds: EventIdRegistry;
  private readonly customers: CustomerIndex;
  private readonly pollIntervalMs: number;
  private readonly readTimeoutMs: number;
  /** headPosition's memory: every record up to `upTo` was examined; the last CRM one is `head`. */
  private examined: { upTo: number; head: number } | null = null;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    this.notifier = new AppendNotifier(client);
    this.eventIds = new EventIdRegistry(client, this.readTimeoutMs);
    this.customers = new CustomerIndex(
      client,
      (readOptions) => this.readAll(readOptions),
      this.readTimeoutMs,
    );
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  /** Parses the connection string (throws if invalid) and checks the server answers. */
  static async connect(
    connectionString: string,
    options: EventStoreDbEventStoreOptions = {},
  ): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(toClientConnectionString(connectionString)),
      options,
    );
    try {
      await store.ping();
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.guard(async () => {
      if (events.length === 0) return this.appendNothing(streamId, expectedRevision);
      const replay = await this.replayedBatch(streamId, events);
      if (replay) return replay;
      let revision: bigint;
      try {
        const result = await this.client.appendToStream(streamId, events.map(toEventData), {
          expectedRevision: toEsdbExpectedRevision(expectedRevision),
        });
        revision = result.nextExpectedRevision;
      } catch (error) {
        if (isEsdbError(error, ErrorType.WRONG_EXPECTED_VERSION)) {
          throw toWrongExpectedRevision(streamId, expectedRevision, error);
        }
        const tooLarge = toAppendTooLarge(streamId, error);
        if (tooLarge) throw tooLarge;
        if (isAppendOutcomeUnknown(error)) throw new AppendOutcomeUnknownError(error);
        throw error;
      }
      this.notifier.notify();
      return {
        nextExpectedRevision: Number(revision),
        position: await this.positionAt(streamId, revision),
      };
    });
  }

  /** Read back rather than trust the append's position, whose meaning for a batch varies by server version. */
  private async positionAt(streamId: string, revision: bigint): Promise<number> {
    const read = this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    const record = (await firstRecord(read, this.readTimeoutMs))?.event;
    if (!record) throw new Error(`appended event ${streamId}@${revision} is not readable`);
    return toRecordedEvent(record).position;
  }

  private async replayedBatch(
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<AppendResult | null> {
    const eventIds = events.map((event) => event.metadata.eventId);
    const repeated = eventIds.find((id, index) => eventIds.indexOf(id) !== index);
    if (repeated !== undefined) throw new DuplicateEventIdError(repeated);
    const owners = await this.eventIds.reserve(streamId, eventIds);
    const foreign = owners.findIndex((owner) => owner !== null && owner !== streamId);
    if (foreign !== -1) throw new DuplicateEventIdError(eventIds[foreign] ?? '');
    const stored = owners.some((owner) => owner === streamId)
      ? await this.eventIds.locate(streamId, eventIds)
      : eventIds.map(() => null);
    const decision = decideReplay(streamId, eventIds, stored);
    if (decision.kind === 'duplicate') throw new DuplicateEventIdError(decision.eventId);
    return decision.kind === 'replay' ? decision.result : null;
  }

  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.readBackwards(streamId, 1);
    const current = last[0]?.revision ?? null;
    assertExpectedRevision(streamId, expected, current);
    return { nextExpectedRevision: current ?? -1, position: await this.headPosition() };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.guard(async () => {
      const events: RecordedEvent[] = [];
      try {
        const read = this.client.readStream(streamId, {
          fromRevision: BigInt(options.fromRevision ?? 0),
        });
        await eachRecord(
          read,
          ({ event: record }) => {
            if (!record) return true;
            const event = toRecordedEvent(record);
            if (options.toPosition !== undefined && event.position > options.toPosition) {
              return false;
            }
            if (options.toTime && new Date(event.recordedAt) > options.toTime) return true;
            events.push(event);
            return true;
          },
          this.readTimeoutMs,
        );
      } catch (error) {
        if (isEsdbError(error, ErrorType.STREAM_NOT_FOUND)) return [];
        throw error;
      }
      return events;
    });
  }

  /**
   * The v6 client has no server-side filter for reading $all (only subscriptions have), so
   * types are matched here, within a scan window that still reports how far it went.
   */
  readAll({ fromPosition, limit, types }: ReadAllOptions): Promise<ReadAllPage> {
    return this.guard(async () => {
      const wanted = types ? new Set(types) : null;
      const window = Math.max(limit, SCAN_WINDOW);
      const events: RecordedEvent[] = [];
      let position = fromPosition;
      let scanned = 0;
      const read = this.client.readAll({
        fromPosition: toReadPosition(fromPosition),
        maxCount: window + 1,
      });
      await eachRecord(
        read,
        ({ event: record }) => {
          if (!record) return true;
          const crm = isCrmRecord(record);
          const at = crm ? positionOf(record) : toGlobalPosition(record.position);
          if (at <= fromPosition) return true;
          position = at;
          scanned += 1;
          if (crm && (!wanted || wanted.has(record.type))) {
            events.push(toRecordedEvent(record));
          }
          return events.length < limit && scanned < window;
        },
        this.readTimeoutMs,
      );
      return { events, position };
    });
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<ReadAllPage> {
    return followLog({
      ...options,
      read: (readOptions) => this.readAll(readOptions),
      pollIntervalMs: this.pollIntervalMs,
      onAppend: (listener) => this.notifier.onAppend(listener),
    });
  }

  /**
   * With the command's first event id (the command runner derives it), exact at any age: the
   * id's reservation says whether and where it was appended, then the command's events are read
   * from there. Without it, bounded: a command older than the stream's last
   * COMMAND_SCAN_LIMIT events is not found.
   */
  findCommandResult(
    streamId: string,
    commandId: string,
    firstEventId?: string,
  ): Promise<AppendResult | null> {
    return this.guard(async () => {
      if (firstEventId !== undefined)
        return this.commandResultFrom(streamId, commandId, firstEventId);
      const recent = await this.readBackwards(streamId, COMMAND_SCAN_LIMIT);
      const last = recent.find((event) => event.metadata.commandId === commandId);
      return last ? { nextExpectedRevision: last.revision, position: last.position } : null;
    });
  }

  private async commandResultFrom(
    streamId: string,
    commandId: string,
    firstEventId: string,
  ): Promise<AppendResult | null> {
    if ((await this.eventIds.ownerOf(firstEventId)) !== streamId) return null;
    const [first] = await this.eventIds.locate(streamId, [firstEventId]);
    if (!first) return null; // reserved, but its append never happened (a conflict, a crash)
    let last: RecordedEvent | undefined;
    const read = this.client.readStream(streamId, {
      fromRevision: BigInt(first.revision),
      maxCount: COMMAND_BATCH_LIMIT,
    });
    await eachRecord(
      read,
      ({ event: record }) => {
        const event = record && isCrmRecord(record) ? toRecordedEvent(record) : undefined;
        if (event?.metadata.commandId !== commandId) return false;
        last = event;
        return true;
      },
      this.readTimeoutMs,
    );
    return last ? { nextExpectedRevision: last.revision, position: last.position } : null;
  }

  readByCustomer(
    customerId: string,
    options: ReadByCustomerOptions = {},
  ): Promise<RecordedEvent[]> {
    return this.guard(async () => {
      const events = (await this.customers.read(customerId)).filter(
        (event) =>
          event.position > (options.fromPosition ?? 0) &&
          (options.toPosition === undefined || event.position <= options.toPosition) &&
          (options.toTime === undefined || new Date(event.recordedAt) <= options.toTime),
      );
      return options.limit === undefined ? events : events.slice(0, options.limit);
    });
  }

  /**
   * The position of the last CRM event: system records after it are not a head to wait for.
   * Reads $all backwards from the end, but no further than what an earlier call examined (the
   * log only grows), so the system records ESDB keeps writing ($stats, our index records) are
   * scanned once, not on every readiness probe and scrape.
   */
  headPosition(): Promise<number> {
    return this.guard(async () => {
      const known = this.examined;
      let from: ReadPosition = END;
      let newest: number | null = null;
      for (;;) {
        let seen = 0;
        let head: number | null = null;
        let reachedKnown = false;
        const read = this.client.readAll({
          fromPosition: from,
          direction: BACKWARDS,
          maxCount: HEAD_SCAN_CHUNK,
        });
        await eachRecord(
          read,
          ({ event: record }) => {
            if (!record) return true;
            const crm = isCrmRecord(record);
            const at = crm ? positionOf(record) : toGlobalPosition(record.position);
            newest ??= at;
            if (known && at <= known.upTo) {
              reachedKnown = true;
              return false;
            }
            if (crm) {
              head = at;
              return false;
            }
            // Backward reads exclude the position they start from.
            from = record.position;
            seen += 1;
            return true;
          },
          this.readTimeoutMs,
        );
        if (head === null && !reachedKnown && seen === HEAD_SCAN_CHUNK) continue;
        const result: number = head ?? (reachedKnown && known ? known.head : 0);
        if (newest !== null) this.examined = { upTo: newest, head: result };
        return result;
      }
    });
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      await firstRecord(
        this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }),
        this.readTimeoutMs,
      );
    });
  }

  async close(): Promise<void> {
    await this.notifier.close();
    await this.client.dispose();
  }

  private async readBackwards(streamId: string, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount,
      });
      await eachRecord(
        read,
        ({ event: record }) => {
          if (record) events.push(toRecordedEvent(record));
          return true;
        },
        this.readTimeoutMs,
      );
    } catch (error) {
      if (isEsdbError(error, ErrorType.STREAM_NOT_FOUND)) return [];
      throw error;
    }
    return events;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateEsdbError(error);
    }
  }
}
