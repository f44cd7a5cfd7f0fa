import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';
import type { DocumentStore } from '@crm/documents';
import type { Principal, Role } from '@crm/platform';

/** Stored form of an API key: only a hash of the secret, never the secret. */
export type ApiKeyDocument = {
  _id: string;
  name: string;
  role: Role;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
};

export type ApiKeyView = Omit<ApiKeyDocument, '_id' | 'tokenHash'> & { id: string };

export const API_KEYS_COLLECTION = 'security_api_keys';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const REMEMBERED_KEYS = 10_000;

const toView = ({ _id, tokenHash: _hash, ...rest }: ApiKeyDocument): ApiKeyView => ({
  id: _id,
  ...rest,
});

/**
 * API keys: `crm_` + 256 random bits, shown once at creation and stored as a SHA-256 hash
 * (a fast hash is enough for a secret with that much entropy). Each key has one role.
 */
export class ApiKeyService {
  private ready: Promise<void> | null = null;
  /** Set once the collection exists: a request then authenticates without waiting on it. */
  private collectionReady = false;
  /**
   * Token hash → key id of keys seen before, so a request reads its key by primary key instead
   * of searching by hash. The key is still read every time: a revocation made anywhere (the
   * CLI, another replica) applies to the next request.
   */
  private readonly keyIds = new Map<string, string>();

  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async ensureCollection(): Promise<void> {
    this.ready ??= this.documents.ensureCollection({
      name: API_KEYS_COLLECTION,
      indexes: [{ field: 'tokenHash', unique: true }],
    });
    await this.ready;
    this.collectionReady = true;
  }

  async create(name: string, role: Role, token = `crm_${randomBytes(32).toString('base64url')}`) {
    await this.ensureCollection();
    const key: ApiKeyDocument = {
      _id: uuidv4(),
      name,
      role,
      tokenHash: hashToken(token),
      createdAt: this.clock().toISOString(),
      revokedAt: null,
    };
    await this.documents.upsert(API_KEYS_COLLECTION, key);
    return { key: toView(key), token };
  }

  async list(): Promise<ApiKeyView[]> {
    await this.ensureCollection();
    const page = await this.documents.find<ApiKeyDocument>(
      API_KEYS_COLLECTION,
      {},
      { sort: { createdAt: 1 }, limit: 10000 },
    );
    return page.items.map(toView);
  }

  /** Revokes the key; false when there is no such key. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<boolean> {
    await this.ensureCollection();
    const key = await this.documents.get<ApiKeyDocument>(API_KEYS_COLLECTION, id);
    if (!key) return false;
    if (!key.revokedAt) {
      await this.documents.update(API_KEYS_COLLECTION, id, {
        $set: { revokedAt: this.clock().toISOString() },
      });
    }
    return true;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (!this.collectionReady) await this.ensureCollection();
    const hash = hashToken(token);
    const knownId = this.keyIds.get(hash);
    const key = knownId
      ? await this.documents.get<ApiKeyDocument>(API_KEYS_COLLECTION, knownId)
      : await this.findByHash(hash);
    if (!key || !timingSafeEqual(Buffer.from(key.tokenHash), Buffer.from(hash))) {
      this.keyIds.delete(hash);
      return null;
    }
    // Only existing keys are remembered: unknown tokens cannot grow the map.
    if (!knownId) {
      if (this.keyIds.size >= REMEMBERED_KEYS) this.keyIds.clear();
      this.keyIds.set(hash, key._id);
    }
    if (key.revokedAt) return null;
    return { keyId: key._id, role: key.role, name: key.name };
  }

  private async findByHash(hash: string): Promise<ApiKeyDocument | null> {
    const page = await this.documents.find<ApiKeyDocument>(
      API_KEYS_COLLECTION,
      { tokenHash: hash },
      { limit: 1 },
    );
    return page.items[0] ?? null;
  }

  /**
   * On a first start (no keys at all) create the admin key: the configured one, or a new one
   * whose token is returned so the caller can print it once.
   */
  async ensureAdminKey(
    configured: string | undefined,
  ): Promise<{ token: string; generated: boolean } | null> {
    await this.ensureCollection();
    if ((await this.documents.count(API_KEYS_COLLECTION, {})) > 0) return null;
    const { token } = await this.create('initial admin', 'admin', configured);
    return { token, generated: configured === undefined };
  }
}
