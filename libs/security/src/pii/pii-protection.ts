import type { RecordedEvent } from '@crm/eventsourcing';
import type { DataKey, DataKeyStore } from './data-key-store';
import type { ProtectedValue } from './pii-cipher';
import { UNREADABLE_MARKER, isProtected, parseProtected, protect, reveal } from './pii-cipher';
import type { PiiFieldRegistry, PiiKind } from './pii-kinds';
import { ERASED_MARKER } from './pii-kinds';

export type PiiValueUpcasters = Partial<Record<PiiKind, (value: unknown) => unknown>>;

/**
 * Encrypts the personal-data fields of events on their way into the log, and reveals any
 * protected value on the way out, with the key of the customer it names.
 */
export class PiiProtection {
  constructor(
    private readonly keys: DataKeyStore,
    private readonly fields: PiiFieldRegistry,
    /** Reshapes a revealed value written under an older schema (sealed values skip event upcasters). */
    private readonly valueUpcasters: PiiValueUpcasters = {},
  ) {}

  /** The event's data with each personal-data field sealed under its customer's key. */
  async protectData(
    type: string,
    customerId: string | undefined,
    data: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const fields = this.fields[type];
    if (!fields) return data;
    const present = Object.keys(fields).filter(
      (f) => data[f] !== undefined && data[f] !== null && !isProtected(data[f]),
    );
    if (present.length === 0) return data;
    if (!customerId)
      throw new Error(`event ${type} carries personal data but no customerId in its metadata`);
    const key = await this.keys.getOrCreate(customerId);
    const protectedData = { ...data };
    for (const field of present) {
      protectedData[field] =
        key === null || key === 'destroyed'
          ? ERASED_MARKER
          : protect(key, fields[field] ?? 'text', customerId, data[field]);
    }
    return protectedData;
  }

  /** Every protected value anywhere in `value` replaced by its plaintext (or the erased marker). */
  async revealDeep<T>(value: T, mask?: (kind: string, plaintext: unknown) => unknown): Promise<T> {
    return (await this.revealOwned(value, mask)).value;
  }

  /**
   * The events with only their sealed blind indexes (kind `index`) revealed, for projections
   * that keep look-up documents; all other personal data stays sealed. A forgotten customer's
   * indexes read as the erased marker, so no look-up is ever rebuilt for them.
   */
  async revealIndexes(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const owners = new Set<string>();
    collect(
      events.map((e) => e.data),
      (text) => {
        const found = parseProtected(text);
        if (found?.kind === 'index') owners.add(found.customerId);
      },
    );
    if (owners.size === 0) return [...events];
    const keys = await this.keysOf(owners);
    return events.map((event) => {
      const data = transform(event.data, (text) => {
        const found = parseProtected(text);
        return found?.kind === 'index' ? reveal(found, keys.get(found.customerId) ?? null) : text;
      }) as Record<string, unknown>;
      return data === event.data ? event : { ...event, data };
    });
  }

  async revealEvents(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return this.revealDeep(events);
  }

  /**
   * The value revealed, with the customers whose keys it was revealed with and whether every
   * one of those keys was live: what a cache of revealed data must check again before reuse.
   */
  async revealOwned<T>(
    value: T,
    mask?: (kind: string, plaintext: unknown) => unknown,
  ): Promise<{ value: T; owners: ReadonlySet<string>; live: boolean }> {
    const parsed = new Map<string, ProtectedValue>();
    collect(value, (text) => {
      if (parsed.has(text)) return;
      const found = parseProtected(text);
      if (found) parsed.set(text, found);
    });
    const owners = new Set([...parsed.values()].map((p) => p.customerId));
    if (owners.size === 0) return { value, owners, live: true };
    const keys = await this.keysOf(owners);
    const revealed = transform(value, (text) => {
      const found = parsed.get(text);
      if (!found) return text;
      const plain = reveal(found, keys.get(found.customerId) ?? null);
      const upcast = this.valueUpcasters[found.kind];
      const readable = plain !== ERASED_MARKER && plain !== UNREADABLE_MARKER;
      const plaintext = upcast && readable ? upcast(plain) : plain;
      return mask && readable ? mask(found.kind, plaintext) : plaintext;
    }) as T;
    return { value: revealed, owners, live: [...keys.values()].every((k) => Buffer.isBuffer(k)) };
  }

  /**
   * What a read will reveal of data this process has just sealed, without decrypting it: the
   * JSON form of the original with value upcasters applied, as `revealOwned` would give it.
   * Null when that cannot be known for sure (a field was erased because the key was gone, or
   * the data already held sealed values).
   */
  revealedForm(
    type: string,
    original: Record<string, unknown>,
    sealed: Record<string, unknown>,
  ): Record<string, unknown> | null {
    const fields = this.fields[type];
    if (!fields) return null;
    const present = Object.keys(fields).filter(
      (f) => original[f] !== undefined && original[f] !== null,
    );
    if (present.length === 0 || present.some((f) => !isProtected(sealed[f]))) return null;
    const plain = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
    let holdsSealed = false;
    collect(plain, () => (holdsSealed = true));
    if (holdsSealed) return null;
    for (const field of present) {
      const upcast = this.valueUpcasters[fields[field] ?? 'text'];
      if (upcast) plain[field] = upcast(plain[field]);
    }
    return plain;
  }

  /** Events with their data revealed (metadata holds no personal data), and their owners. */
  async revealEventsOwned(
    events: readonly RecordedEvent[],
  ): Promise<{ events: RecordedEvent[]; owners: ReadonlySet<string>; live: boolean }> {
    const { value, owners, live } = await this.revealOwned(events.map((e) => e.data));
    return {
      events: events.map((event, i) => {
        const data = value[i] ?? event.data;
        return data === event.data ? event : { ...event, data };
      }),
      owners,
      live,
    };
  }

  /** Keys live in this process's cache are taken as they are; the others are read at once. */
  private async keysOf(customerIds: ReadonlySet<string>): Promise<Map<string, DataKey>> {
    const keys = new Map<string, DataKey>();
    const missing: string[] = [];
    for (const id of customerIds) {
      const cached = this.keys.cachedLiveKey(id);
      if (cached) keys.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0)
      for (const [id, key] of await this.keys.getMany(missing)) keys.set(id, key);
    return keys;
  }

  /** Whether every one of these customers' keys is live now (none forgotten, none missing). */
  async keysLive(customerIds: ReadonlySet<string>): Promise<boolean> {
    const uncached: string[] = [];
    for (const id of customerIds) if (!this.keys.cachedLiveKey(id)) uncached.push(id);
    if (uncached.length === 0) return true;
    const keys = await this.keys.getMany(uncached);
    return [...keys.values()].every((k) => Buffer.isBuffer(k));
  }

  /** Told when this process forgets a customer (its key destroyed). */
  onForget(listener: (customerId: string) => void): void {
    this.keys.onDestroy(listener);
  }
}

const collect = (value: unknown, visit: (text: string) => void): void => {
  if (typeof value === 'string') {
    if (isProtected(value)) visit(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, visit);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, visit);
  }
};

/** A copy with protected values replaced; parts without any are returned as they are. */
const transform = (value: unknown, replace: (text: string) => unknown): unknown => {
  if (typeof value === 'string') return isProtected(value) ? replace(value) : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => transform(item, replace));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    const changed = entries.map(([k, v]) => [k, transform(v, replace)] as const);
    return changed.some(([, v], i) => v !== entries[i]?.[1]) ? Object.fromEntries(changed) : value;
  }
  return value;
};
