import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { headPosition } from './support/event-log';

const CSV = 'name,email\nAda Lovelace,ada@example.com\n';
const NDJSON = '{"name":"Ada Lovelace","email":"ada@example.com"}\n';

/** Only POST /imports streams CSV or JSON lines; every other route takes JSON and says 415. */
describe('content types', () => {
  let t: TestApp;
  let service: string;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    const created = await t.request('POST', '/customers', {
      key: service,
      body: { name: 'Grace Hopper', email: 'grace@example.com' },
    });
    customerId = created.body.id;
  });
  afterAll(() => t?.close());

  it.each([
    ['text/csv', CSV],
    ['application/x-ndjson', NDJSON],
    ['text/csv; charset=utf-8', CSV],
    ['text/plain', 'hello'],
    ['application/xml', '<customer/>'],
  ])('answers 415 with the error shape for a %s body on a JSON route', async (type, raw) => {
    const before = headPosition(t.dataDir);
    for (const [method, path] of [
      ['POST', '/customers'],
      ['PATCH', `/customers/${customerId}`],
      ['POST', `/customers/${customerId}/notes`],
      ['POST', '/tickets'],
      ['POST', '/orders'],
    ] as const) {
      const response = await t.request(method, path, {
        key: service,
        raw,
        headers: { 'content-type': type },
      });
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: expect.any(String),
      });
    }
    expect(headPosition(t.dataDir)).toBe(before);
  });

  it('still streams CSV and JSON lines to POST /imports', async () => {
    const csv = await t.request('POST', '/imports', {
      key: service,
      raw: CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const jsonl = await t.request('POST', '/imports', {
      key: service,
      raw: NDJSON,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(jsonl.status).toBe(200);
    expect(jsonl.body).toMatchObject({ rows: 1, alreadyImported: 1 });
  });
});
