import { EmbeddedDocumentStore } from '@crm/documents';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyStore } from './data-key-store';
import { FileForgetLedger } from './forget-ledger';
import { PiiProtection } from './pii-protection';

const aMetadata = (customerId: string) => ({
  eventId: 'e-1',
  commandId: 'c-1',
  correlationId: 'k-1',
  causationId: 'c-1',
  actor: { id: 'a-1', role: 'service' },
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  customerId,
});

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

  it('reveals blind indexes alone for projectors, and none once the customer is forgotten', async () => {
    const indexed = new PiiProtection(keys, { Said: { email: 'email', emailHash: 'index' } });
    const data = await indexed.protectData('Said', 'c-3', { email: 'a@b.co', emailHash: 'h1' });
    const event = {
      streamId: 'customer-c-3',
      revision: 0,
      position: 1,
      type: 'Said',
      data,
      metadata: aMetadata('c-3'),
      recordedAt: '2026-01-01T00:00:00.000Z',
    };

    const [revealed] = await indexed.revealIndexes([event]);
    expect(data.emailHash).toMatch(/^pii:v1:index:c-3:/);
    expect(revealed?.data).toEqual({ email: data.email, emailHash: 'h1' });

    await keys.destroy('c-3');
    const [forgotten] = await indexed.revealIndexes([event]);
    expect(forgotten?.data).toEqual({ email: data.email, emailHash: '[erased]' });
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
