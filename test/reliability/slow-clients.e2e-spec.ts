import { loadConfig } from '@crm/platform';
import type { TestApp } from '../support/test-app';
import { TEST_ADMIN_KEY, startTestApp } from '../support/test-app';
import { rawExchange } from './support/raw-http';

const BODY = JSON.stringify({ name: 'Slow Loris', email: 'slow@example.com' });

/** The head of a POST /customers whose body never comes (one byte of it is sent). */
const dripping = (authorization?: string): string =>
  [
    'POST /customers HTTP/1.1',
    'Host: localhost',
    'Content-Type: application/json',
    `Content-Length: ${BODY.length}`,
    ...(authorization ? [`Authorization: ${authorization}`] : []),
    '',
    BODY.slice(0, 1),
  ].join('\r\n');

/**
 * Slow clients cannot hold the service's connections: bodies are read only after the key is
 * checked, and headers, whole requests and idle connections are timed (small timeouts here).
 */
describe('slow clients', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      HTTP_REQUEST_TIMEOUT_MS: '1000',
      HTTP_HEADERS_TIMEOUT_MS: '500',
      HTTP_IDLE_TIMEOUT_MS: '1500',
      READ_WAIT_TIMEOUT_MS: '1000',
    });
  });
  afterAll(() => t?.close());

  it.each([
    ['without a key', undefined, /missing or malformed/],
    ['with a bogus key', 'Bearer crm_not-a-real-key-0123456789', /unknown or revoked/],
  ])(
    'refuses a POST %s with 401 before reading its body, and closes the connection',
    async (_, authorization, message) => {
      const response = await rawExchange(t.url, dripping(authorization), 10_000);
      expect(response.status).toBe(401);
      expect(response.headers.connection).toBe('close');
      expect(JSON.parse(response.body)).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.stringMatching(message),
      });
    },
  );

  it('closes an authenticated request whose body does not arrive within the request timeout', async () => {
    const response = await rawExchange(t.url, dripping(`Bearer ${TEST_ADMIN_KEY}`), 10_000);
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 408 });
  });

  it('closes a connection whose headers do not arrive within the headers timeout', async () => {
    const response = await rawExchange(t.url, 'GET /customers HTTP/1.1\r\nHost: loc', 10_000);
    expect(response.status).toBe(408);
  });

  it('closes a connection that sends nothing', async () => {
    await expect(rawExchange(t.url, '', 10_000)).resolves.toMatchObject({ status: 408 });
  });

  it('still serves whole requests', async () => {
    const created = await t.request('POST', '/customers', { raw: BODY });
    expect(created.status).toBe(201);
  });
});

describe('HTTP limits configuration', () => {
  it('has defaults for every timeout and limit', () => {
    expect(loadConfig({})).toMatchObject({
      httpRequestTimeoutMs: 120_000,
      httpHeadersTimeoutMs: 10_000,
      httpIdleTimeoutMs: 65_000,
      rateLimitPerMinute: 60_000,
      rateLimitPerAddressPerMinute: 600,
      bodyLimitBytes: 1024 * 1024,
      importMaxLineBytes: 1024 * 1024,
    });
  });

  it('names each invalid setting on a line of its own', () => {
    expect(() =>
      loadConfig({
        HTTP_REQUEST_TIMEOUT_MS: '0',
        HTTP_HEADERS_TIMEOUT_MS: 'soon',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '-1',
      }),
    ).toThrow(
      /RATE_LIMIT_PER_ADDRESS_PER_MINUTE=-1: .*\n.*HTTP_REQUEST_TIMEOUT_MS=0: .*\n.*HTTP_HEADERS_TIMEOUT_MS=soon: /,
    );
    expect(() =>
      loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '2000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_IDLE_TIMEOUT_MS: '1000' })).toThrow(
      /HTTP_IDLE_TIMEOUT_MS: must exceed READ_WAIT_TIMEOUT_MS/,
    );
  });
});
