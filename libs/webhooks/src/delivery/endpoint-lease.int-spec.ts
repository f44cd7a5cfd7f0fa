import { EmbeddedDocumentStore } from '@crm/documents';
import { EndpointLease } from './endpoint-lease';

describe('EndpointLease', () => {
  let documents: EmbeddedDocumentStore;
  let now: number;
  const lease = (nonce: number) => new EndpointLease(documents, 'ep-1', 30_000, nonce, () => now);

  beforeEach(() => {
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    now = 1_760_000_000_000;
  });
  afterEach(() => documents.close());

  it('is held by one dispatcher at a time', async () => {
    const [a, b] = [lease(1), lease(2)];
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    now += 25_000;
    expect(await a.hold()).toBe(true);
    now += 25_000;
    expect(await b.hold()).toBe(false);
  });

  it('passes to another dispatcher once it expires, and the stalled holder learns it lost it', async () => {
    const [a, b] = [lease(1), lease(2)];
    await a.hold();
    now += 30_001;
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false);
  });

  it('is taken over unexpired by a dispatcher that knows its holder is dead', async () => {
    const [a, b] = [lease(1), lease(2)];
    await a.hold();
    expect(await b.hold(true)).toBe(true);
    expect(await a.hold()).toBe(false);
  });

  it('is free at once when released', async () => {
    const [a, b] = [lease(1), lease(2)];
    await a.hold();
    await a.release();
    expect(await b.hold()).toBe(true);
  });

  it('lets only one of two racing dispatchers take a free lease', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((nonce) => lease(nonce).hold()));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
