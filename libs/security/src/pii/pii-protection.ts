import type { RecordedEvent } from '@crm/eventsourcing';
import type { DataKeyStore } from './data-key-store';
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
    const owners = new Set<string>();
    collect(value, (text) => {
      const parsed = parseProtected(text);
      if (parsed) owners.add(parsed.customerId);
    });
    if (owners.size === 0) return { value, owners, live: true };
    const keys = await this.keys.getMany([...owners]);
    const revealed = transform(value, (text) => {
      const parsed = parseProtected(text);
      if (!parsed) return text;
      const revealed = reveal(parsed, keys.get(parsed.customerId) ?? null);
      const upcast = this.valueUpcasters[parsed.kind];
      const readable = revealed !== ERASED_MARKER && revealed !== UNREADABLE_MARKER;
      const plaintext = upcast && readable ? upcast(revealed) : revealed;
      return mask && readable ? mask(parsed.kind, plaintext) : plaintext;
    }) as T;
    return { value: revealed, owners, live: [...keys.values()].every((k) => Buffer.isBuffer(k)) };
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

const transform = (value: unknown, replace: (text: string) => unknown): unknown => {
  if (typeof value === 'string') return isProtected(value) ? replace(value) : value;
  if (Array.isArray(value)) return value.map((item) => transform(item, replace));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v, replace)]));
  }
  return value;
};
