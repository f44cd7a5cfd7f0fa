import { EmbeddedDocumentStore } from '@crm/documents';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyStore } from './data-key-store';
import { ForgetLedger } from './forget-ledger';

describe('DataKeyStore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-keys-'));
  const masterKey = randomBytes(32);
  let documents: EmbeddedDocumentStore;
  const aKeyStore = (): DataKeyStore =>
    new DataKeyStore(documents, masterKey, new ForgetLedger(join(folder, `${Math.random()}`)));
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
});
