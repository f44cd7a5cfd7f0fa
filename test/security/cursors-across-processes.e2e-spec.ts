import { randomBytes } from 'node:crypto';
import { vaultSchema } from '@crm/platform';
import { describeWithPostgres, dropSchema, uniqueSchemaName } from '../support/postgres';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/**
 * Two API instances on one PostgreSQL database, as a deployment runs them: a cursor one issues
 * pages on at the other (same master key, so the same signing key); a forged one is refused.
 */
describeWithPostgres('page cursors across the API processes of a deployment', (url) => {
  jest.setTimeout(60_000);
  const schema = uniqueSchemaName('cursors');
  const env = {
    POSTGRES_URL: url,
    POSTGRES_SCHEMA: schema,
    CRM_MASTER_KEY: randomBytes(32).toString('hex'),
  };
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp({ ...env, RUN_PROJECTORS: 'true' });
    second = await startTestApp({ ...env, RUN_PROJECTORS: 'false' });
  });
  afterAll(async () => {
    await Promise.allSettled([first?.close(), second?.close()]);
    await dropSchema(url, schema);
    await dropSchema(url, vaultSchema(schema));
  });

  it('continues on one process a listing begun on the other, and refuses a forged cursor', async () => {
    let last = 0;
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Edsger Dijkstra']) {
      const email = `${name.split(' ')[0]?.toLowerCase()}@cursors.example`;
      const created = await first.request('POST', '/customers', { body: { name, email } });
      expect(created.status).toBe(201);
      last = created.body.position as number;
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    let turn = 0;
    do {
      const app: TestApp = turn % 2 === 0 ? first : second;
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await app.request('GET', `/customers?limit=1&minPosition=${last}${query}`);
      expect(page.status).toBe(200);
      ids.push(...(page.body.items as { customerId: string }[]).map((c) => c.customerId));
      cursor = page.body.nextCursor as string | null;
      turn += 1;
    } while (cursor && turn < 10);
    expect(new Set(ids).size).toBe(3);

    const forged = Buffer.from(JSON.stringify({ values: [{ $ne: null }, 'x'], id: 'x' })).toString(
      'base64url',
    );
    const refused = await second.request('GET', `/customers?limit=1&cursor=${forged}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ details: [{ field: 'cursor', rule: 'isCursor' }] });
  });
});
