import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const bogusKey = (i: number): string => `crm_bogus-${String(i).padStart(6, '0')}-0123456789abcdef`;

/** Sends the requests `concurrency` at a time; returns their statuses in order. */
const statusesOf = async (
  t: TestApp,
  keys: readonly string[],
  concurrency = 32,
): Promise<number[]> => {
  const statuses: number[] = new Array<number>(keys.length);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const i = next++;
      statuses[i] = (await t.request('GET', '/customers', { key: keys[i] ?? null })).status;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
};

/**
 * Budgets belong to authenticated keys (after authentication) and to client addresses (before
 * it): a bogus key is no identity, so inventing keys neither buys requests nor evicts anyone.
 */
describe('rate limits by key and by address', () => {
  it('charges every request with a bogus key to the address, whatever the key', async () => {
    const t = await startTestApp({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1)
        statuses.push((await t.request('GET', '/customers', { key: bogusKey(i) })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const limited = await t.request('GET', '/customers', { key: null });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // A real key from the same address has its own budget.
      expect((await t.request('GET', '/customers')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('keeps a limited key limited after 5,100 requests with distinct bogus keys', async () => {
    const t = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    });
    try {
      const service = await t.keyFor('service');
      expect(await statusesOf(t, [service, service, service, service], 1)).toEqual([
        200, 200, 200, 429,
      ]);
      const bogus = await statusesOf(
        t,
        Array.from({ length: 5_100 }, (_, i) => bogusKey(i)),
      );
      expect(new Set(bogus)).toEqual(new Set([401]));
      expect(
        await statusesOf(
          t,
          Array.from({ length: 10 }, () => service),
        ),
      ).toEqual(Array.from({ length: 10 }, () => 429));
    } finally {
      await t.close();
    }
  }, 120_000);
});
