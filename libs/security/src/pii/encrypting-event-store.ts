import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadByCustomerOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '@crm/eventsourcing';
import type { PiiProtection } from './pii-protection';

export type EncryptingEventStoreOptions = {
  /** Most revealed events kept in memory across all cached streams (0: no cache). */
  cachedEvents?: number;
};

type CachedStream = { events: RecordedEvent[]; owners: Set<string> };

/**
 * The event store as the write side sees it: personal-data fields are sealed before they reach
 * the log, and revealed when the command runner folds a stream, so deciders work on plaintext.
 * Projectors use the raw store: read models hold the same ciphertext, revealed only at the edge.
 *
 * Stored events never change, so a stream read whole is kept revealed (least recently used
 * streams go first) and the next read fetches and decrypts only the events after it. A cached
 * stream is used only while every key it was revealed with is still live, and a forget in this
 * process drops the customer's streams at once: crypto-shredding stays real.
 */
export class EncryptingEventStore implements EventStore {
  private readonly streams = new Map<string, CachedStream>();
  private readonly byCustomer = new Map<string, Set<string>>();
  private readonly maxCachedEvents: number;
  private cachedEvents = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly pii: PiiProtection,
    options: EncryptingEventStoreOptions = {},
  ) {
    this.maxCachedEvents = options.cachedEvents ?? 20_000;
    pii.onForget((customerId) => {
      for (const streamId of this.byCustomer.get(customerId) ?? []) this.drop(streamId);
      this.byCustomer.delete(customerId);
    });
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const sealed = await Promise.all(
      events.map(async (event) => ({
        ...event,
        data: await this.pii.protectData(event.type, event.metadata.customerId, event.data),
      })),
    );
    return this.inner.append(streamId, sealed, expectedRevision);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const whole =
      !options ||
      (options.fromRevision === undefined &&
        options.toPosition === undefined &&
        options.toTime === undefined);
    if (!whole || this.maxCachedEvents === 0) {
      return this.pii.revealEvents(await this.inner.readStream(streamId, options));
    }
    const cached = this.streams.get(streamId);
    if (cached && (await this.pii.keysLive(cached.owners))) {
      const last = cached.events.at(-1);
      const newer = await this.inner.readStream(
        streamId,
        last ? { fromRevision: last.revision + 1 } : {},
      );
      if (newer.length === 0) {
        this.touch(streamId, cached);
        return [...cached.events];
      }
      const revealed = await this.pii.revealEventsOwned(newer);
      const events = [...cached.events, ...revealed.events];
      this.drop(streamId);
      if (revealed.live) this.remember(streamId, events, [...cached.owners, ...revealed.owners]);
      return [...events];
    }
    if (cached) this.drop(streamId);
    const revealed = await this.pii.revealEventsOwned(await this.inner.readStream(streamId));
    if (revealed.live) this.remember(streamId, revealed.events, revealed.owners);
    return [...revealed.events];
  }

  private remember(streamId: string, events: RecordedEvent[], owners: Iterable<string>): void {
    if (events.length === 0 || events.length > this.maxCachedEvents) return;
    const entry = { events, owners: new Set(owners) };
    this.streams.set(streamId, entry);
    this.cachedEvents += events.length;
    for (const owner of entry.owners) {
      const streams = this.byCustomer.get(owner) ?? new Set<string>();
      streams.add(streamId);
      this.byCustomer.set(owner, streams);
    }
    if (this.cachedEvents <= this.maxCachedEvents) return;
    // Over the bound: evict down to 90 % in one pass, so eviction costs little per read.
    for (const [oldest] of this.streams) {
      if (this.cachedEvents <= this.maxCachedEvents * 0.9) break;
      this.drop(oldest);
    }
  }

  /** Most recently used last, so the first entry is the one to evict. */
  private touch(streamId: string, entry: CachedStream): void {
    this.streams.delete(streamId);
    this.streams.set(streamId, entry);
  }

  private drop(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (!entry) return;
    this.streams.delete(streamId);
    this.cachedEvents -= entry.events.length;
    for (const owner of entry.owners) {
      const streams = this.byCustomer.get(owner);
      streams?.delete(streamId);
      if (streams?.size === 0) this.byCustomer.delete(owner);
    }
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(options);
    return { ...page, events: await this.pii.revealEvents(page.events) };
  }

  async *subscribeToAll(options: SubscribeOptions): AsyncIterable<ReadAllPage> {
    for await (const page of this.inner.subscribeToAll(options)) {
      yield { ...page, events: await this.pii.revealEvents(page.events) };
    }
  }

  findCommandResult(streamId: string, commandId: string): Promise<AppendResult | null> {
    return this.inner.findCommandResult(streamId, commandId);
  }

  async readByCustomer(
    customerId: string,
    options?: ReadByCustomerOptions,
  ): Promise<RecordedEvent[]> {
    return this.pii.revealEvents(await this.inner.readByCustomer(customerId, options));
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
