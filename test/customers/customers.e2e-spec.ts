import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

let counter = 0;
const aCustomer = (overrides: Record<string, unknown> = {}): Record<string, any> => {
  counter += 1;
  return {
    name: `Ada Lovelace ${counter}`,
    email: `ada.${counter}@example.com`,
    phone: '+442071234567',
    tags: ['vip'],
    ...overrides,
  };
};

const eventCount = (t: TestApp): number => {
  const db = new Database(join(t.dataDir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('customers over HTTP', () => {
  let t: TestApp;
  let service: string;
  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
  });
  afterAll(() => t.close());

  it('creates a customer and reads it back at the position the command returned', async () => {
    const input = aCustomer({
      address: {
        street: '12 St James Square',
        city: 'London',
        postalCode: 'SW1Y 4LB',
        country: 'GB',
      },
    });
    const created = await t.request('POST', '/customers', { key: service, body: input });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      streamRevision: 0,
      position: expect.any(Number),
    });
    const read = await t.request(
      'GET',
      `/customers/${created.body.id}?minPosition=${created.body.position}`,
      { key: service },
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      customerId: created.body.id,
      status: 'active',
      name: input.name,
      email: input.email,
      phone: input.phone,
      address: input.address,
      tags: ['vip'],
    });
  });

  it('accepts the position in the X-Min-Position header too', async () => {
    const created = await t.request('POST', '/customers', { key: service, body: aCustomer() });
    const read = await t.request('GET', `/customers/${created.body.id}`, {
      key: service,
      headers: { 'x-min-position': String(created.body.position) },
    });
    expect(read.status).toBe(200);
  });

  it('answers 503 with Retry-After when the read model cannot reach the position in time', async () => {
    const read = await t.request('GET', '/customers?minPosition=999999999', { key: service });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(read.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
  });

  it('answers a retried request with the same Idempotency-Key as the first, appending nothing', async () => {
    const body = aCustomer();
    const headers = { 'idempotency-key': `create-${counter}-abcdef` };
    const first = await t.request('POST', '/customers', { key: service, body, headers });
    const before = eventCount(t);
    const retry = await t.request('POST', '/customers', { key: service, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(eventCount(t)).toBe(before);

    const note = { 'idempotency-key': `note-${counter}-abcdef` };
    const n1 = await t.request('POST', `/customers/${first.body.id}/notes`, {
      key: service,
      body: { text: 'call back' },
      headers: note,
    });
    const n2 = await t.request('POST', `/customers/${first.body.id}/notes`, {
      key: service,
      body: { text: 'call back' },
      headers: note,
    });
    expect(n2.body).toEqual(n1.body);
    const read = await t.request(
      'GET',
      `/customers/${first.body.id}?minPosition=${n1.body.position}`,
      { key: service },
    );
    expect(read.body.noteCount).toBe(1);
  });

  it('answers 422 when an Idempotency-Key is reused with a different body, appending nothing', async () => {
    const headers = { 'idempotency-key': `reuse-${counter}-abcdef` };
    const first = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer(),
      headers,
    });
    const before = eventCount(t);
    const reused = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer(),
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringContaining('already used for a different request'),
    });
    const tagKey = { 'idempotency-key': `tag-reuse-${counter}-abcdef` };
    const path = `/customers/${first.body.id}/tags`;
    await t.request('POST', path, { key: service, body: { tags: ['gold'] }, headers: tagKey });
    const otherTags = await t.request('POST', path, {
      key: service,
      body: { tags: ['silver'] },
      headers: tagKey,
    });
    expect(otherTags.status).toBe(422);
    expect(eventCount(t)).toBe(before + 1);
  });

  it('answers a retried no-op as the first time, even after an intervening change', async () => {
    const created = await t.request('POST', '/customers', { key: service, body: aCustomer() });
    const path = `/customers/${created.body.id}`;
    const headers = { 'idempotency-key': `noop-tag-${counter}-abcdef` };
    // Tagging with a tag it already has appends nothing.
    const first = await t.request('POST', `${path}/tags`, {
      key: service,
      body: { tags: ['vip'] },
      headers,
    });
    expect(first.status).toBe(200);
    const untagged = await t.request('DELETE', `${path}/tags/vip`, { key: service });
    const before = eventCount(t);
    const retry = await t.request('POST', `${path}/tags`, {
      key: service,
      body: { tags: ['vip'] },
      headers,
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(eventCount(t)).toBe(before);
    const read = await t.request('GET', `${path}?minPosition=${untagged.body.position}`, {
      key: service,
    });
    expect(read.body.tags).toEqual([]);
  });

  it('refuses a second live customer with the same email, case-insensitively', async () => {
    const input = aCustomer();
    await t.request('POST', '/customers', { key: service, body: input });
    const duplicate = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer({ email: input.email.toUpperCase() }),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      code: 'CUSTOMER_EMAIL_TAKEN',
      message: expect.stringContaining('already used'),
    });
  });

  it('updates contact details, notes and tags, each answering the new revision', async () => {
    const created = await t.request('POST', '/customers', { key: service, body: aCustomer() });
    const id = created.body.id as string;
    const updated = await t.request('PATCH', `/customers/${id}`, {
      key: service,
      body: { name: 'Ada King', phone: null },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.streamRevision).toBe(1);
    await t.request('POST', `/customers/${id}/notes`, {
      key: service,
      body: { text: 'prefers email' },
    });
    await t.request('POST', `/customers/${id}/tags`, {
      key: service,
      body: { tags: ['b2b', 'VIP'] },
    });
    const untagged = await t.request('DELETE', `/customers/${id}/tags/vip`, { key: service });
    expect(untagged.status).toBe(200);
    const read = await t.request('GET', `/customers/${id}?minPosition=${untagged.body.position}`, {
      key: service,
    });
    expect(read.body).toMatchObject({ name: 'Ada King', phone: null, tags: ['b2b'], noteCount: 1 });
    expect(read.body.notes[0]).toMatchObject({ text: 'prefers email' });
  });

  it('answers 404 for commands and reads on a customer that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.request('GET', `/customers/${missing}`, { key: service })).status).toBe(404);
    const note = await t.request('POST', `/customers/${missing}/notes`, {
      key: service,
      body: { text: 'x' },
    });
    expect(note.status).toBe(404);
    expect(note.body).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });

  it('searches by text and tag and pages with an opaque cursor', async () => {
    const tag = `page-${Date.now()}`;
    for (let i = 0; i < 5; i += 1)
      await t.request('POST', '/customers', { key: service, body: aCustomer({ tags: [tag] }) });
    const head = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer({ name: 'Zebedee Unique' }),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/customers?tag=${tag}&limit=2&minPosition=${head.body.position}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.request('GET', query, { key: service });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { customerId: string }) => c.customerId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
    const byText = await t.request('GET', '/customers?q=zebedee', { key: service });
    expect(byText.body.items.map((c: { name: string }) => c.name)).toEqual(['Zebedee Unique']);
  });

  it('masks personal data for analysts', async () => {
    const analyst = await t.keyFor('analyst');
    const created = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer({ name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+33612345678' }),
    });
    const read = await t.request(
      'GET',
      `/customers/${created.body.id}?minPosition=${created.body.position}`,
      { key: analyst },
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      name: 'J*** D***',
      email: 'j***@e***.com',
      phone: '+33*******78',
    });
    const list = await t.request('GET', '/customers?q=jane', { key: analyst });
    expect(JSON.stringify(list.body)).not.toContain('jane.doe@example.com');
  });

  describe('authentication and roles', () => {
    it('refuses requests without a key, with a malformed or an unknown key', async () => {
      for (const key of [null, 'not a key', 'crm_unknown']) {
        const response = await t.request('GET', '/customers', { key });
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      }
    });

    it('refuses writes by analysts and auditors, and reads by auditors', async () => {
      const analyst = await t.keyFor('analyst');
      const auditor = await t.keyFor('auditor');
      expect(
        (await t.request('POST', '/customers', { key: analyst, body: aCustomer() })).status,
      ).toBe(403);
      expect(
        (await t.request('POST', '/customers', { key: auditor, body: aCustomer() })).status,
      ).toBe(403);
      expect((await t.request('GET', '/customers', { key: auditor })).status).toBe(403);
      expect(
        (
          await t.request('POST', '/admin/api-keys', {
            key: service,
            body: { name: 'x', role: 'admin' },
          })
        ).status,
      ).toBe(403);
    });

    it('stops accepting a key once it is revoked', async () => {
      const created = await t.request('POST', '/admin/api-keys', {
        body: { name: 'temp', role: 'service' },
      });
      expect((await t.request('GET', '/customers', { key: created.body.token })).status).toBe(200);
      expect((await t.request('DELETE', `/admin/api-keys/${created.body.key.id}`)).status).toBe(
        204,
      );
      expect((await t.request('GET', '/customers', { key: created.body.token })).status).toBe(401);
      const listed = await t.request('GET', '/admin/api-keys');
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    });

    it('serves health and docs without a key', async () => {
      expect((await t.request('GET', '/health/live', { key: null })).status).toBe(200);
      expect((await t.request('GET', '/health/ready', { key: null })).status).toBe(200);
      expect(
        (await t.request('GET', '/docs-json', { key: null })).body.paths['/customers'],
      ).toBeDefined();
    });
  });

  describe('bad input never gets a 500 and never writes', () => {
    const invalid: [string, unknown, string, string][] = [
      ['missing name', { email: 'a@b.co' }, 'name', 'isString'],
      ['empty name', { name: '', email: 'a@b.co' }, 'name', 'isLength'],
      ['name of the wrong type', { name: 42, email: 'a@b.co' }, 'name', 'isString'],
      ['bad email', { name: 'A', email: 'not-an-email' }, 'email', 'isEmail'],
      ['email as an object', { name: 'A', email: { $gt: '' } }, 'email', 'isString'],
      ['bad phone', { name: 'A', email: 'a@b.co', phone: '12ab' }, 'phone', 'matches'],
      ['tags not an array', { name: 'A', email: 'a@b.co', tags: 'vip' }, 'tags', 'isArray'],
      ['bad tag', { name: 'A', email: 'a@b.co', tags: ['no spaces'] }, 'tags', 'matches'],
      ['unknown field', { name: 'A', email: 'a@b.co', admin: true }, 'admin', 'unknownField'],
      ['huge name', { name: 'x'.repeat(10_000), email: 'a@b.co' }, 'name', 'isLength'],
    ];
    it.each(invalid)(
      'answers 400 for %s, naming the field and rule',
      async (_case, body, field, rule) => {
        const before = eventCount(t);
        const response = await t.request('POST', '/customers', { key: service, body });
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field, rule })]),
        );
        expect(eventCount(t)).toBe(before);
      },
    );

    it.each([
      ['malformed JSON', '{"name":'],
      ['a JSON array', '[1,2]'],
      ['a JSON string', '"hello"'],
      ['prototype pollution', '{"name":"A","email":"a@b.co","__proto__":{"admin":true}}'],
    ])('answers 4xx for %s', async (_case, raw) => {
      const response = await t.request('POST', '/customers', { key: service, raw });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toMatchObject({
        statusCode: response.status,
        message: expect.any(String),
      });
    });

    it('answers 400 for a malformed id, cursor, limit or minPosition', async () => {
      for (const path of [
        '/customers/123',
        '/customers?cursor=abc',
        '/customers?limit=0',
        '/customers?limit=501',
        '/customers?minPosition=-1',
      ]) {
        const response = await t.request('GET', path, { key: service });
        expect([path, response.status]).toEqual([path, 400]);
      }
    });

    it('answers 415 for a body that is not JSON', async () => {
      const response = await t.request('POST', '/customers', {
        key: service,
        raw: 'name=A',
        headers: { 'content-type': 'text/plain' },
      });
      expect(response.status).toBe(415);
    });

    it('answers 404 in the error shape for an unknown route', async () => {
      const response = await t.request('GET', '/nope', { key: service });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404 });
    });
  });
});
