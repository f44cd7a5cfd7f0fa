import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { headPosition } from './support/event-log';
import { deepArray, deepObject } from './support/json-text';
import { rawExchange } from './support/raw-http';

/**
 * The hostile inputs the fuzzer found or that need exact limits, pinned by name so a
 * regression says what broke. Each also checks that nothing reached the event log.
 */
const expectErrorShape = (response: { status: number; body: any }, status: number): void => {
  expect(response.status).toBe(status);
  expect(response.body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    }),
  );
};

describe('hostile input, case by case', () => {
  let t: TestApp;
  let service: string;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    const created = await t.request('POST', '/customers', {
      key: service,
      body: { name: 'Ada Lovelace', email: 'ada@example.com' },
    });
    customerId = created.body.id;
  });
  afterAll(() => t.close());

  /** Sends, then checks the answer and that the log did not move. */
  const refused = async (method: string, path: string, raw?: string, status = 400) => {
    const before = headPosition(t.dataDir);
    const response = await t.request(method, path, {
      key: service,
      ...(raw === undefined ? {} : { raw }),
    });
    expectErrorShape(response, status);
    expect(headPosition(t.dataDir)).toBe(before);
  };

  it.each([
    ['arrays at the top level', deepArray(10_000).text],
    ['objects at the top level', deepObject(10_000).text],
    ['arrays inside a field', `{"name":${deepArray(10_000).text},"email":"deep@example.com"}`],
    ['objects inside a field', `{"name":"Deep","email":${deepObject(5_000).text}}`],
  ])('refuses JSON nested 10 000 deep (%s) with a 400, not a 500', async (_, raw) => {
    await refused('POST', '/customers', raw);
    await refused('POST', `/customers/${customerId}/notes`, raw);
  });

  it.each([
    ['a lone high surrogate', '\ud85c'],
    ['a lone low surrogate after a letter', 'a\udc89'],
    ['a surrogate inside an address', 'ada\ud800@example.com'],
  ])('refuses an email with %s with a 400, not a 500', async (_, email) => {
    await refused('POST', '/customers', JSON.stringify({ name: 'Surrogate', email }));
    await refused('PATCH', `/customers/${customerId}`, JSON.stringify({ email }));
  });

  it.each(['name', 'email'])(
    'refuses null for %s in a contact change with a 400 (only phone and address may be cleared)',
    async (field) => {
      await refused('PATCH', `/customers/${customerId}`, JSON.stringify({ [field]: null }));
    },
  );

  it('refuses prototype-polluting keys and leaves Object.prototype alone', async () => {
    await refused(
      'POST',
      '/customers',
      '{"name":"P","email":"p@example.com","__proto__":{"polluted":1}}',
    );
    await refused(
      'POST',
      '/customers',
      '{"name":"P","email":"p@example.com","constructor":{"prototype":{"polluted":1}}}',
    );
    await refused('GET', '/customers?__proto__[polluted]=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses Mongo operators in query strings and bodies with a 400', async () => {
    const analyst = await t.keyFor('analyst');
    for (const query of ['status[$ne]=x', 'q[$regex]=.*', 'tag[$gt]=', '$where=1']) {
      expectErrorShape(await t.request('GET', `/customers?${query}`, { key: analyst }), 400);
    }
    await refused('POST', `/customers/${customerId}/tags`, '{"tags":{"$gt":""}}');
    await refused('POST', '/customers', '{"name":{"$where":"sleep(100)"},"email":"o@example.com"}');
  });

  it('closes the connection when it refuses oversized headers (431), so a keep-alive client loses no other request', async () => {
    const response = await rawExchange(
      t.url,
      `GET /health/live?q=${'q'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`,
    );
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 431 });
    // Without it a pooled client reuses the socket the server is destroying.
    expect(response.headers.connection).toBe('close');
  });
});

describe('request body size limit', () => {
  const bodyOf = (bytes: number): string => {
    const shell = JSON.stringify({ name: '', email: 'big@example.com' });
    return JSON.stringify({
      name: 'A'.repeat(bytes - Buffer.byteLength(shell)),
      email: 'big@example.com',
    });
  };

  it.each([
    ['the default 1 MiB', {}, 1024 * 1024],
    ['BODY_LIMIT_BYTES=2048', { BODY_LIMIT_BYTES: '2048' }, 2048],
  ])('takes a body of exactly %s and answers 413 to one byte more', async (_, env, limit) => {
    const t = await startTestApp(env);
    try {
      expect(t.config.bodyLimitBytes).toBe(limit);
      const service = await t.keyFor('service');
      const before = headPosition(t.dataDir);
      const atLimit = await t.request('POST', '/customers', { key: service, raw: bodyOf(limit) });
      expect(Buffer.byteLength(bodyOf(limit))).toBe(limit);
      expect(atLimit.status).not.toBe(413);
      expectErrorShape(atLimit, 400); // the name is too long: read and validated, not refused unread
      const over = await t.request('POST', '/customers', { key: service, raw: bodyOf(limit + 1) });
      expectErrorShape(over, 413);
      expect(headPosition(t.dataDir)).toBe(before);
    } finally {
      await t.close();
    }
  });

  it('answers 413 to a chunked body that grows past the limit without a Content-Length', async () => {
    const t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
    try {
      const chunk = 'A'.repeat(1000);
      const chunks = Array.from(
        { length: 8 },
        () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      ).join('');
      const response = await rawExchange(
        t.url,
        `POST /customers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.adminKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`,
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({
        statusCode: 413,
        error: 'Payload Too Large',
      });
    } finally {
      await t.close();
    }
  });
});
