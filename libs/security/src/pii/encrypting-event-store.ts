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
  RevealedStateGuard,
  RevealingStore,
  SubscribeOptions,
} from '@crm/eventsourcing';
import { asStored } from '@crm/eventsourcing';
import type { PiiProtection } from './pii-protection';

export type EncryptingEventStoreOptions = {
  /** Most revealed events kept in memory across all cached streams (0: no cache). */
  cachedEvents?: number;
};

/** Plaintexts of just-appended events kept for the next read of their stream. */
const APPENDED_KEPT = 2_000;

const NONE: ReadonlySet<string> = new Set();

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
export class EncryptingEventStore implements EventStore, RevealingStore {
  /** Whose sealed data each array answered by readStream holds revealed (null: unknown). */
  private readonly revealedBy = new WeakMap<readonly RecordedEvent[], ReadonlySet<string> | null>();
  /** Events this store appended with nothing to seal: they read back as stored JSON. */
  private readonly sealedNothing = new WeakSet<NewEvent>();
  private readonly streams = new Map<string, CachedStream>();
  private readonly byCustomer = new Map<string, Set<string>>();
  private readonly appendedPlain = new Map<
    string,
    { owner: string; data: Record<string, unknown> }
  >();
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
      for (const [eventId, known] of this.appendedPlain)
        if (known.owner === customerId) this.appendedPlain.delete(eventId);
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
    const result = await this.inner.append(streamId, sealed, expectedRevision);
    events.forEach((event, i) => {
      if (sealed[i]?.data === event.data) this.sealedNothing.add(event);
    });
    if (this.maxCachedEvents > 0) this.rememberAppended(events, sealed);
    return result;
  }

  /** The plaintext of events this store just sealed, so the next read need not decrypt them. */
  private rememberAppended(events: readonly NewEvent[], sealed: readonly NewEvent[]): void {
    events.forEach((event, i) => {
      const owner = event.metadata.customerId;
      const data = owner && this.pii.revealedForm(event.type, event.data, sealed[i]?.data ?? {});
      if (owner && data) this.appendedPlain.set(event.metadata.eventId, { owner, data });
    });
    let excess = this.appendedPlain.size - APPENDED_KEPT;
    for (const eventId of this.appendedPlain.keys()) {
      if (excess-- <= 0) break;
      this.appendedPlain.delete(eventId);
    }
  }

  /**
   * Events revealed: those this store appended itself from their remembered plaintext (while
   * their keys are live), the others decrypted.
   */
  private async revealRead(
    events: RecordedEvent[],
  ): Promise<{ events: RecordedEvent[]; owners: ReadonlySet<string>; live: boolean }> {
    const known = events.map((e) => this.appendedPlain.get(e.metadata.eventId));
    const knownOwners = new Set(known.flatMap((k) => (k ? [k.owner] : [])));
    if (knownOwners.size === 0 || !(await this.pii.keysLive(knownOwners))) {
      return this.pii.revealEventsOwned(events);
    }
    const rest = await this.pii.revealEventsOwned(events.filter((_, i) => !known[i]));
    let next = 0;
    const revealed = events.map((event, i) => {
      const plain = known[i];
      if (!plain) return rest.events[next++] ?? event;
      this.appendedPlain.delete(event.metadata.eventId);
      return { ...event, data: plain.data };
    });
    return { events: revealed, owners: new Set([...rest.owners, ...knownOwners]), live: rest.live };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const whole =
      !options ||
      (options.fromRevision === undefined &&
        options.toPosition === undefined &&
        options.toTime === undefined);
    const tail = !whole && options?.toPosition === undefined && options?.toTime === undefined;
    if (this.maxCachedEvents === 0 || (!whole && !tail)) {
      const read = await this.pii.revealEventsOwned(await this.inner.readStream(streamId, options));
      return this.answer(read.events, read.owners, read.live);
    }
    if (tail) {
      // The events after a revision (a command runner's cached state): those this store just
      // appended come from their remembered plaintext.
      const newer = await this.inner.readStream(streamId, options);
      if (newer.length === 0) return this.answer(newer, NONE, true);
      const read = await this.revealRead(newer);
      return this.answer(read.events, read.owners, read.live);
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
        return this.answer([...cached.events], cached.owners, true);
      }
      const revealed = await this.revealRead(newer);
      const events = [...cached.events, ...revealed.events];
      const owners = new Set([...cached.owners, ...revealed.owners]);
      this.drop(streamId);
      if (revealed.live) this.remember(streamId, events, owners);
      return this.answer([...events], owners, revealed.live);
    }
    if (cached) this.drop(streamId);
    const revealed = await this.revealRead(await this.inner.readStream(streamId));
    if (revealed.live) this.remember(streamId, revealed.events, revealed.owners);
    return this.answer([...revealed.events], revealed.owners, revealed.live);
  }

  /** Notes whose data an answer holds revealed, for caches of state folded from it. */
  private answer(
    events: RecordedEvent[],
    owners: ReadonlySet<string>,
    live: boolean,
  ): RecordedEvent[] {
    this.revealedBy.set(events, live ? owners : null);
    return events;
  }

  /**
   * What a command runner needs to keep folded state safely: whose data a read revealed, whether
   * those keys are still live, and a word when this process forgets a customer.
   */
  revealedStateGuard(): RevealedStateGuard {
    return {
      revealedOwners: (events) => {
        const owners = this.revealedBy.get(events);
        return owners === undefined ? null : owners;
      },
      appendedAsRead: (events) => {
        const answers: { data: Record<string, unknown>; owner: string | null }[] = [];
        for (const event of events) {
          const known = this.appendedPlain.get(event.metadata.eventId);
          if (known) answers.push({ data: known.data, owner: known.owner });
          else if (this.sealedNothing.has(event)) {
            answers.push({
              data: asStored(event.data) as Record<string, unknown>,
              owner: null,
            });
          } else return null;
        }
        return answers;
      },
      stillRevealable: (owners) => this.pii.keysLive(owners),
      onForget: (listener) => this.pii.onForget(listener),
    };
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

  findCommandResult(
    streamId: string,
    commandId: string,
    firstEventId?: string,
  ): Promise<AppendResult | null> {
    return this.inner.findCommandResult(streamId, commandId, firstEventId);
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
