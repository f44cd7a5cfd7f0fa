import type { NewEvent, RecordedEvent } from './event';

/**
 * `no_stream`: the stream must not exist. `stream_exists`: it must exist.
 * `any`: no check. A number: the revision (0-based) of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export type AppendResult = {
  /** Revision of the last event now in the stream (the next append expects it). */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
};

export type ReadStreamOptions = {
  fromRevision?: number;
  /** Only events at or before this global position. */
  toPosition?: number;
  /** Only events recorded at or before this instant. */
  toTime?: Date;
};

export type ReadAllOptions = {
  /** Exclusive: events strictly after this position. 0 reads from the start. */
  fromPosition: number;
  limit: number;
  /** Only these event types; the scan still reports how far it went. */
  types?: readonly string[];
};

export type ReadAllPage = {
  events: RecordedEvent[];
  /** Position up to which the log was scanned (the last event's, or the head when filtering). */
  position: number;
};

export type ReadByCustomerOptions = {
  /** Exclusive: events strictly after this position. */
  fromPosition?: number;
  toPosition?: number;
  toTime?: Date;
  limit?: number;
};

export type SubscribeOptions = {
  fromPosition: number;
  types?: readonly string[];
  batchSize?: number;
  signal?: AbortSignal;
};

/** The only source of truth: an append-only log of streams with a global order. */
export interface EventStore {
  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<ReadAllPage>;
  /** Catch-up then live: every event after `fromPosition` exactly once, in order; pages may be empty heartbeats. */
  subscribeToAll(options: SubscribeOptions): AsyncIterable<ReadAllPage>;
  /**
   * The result of an earlier append of `commandId` to `streamId`, if there was one.
   * `firstEventId`: the id that command's first event has (ids derived from the command id), so
   * a store that indexes event ids can answer without scanning the stream.
   */
  findCommandResult(
    streamId: string,
    commandId: string,
    firstEventId?: string,
  ): Promise<AppendResult | null>;
  /** Every event whose metadata names this customer, in global order. */
  readByCustomer(customerId: string, options?: ReadByCustomerOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
