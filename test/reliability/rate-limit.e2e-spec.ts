import { startTestApp } from '../support/test-app';

describe('rate limit', () => {
  it('answers 429 with Retry-After and the error shape past the limit per key, never for health', async () => {
    const t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await t.request('GET', '/customers')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await t.request('GET', '/customers');
      expect(limited.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/retry in/),
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Probes are never limited.
      for (let i = 0; i < 10; i += 1)
        expect((await t.request('GET', '/health/live', { key: null })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('gives each key its own budget', async () => {
    const t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const service = await t.keyFor('service');
      for (let i = 0; i < 2; i += 1) await t.request('GET', '/customers');
      expect((await t.request('GET', '/customers')).status).toBe(429);
      expect((await t.request('GET', '/customers', { key: service })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
