import { EmbeddedDocumentStore } from '@crm/documents';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataKeyDocument } from './data-key-store';
import { DATA_KEYS_COLLECTION, DataKeyStore } from './data-key-store';
import { FileForgetLedger } from './forget-ledger';

describe('DataKeyStore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-keys-'));
  const masterKey = randomBytes(32);
  let documents: EmbeddedDocumentStore;
  const aKeyStore = (): DataKeyStore =>
    new DataKeyStore(documents, masterKey, new FileForgetLedger(join(folder, `${Math.random()}`)));
  beforeEach(() => {
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
  });
  afterEach(() => documents.close());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates distinct keys for many customers at once, each stored and read back alike', async () => {
    const sut = aKeyStore();
    const ids = Array.from({ length: 300 }, (_, i) => `c-${i}`);
    const created = await Promise.all(ids.map((id) => sut.getOrCreate(id)));
    expect(new Set(created.map((k) => (k as Buffer).toString('hex'))).size).toBe(300);

    const reloaded = await aKeyStore().getMany(ids);
    ids.forEach((id, i) => expect(reloaded.get(id)).toEqual(created[i]));
  });

  it('gives callers asking at once, and later, the existing key of a customer', async () => {
    const first = await aKeyStore().getOrCreate('c-1');
    const sut = aKeyStore();
    const [a, b] = await Promise.all([sut.getOrCreate('c-1'), sut.getOrCreate('c-1')]);
    expect(a).toEqual(first);
    expect(b).toEqual(first);
  });

  it('creates no key for a forgotten customer, and tells listeners of the forget', async () => {
    const sut = aKeyStore();
    await sut.getOrCreate('c-2');
    const forgotten: string[] = [];
    sut.onDestroy((id) => forgotten.push(id));
    await sut.destroy('c-2');
    expect(forgotten).toEqual(['c-2']);
    expect(await sut.getOrCreate('c-2')).toBe('destroyed');
    expect(sut.cachedLiveKey('c-2')).toBeNull();
  });

  it('stores a batch of new keys in one write', async () => {
    const insertMany = jest.spyOn(documents, 'insertMany');
    const insert = jest.spyOn(documents, 'insert');
    const sut = aKeyStore();
    const ids = Array.from({ length: 50 }, (_, i) => `b-${i}`);
    await Promise.all(ids.map((id) => sut.getOrCreate(id)));
    expect(insertMany).toHaveBeenCalledTimes(1);
    expect(insertMany.mock.calls[0]?.[1].map((d) => d._id)).toEqual(ids);
    expect(insert).not.toHaveBeenCalled();
    // Keys already stored are read, not written again.
    await Promise.all(ids.map((id) => aKeyStore().getOrCreate(id)));
    expect(insertMany).toHaveBeenCalledTimes(1);
  });

  it('hands out the key another writer stored first, never overwriting it', async () => {
    const rival = aKeyStore();
    let rivalKey: unknown;
    const racing = Object.create(documents) as EmbeddedDocumentStore;
    racing.insertMany = async (collection, batch) => {
      // Between this store's read (no key yet) and its write, another process creates one.
      rivalKey = await rival.getOrCreate('r-1');
      return documents.insertMany(collection, batch);
    };
    const sut = new DataKeyStore(racing, masterKey, new FileForgetLedger(join(folder, 'race')));
    const [raced, other] = await Promise.all([sut.getOrCreate('r-1'), sut.getOrCreate('r-2')]);
    expect(Buffer.isBuffer(rivalKey)).toBe(true);
    expect(raced).toEqual(rivalKey);
    expect(await aKeyStore().get('r-1')).toEqual(rivalKey);
    expect(await aKeyStore().get('r-2')).toEqual(other);
  });

  it('never re-creates a destroyed key, even in a process whose ledger does not know it', async () => {
    const sut = aKeyStore();
    await sut.getOrCreate('d-1');
    await sut.destroy('d-1');
    const elsewhere = aKeyStore();
    expect(await elsewhere.getOrCreate('d-1')).toBe('destroyed');
    const stored = await documents.get<DataKeyDocument>(DATA_KEYS_COLLECTION, 'd-1');
    expect(stored).toMatchObject({ wrapped: null });
  });

  it('gives no key to a customer forgotten while its key was being created', async () => {
    let sut: DataKeyStore | null = null;
    const racing = Object.create(documents) as EmbeddedDocumentStore;
    racing.insertMany = async (collection, batch) => {
      await sut?.destroy('f-1');
      return documents.insertMany(collection, batch);
    };
    sut = new DataKeyStore(racing, masterKey, new FileForgetLedger(join(folder, 'forget-race')));
    expect(await sut.getOrCreate('f-1')).toBe('destroyed');
    expect(await aKeyStore().get('f-1')).toBe('destroyed');
  });
});
