import { randomBytes } from 'node:crypto';
import type { DocumentStore } from '@crm/documents';
import { open, seal } from './aes-gcm';
import type { ForgetLedger } from './forget-ledger';

export const DATA_KEYS_COLLECTION = 'security_data_keys';

/** One customer's data key, wrapped by the master key. A destroyed key keeps only its tombstone. */
export type DataKeyDocument = {
  _id: string;
  wrapped: string | null;
  createdAt: string;
  destroyedAt: string | null;
};

export type DataKey = Buffer | 'destroyed' | null;

const CACHE_TTL_MS = 10_000;

/**
 * Per-customer AES-256 data keys, kept in their own collection (not in the event log) and
 * wrapped by the master key. Destroying a key is crypto-shredding: every ciphertext made with
 * it, in the log, the read models and the backups, becomes unreadable for good.
 * Unwrapped keys are cached for a few seconds; a destroy clears this process's cache at once.
 */
export class DataKeyStore {
  private readonly cache = new Map<string, { key: DataKey; until: number }>();
  private readonly creating = new Map<string, Promise<DataKey>>();
  private ready: Promise<void> | null = null;

  constructor(
    private readonly documents: DocumentStore,
    private readonly masterKey: Buffer,
    private readonly ledger: ForgetLedger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private ensure(): Promise<void> {
    this.ready ??= this.documents.ensureCollection({ name: DATA_KEYS_COLLECTION });
    return this.ready;
  }

  /**
   * The customer's key, created on first use. Creation is insert-if-absent in the store (and
   * shared between concurrent callers here), so two writers racing for a new customer end up
   * with the same key: an overwritten key would make the loser's ciphertext unreadable.
   */
  getOrCreate(customerId: string): Promise<DataKey> {
    const pending = this.creating.get(customerId);
    if (pending) return pending;
    const creation = this.createIfAbsent(customerId).finally(() =>
      this.creating.delete(customerId),
    );
    this.creating.set(customerId, creation);
    return creation;
  }

  private async createIfAbsent(customerId: string): Promise<DataKey> {
    const existing = await this.get(customerId);
    if (existing !== null) return existing;
    const key = randomBytes(32);
    const inserted = await this.documents.insert(DATA_KEYS_COLLECTION, {
      _id: customerId,
      wrapped: seal(this.masterKey, key, `data-key:${customerId}`).toString('base64'),
      createdAt: this.clock().toISOString(),
      destroyedAt: null,
    });
    if (!inserted) {
      this.cache.delete(customerId);
      return this.get(customerId);
    }
    this.remember(customerId, key);
    return key;
  }

  async get(customerId: string): Promise<DataKey> {
    return (await this.getMany([customerId])).get(customerId) ?? null;
  }

  /** Keys of many customers in one read (a page of profiles, a history). */
  async getMany(customerIds: readonly string[]): Promise<Map<string, DataKey>> {
    await this.ensure();
    const now = Date.now();
    const result = new Map<string, DataKey>();
    const missing: string[] = [];
    for (const id of new Set(customerIds)) {
      if (this.ledger.has(id)) {
        result.set(id, 'destroyed');
        continue;
      }
      const cached = this.cache.get(id);
      if (cached && cached.until > now) result.set(id, cached.key);
      else missing.push(id);
    }
    const documents = await this.documents.getMany<DataKeyDocument>(DATA_KEYS_COLLECTION, missing);
    const found = new Map(documents.map((d) => [d._id, d]));
    for (const id of missing) {
      const document = found.get(id);
      const key: DataKey = !document
        ? null
        : document.wrapped === null
          ? 'destroyed'
          : open(this.masterKey, Buffer.from(document.wrapped, 'base64'), `data-key:${id}`);
      if (key !== null) this.remember(id, key);
      result.set(id, key);
    }
    return result;
  }

  /**
   * Crypto-shredding: the customer goes into the forget ledger first, then the wrapped key is
   * overwritten; only a tombstone with the time stays.
   */
  async destroy(customerId: string): Promise<void> {
    await this.ensure();
    this.ledger.record(customerId);
    await this.documents.upsert(DATA_KEYS_COLLECTION, {
      _id: customerId,
      wrapped: null,
      createdAt:
        (await this.documents.get<DataKeyDocument>(DATA_KEYS_COLLECTION, customerId))?.createdAt ??
        this.clock().toISOString(),
      destroyedAt: this.clock().toISOString(),
    });
    this.remember(customerId, 'destroyed');
  }

  async destroyedIds(): Promise<string[]> {
    await this.ensure();
    const page = await this.documents.find<DataKeyDocument>(
      DATA_KEYS_COLLECTION,
      { wrapped: null },
      { limit: 1_000_000 },
    );
    return page.items.map((d) => d._id);
  }

  private remember(customerId: string, key: DataKey): void {
    this.cache.set(customerId, { key, until: Date.now() + CACHE_TTL_MS });
  }
}
