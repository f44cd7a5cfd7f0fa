import type { RecordedEvent } from '@crm/eventsourcing';
import type { DataKeyStore } from './data-key-store';
import { UNREADABLE_MARKER, isProtected, parseProtected, protect, reveal } from './pii-cipher';
import type { PiiFieldRegistry, PiiKind } from './pii-kinds';

export type PiiValueUpcasters = Partial<Record<PiiKind, (value: unknown) => unknown>>;
import { ERASED_MARKER } from './pii-kinds';

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
    const customerIds = new Set<string>();
    collect(value, (text) => {
      const parsed = parseProtected(text);
      if (parsed) customerIds.add(parsed.customerId);
    });
    if (customerIds.size === 0) return value;
    const keys = await this.keys.getMany([...customerIds]);
    return transform(value, (text) => {
      const parsed = parseProtected(text);
      if (!parsed) return text;
      const revealed = reveal(parsed, keys.get(parsed.customerId) ?? null);
      const upcast = this.valueUpcasters[parsed.kind];
      const readable = revealed !== ERASED_MARKER && revealed !== UNREADABLE_MARKER;
      const plaintext = upcast && readable ? upcast(revealed) : revealed;
      return mask && readable ? mask(parsed.kind, plaintext) : plaintext;
    }) as T;
  }

  async revealEvents(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return this.revealDeep(events);
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
