import { EmbeddedDocumentStore } from '@crm/documents';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyStore } from './data-key-store';
import { FileForgetLedger } from './forget-ledger';
import { PiiProtection } from './pii-protection';

describe('PiiProtection', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-pii-'));
  let documents: EmbeddedDocumentStore;
  let keys: DataKeyStore;
  let pii: PiiProtection;
  beforeEach(() => {
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    keys = new DataKeyStore(
      documents,
      randomBytes(32),
      new FileForgetLedger(join(folder, `${Math.random()}.ledger`)),
    );
    pii = new PiiProtection(
      keys,
      { Said: { text: 'text', email: 'email' } },
      { email: (v) => `${String(v)}!` },
    );
  });
  afterEach(() => documents.close());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('seals the registered fields and reveals them, applying value upcasters and masks', async () => {
    const data = await pii.protectData('Said', 'c-1', {
      text: 'hello',
      email: 'a@b.co',
      other: 'plain',
    });
    expect(data.text).toMatch(/^pii:v1:text:c-1:/);
    expect(data.other).toBe('plain');
    expect(await pii.revealDeep(data)).toEqual({ text: 'hello', email: 'a@b.co!', other: 'plain' });
    expect(await pii.revealDeep(data, (kind) => `<${kind}>`)).toEqual({
      text: '<text>',
      email: '<email>',
      other: 'plain',
    });
  });

  it('gives every event of a new customer the same key, even when sealed concurrently', async () => {
    const sealed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => pii.protectData('Said', 'c-2', { text: `t${i}` })),
    );
    const fresh = new PiiProtection(
      new DataKeyStore(
        documents,
        (keys as unknown as { masterKey: Buffer }).masterKey,
        new FileForgetLedger(join(folder, 'x')),
      ),
      {},
    );
    expect(await fresh.revealDeep(sealed.map((s) => s.text))).toEqual(
      sealed.map((_, i) => `t${i}`),
    );
  });

  it('shows erased after the key is destroyed, and unreadable for a tampered value, never throwing', async () => {
    const data = await pii.protectData('Said', 'c-3', { text: 'secret' });
    const tampered = `${String(data.text).slice(0, -6)}AAAAA=`;
    expect(await pii.revealDeep({ tampered })).toEqual({ tampered: '[unreadable]' });
    await keys.destroy('c-3');
    expect(await pii.revealDeep(data)).toEqual({ text: '[erased]' });
  });
});
