import type { DocumentStore } from '@crm/documents';
import { open, randomFromPool, seal } from './aes-gcm';
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
/** Unwrapped keys kept at most (a bulk import creates a million). */
const CACHE_MAX_KEYS = 20_000;

type PendingCreation = {
  customerId: string;
  resolve: (key: DataKey) => void;
  reject: (error: Error) => void;
};

/**
 * Per-customer AES-256 data keys, kept in their own collection (not in the event log) and
 * wrapped by the master key. Destroying a key is crypto-shredding: every ciphertext made with
 * it, in the log, the read models and the backups, becomes unreadable for good.
 * Unwrapped keys are cached for a few seconds; a destroy clears this process's cache at once.
 */
export class DataKeyStore {
  private readonly cache = new Map<string, { key: DataKey; until: number }>();
  private readonly creating = new Map<string, Promise<DataKey>>();
  private batch: PendingCreation[] = [];
  private flushing: NodeJS.Immediate | null = null;
  private readonly destroyListeners: ((customerId: string) => void)[] = [];
  private ready: Promise<void> | null = null;

  constructor(
    private readonly documents: DocumentStore,
    private readonly masterKey: Buffer,
    private readonly ledger: ForgetLedger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // A forget done by another process reaches this one's caches through a shared ledger.
    ledger.onForget?.((customerId) => this.forgotten(customerId));
  }

  private ensure(): Promise<void> {
    this.ready ??= this.documents.ensureCollection({ name: DATA_KEYS_COLLECTION });
    return this.ready;
  }

  /**
   * The customer's key, created on first use. Creation is insert-if-absent in the store (and
   * shared between concurrent callers here), so two writers racing for a new customer end up
   * with the same key: an overwritten key would make the loser's ciphertext unreadable.
   * Creations asked for in the same turn of the event loop (a chunk of an import, concurrent
   * commands) look up their existing keys in one read.
   */
  getOrCreate(customerId: string): Promise<DataKey> {
    const cached = this.cachedLiveKey(customerId);
    if (cached) return Promise.resolve(cached);
    const pending = this.creating.get(customerId);
    if (pending) return pending;
    const creation = new Promise<DataKey>((resolve, reject) => {
      this.batch.push({ customerId, resolve, reject });
      this.flushing ??= setImmediate(() => void this.createBatch());
    }).finally(() => this.creating.delete(customerId));
    this.creating.set(customerId, creation);
    return creation;
  }

  /**
   * One batch of creations: the existing keys in one read, then every missing one inserted in
   * one write (insert-if-absent, one transaction on the embedded store). A key another writer
   * stored first (or a tombstone) wins: it is read back, never overwritten.
   */
  private async createBatch(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.flushing = null;
    try {
      const keys = await this.getMany(batch.map((b) => b.customerId));
      const absent = [...keys].filter(([, key]) => key === null).map(([id]) => id);
      if (absent.length > 0)
        for (const [id, key] of await this.createAll(absent)) keys.set(id, key);
      for (const { customerId, resolve } of batch) resolve(keys.get(customerId) ?? null);
    } catch (error) {
      for (const { reject } of batch)
        reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async createAll(customerIds: readonly string[]): Promise<Map<string, DataKey>> {
    const createdAt = this.clock().toISOString();
    const fresh = new Map<string, Buffer>();
    const documents: DataKeyDocument[] = customerIds.map((customerId) => {
      const key = randomFromPool(32);
      fresh.set(customerId, key);
      return {
        _id: customerId,
        wrapped: seal(this.masterKey, key, `data-key:${customerId}`).toString('base64'),
        createdAt,
        destroyedAt: null,
      };
    });
    const inserted = new Set(await this.documents.insertMany(DATA_KEYS_COLLECTION, documents));
    const keys = new Map<string, DataKey>();
    const lost: string[] = [];
    for (const [customerId, key] of fresh) {
      if (!inserted.has(customerId)) {
        lost.push(customerId);
        this.cache.delete(customerId);
      } else if (this.ledger.has(customerId)) {
        // Forgotten while being created: its tombstone is on the way; never hand the key out.
        keys.set(customerId, 'destroyed');
      } else {
        this.remember(customerId, key);
        keys.set(customerId, key);
      }
    }
    if (lost.length > 0) for (const [id, key] of await this.getMany(lost)) keys.set(id, key);
    return keys;
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
    await this.ledger.record(customerId);
    this.forgotten(customerId);
    await this.documents.upsert(DATA_KEYS_COLLECTION, {
      _id: customerId,
      wrapped: null,
      createdAt:
        (await this.documents.get<DataKeyDocument>(DATA_KEYS_COLLECTION, customerId))?.createdAt ??
        this.clock().toISOString(),
      destroyedAt: this.clock().toISOString(),
    });
  }

  private forgotten(customerId: string): void {
    this.remember(customerId, 'destroyed');
    for (const listener of this.destroyListeners) listener(customerId);
  }

  /** Told when a key is destroyed (at once in this process), so caches of revealed data drop it. */
  onDestroy(listener: (customerId: string) => void): void {
    this.destroyListeners.push(listener);
  }

  /**
   * The customer's key only if it is cached and live right now (no IO): the fast path of a
   * reveal. Null means: ask `getMany`.
   */
  cachedLiveKey(customerId: string): Buffer | null {
    if (this.ledger.has(customerId)) return null;
    const cached = this.cache.get(customerId);
    return cached && cached.until > Date.now() && Buffer.isBuffer(cached.key) ? cached.key : null;
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
    this.cache.delete(customerId);
    this.cache.set(customerId, { key, until: Date.now() + CACHE_TTL_MS });
    if (this.cache.size <= CACHE_MAX_KEYS) return;
    // Over the bound: the older half goes in one pass (amortised constant time per key).
    let excess = this.cache.size - CACHE_MAX_KEYS / 2;
    for (const id of this.cache.keys()) {
      if (excess-- <= 0) break;
      this.cache.delete(id);
    }
  }
}
