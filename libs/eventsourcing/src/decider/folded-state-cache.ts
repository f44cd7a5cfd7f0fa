import type { NewEvent, RecordedEvent } from '../store/event';

/**
 * What a store that reveals protected data (personal data sealed per customer) tells a cache of
 * state folded from its reads, so that cache keeps crypto-shredding real: state folded from a
 * forgotten customer's events must never be used again.
 */
export type RevealedStateGuard = {
  /**
   * The customers whose sealed data a read of this store revealed into `events` (the very array
   * it answered), or null when it cannot say: state folded from them must not be kept.
   */
  revealedOwners(events: readonly RecordedEvent[]): ReadonlySet<string> | null;
  /**
   * What a read of events this store has just appended will answer for each one's data, and
   * whose personal data it holds; null when it cannot say (state is then not kept).
   */
  appendedAsRead(
    events: readonly NewEvent[],
  ): ReadonlyArray<{ data: Record<string, unknown>; owner: string | null }> | null;
  /** Whether state folded from events these customers own may still be used (keys still live). */
  stillRevealable(owners: ReadonlySet<string>): Promise<boolean>;
  /** Told at once when this process forgets a customer. */
  onForget(listener: (customerId: string) => void): void;
};

/** An event store that reveals data on read offers its guard (see EncryptingEventStore). */
export type RevealingStore = { revealedStateGuard(): RevealedStateGuard };

export const revealedStateGuardOf = (store: object): RevealedStateGuard | null =>
  typeof (store as Partial<RevealingStore>).revealedStateGuard === 'function'
    ? (store as RevealingStore).revealedStateGuard()
    : null;

/** The state of one stream folded up to and including `revision`, by one decider. */
export type FoldedState = {
  /** The decider that folded it: another decider over the same stream folds its own. */
  decider: object;
  revision: number;
  state: unknown;
  /** The first customer named by the stream's events (later events inherit it). */
  streamCustomer: string | undefined;
  /** The customers whose revealed personal data went into the state: whose forget drops it. */
  owners: Set<string>;
  /**
   * It ends with events this runner appended itself, folded as a read would answer them but not
   * read back: a decision on it is checked by the append's expected revision, a refusal by a read.
   */
  unread: boolean;
  /** Id of the event at `revision`: a read checks it is still there (a restored store is not). */
  lastEventId: string | undefined;
};

/**
 * A bounded cache (least recently used go first) of folded aggregate state per stream. Stored
 * events never change, so state at revision R plus the events after R is the state now: a
 * command folds only what was appended since (by this or any other writer; the store's read is
 * the check). Entries are dropped on a concurrency conflict, and for every stream a customer's
 * events touched when that customer is forgotten.
 */
export class FoldedStateCache {
  private readonly entries = new Map<string, FoldedState>();
  private readonly byOwner = new Map<string, Set<string>>();
  private forgets = 0;

  constructor(private readonly maxStreams: number) {}

  /** Changes with every forget: state read before one may hold the forgotten data. */
  get epoch(): number {
    return this.forgets;
  }

  get enabled(): boolean {
    return this.maxStreams > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(streamId: string, decider: object): FoldedState | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.decider !== decider) return undefined;
    // Most recently used last, so the first entry is the one to evict.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  set(streamId: string, entry: FoldedState): void {
    if (this.maxStreams <= 0) return;
    this.drop(streamId);
    this.entries.set(streamId, entry);
    for (const owner of entry.owners) {
      const streams = this.byOwner.get(owner);
      if (streams) streams.add(streamId);
      else this.byOwner.set(owner, new Set([streamId]));
    }
    if (this.entries.size <= this.maxStreams) return;
    for (const oldest of this.entries.keys()) {
      this.drop(oldest);
      break;
    }
  }

  drop(streamId: string): void {
    const entry = this.entries.get(streamId);
    if (!entry) return;
    this.entries.delete(streamId);
    for (const owner of entry.owners) {
      const streams = this.byOwner.get(owner);
      streams?.delete(streamId);
      if (streams?.size === 0) this.byOwner.delete(owner);
    }
  }

  /** Drops every state folded from events of this customer. */
  forgetCustomer(customerId: string): void {
    this.forgets += 1;
    for (const streamId of [...(this.byOwner.get(customerId) ?? [])]) this.drop(streamId);
    this.byOwner.delete(customerId);
  }

  clear(): void {
    this.entries.clear();
    this.byOwner.clear();
  }
}

/**
 * A value as the store's JSON answers it (what `JSON.parse(JSON.stringify(value))` gives),
 * copied by a walk over plain data instead of through text: undefined, functions and symbols
 * leave objects and become null in arrays, non-finite numbers become null, -0 becomes 0.
 * Anything that is not plain data (a Date, a class instance, a `__proto__` key) goes through
 * JSON itself.
 */
export const asStored = (value: unknown): unknown => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) {
        // A loop, not map: holes of a sparse array become null as in JSON.
        const items: unknown[] = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          items[i] = skipped(item) ? null : asStored(item);
        }
        return items;
      }
      if (Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value)) {
        const copy: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          if (key === '__proto__') return viaJson(value);
          const item = (value as Record<string, unknown>)[key];
          if (!skipped(item)) copy[key] = asStored(item);
        }
        return copy;
      }
      return viaJson(value);
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      return viaJson(value);
  }
};

const skipped = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

const viaJson = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};
