import { EmbeddedDocumentStore } from '@crm/documents';
import { API_KEYS_COLLECTION, ApiKeyService } from './api-key.service';

describe('ApiKeyService', () => {
  let documents: EmbeddedDocumentStore;
  let now: number;
  let sut: ApiKeyService;

  beforeEach(() => {
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    now = Date.parse('2026-11-25T12:00:00Z');
    sut = new ApiKeyService(documents, () => new Date(now));
  });

  afterEach(() => documents.close());

  it('authenticates a key by its token and stores only its hash', async () => {
    const { key, token } = await sut.create('reporting', 'analyst');

    await expect(sut.authenticate(token)).resolves.toEqual({
      keyId: key.id,
      role: 'analyst',
      name: 'reporting',
    });
    const stored = await documents.get(API_KEYS_COLLECTION, key.id);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('rejects unknown tokens', async () => {
    await sut.create('reporting', 'analyst');

    await expect(sut.authenticate('crm_not-a-key')).resolves.toBeNull();
  });

  it('rejects a key revoked through it at once, even right after it was accepted', async () => {
    const { key, token } = await sut.create('reporting', 'analyst');
    await sut.authenticate(token);

    await sut.revoke(key.id);

    await expect(sut.authenticate(token)).resolves.toBeNull();
  });

  it('refuses a key revoked by another process (the CLI) on the next request', async () => {
    const { key, token } = await sut.create('reporting', 'analyst');
    await sut.authenticate(token);
    const otherProcess = new ApiKeyService(documents, () => new Date(now));

    await otherProcess.revoke(key.id);

    await expect(sut.authenticate(token)).resolves.toBeNull();
  });

  it('reads a key it has seen before by id, not by searching its hash', async () => {
    const { token } = await sut.create('reporting', 'analyst');
    await sut.authenticate(token);
    const find = jest.spyOn(documents, 'find');

    await expect(sut.authenticate(token)).resolves.toMatchObject({ role: 'analyst' });

    expect(find).not.toHaveBeenCalled();
  });
});
