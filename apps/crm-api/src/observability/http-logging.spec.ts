import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { correlationIdOf, createHttpLogger, registerRequestLogging } from './http-logging';

type Line = Record<string, unknown>;

/**
 * Serves requests through the hooks under test, with routes that log through nestjs-pino's
 * PinoLogger (as the app's services do) after the body was read, and returns the lines.
 */
const logLinesOf = async (
  requests: { method?: string; url: string; headers?: Record<string, string>; body?: string }[],
): Promise<Line[]> => {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  const root = createHttpLogger('info', sink);
  const logger = new PinoLogger({ pinoHttp: { logger: root } });
  const fastify = Fastify({ genReqId: correlationIdOf });
  registerRequestLogging(fastify, root);
  fastify.get('/customers', async () => {
    logger.info('handled');
    return { ok: true };
  });
  fastify.post('/customers', async (request) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    logger.info({ size: JSON.stringify(request.body).length }, 'handled');
    return { ok: true };
  });
  fastify.get('/customers/:id', async () => ({ ok: true }));
  fastify.get('/broken', async () => {
    throw new Error('boom');
  });
  fastify.get('/health/live', async () => ({ ok: true }));
  try {
    for (const request of requests) {
      await fastify.inject({
        method: (request.method ?? 'GET') as 'GET',
        url: request.url,
        headers: {
          ...request.headers,
          ...(request.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.body ? { payload: request.body } : {}),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await fastify.close();
  }
  return lines;
};

describe('http logging', () => {
  it('puts the caller’s correlation id on every line of a request', async () => {
    const lines = await logLinesOf([
      { url: '/customers?q=x', headers: { 'x-correlation-id': 'abc-123' } },
    ]);

    expect(lines.map((line) => line.msg)).toEqual(['handled', 'request completed']);
    expect(lines.map((line) => line.correlationId)).toEqual(['abc-123', 'abc-123']);
    expect(lines[1]).toMatchObject({
      req: { method: 'GET', url: '/customers?q=~' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
  });

  it('keeps the correlation id on lines logged after the body was read and an await', async () => {
    const lines = await logLinesOf([
      {
        method: 'POST',
        url: '/customers',
        headers: { 'x-correlation-id': 'with-body-1' },
        body: JSON.stringify({ name: 'x'.repeat(70_000) }),
      },
      {
        method: 'POST',
        url: '/customers',
        headers: { 'x-correlation-id': 'with-body-2' },
        body: '{}',
      },
    ]);

    expect(lines.map((line) => [line.msg, line.correlationId])).toEqual([
      ['handled', 'with-body-1'],
      ['request completed', 'with-body-1'],
      ['handled', 'with-body-2'],
      ['request completed', 'with-body-2'],
    ]);
  });

  it('never logs headers, so API keys stay out of the logs', async () => {
    const lines = await logLinesOf([
      { url: '/customers', headers: { authorization: 'Bearer crm_secret-token' } },
    ]);

    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain('crm_secret-token');
    expect(lines.every((line) => typeof line.correlationId === 'string')).toBe(true);
  });

  it('logs no search term, name or email a caller put in the URL', async () => {
    const id = '5f0c7a8e-1b2c-4d3e-8f9a-0b1c2d3e4f5a';
    const lines = await logLinesOf([
      { url: '/customers?q=ada%40example.com&tag=vip&limit=20' },
      { url: `/customers/${id}?minPosition=12` },
      { url: '/customers/ada@example.com' },
      { url: '/Ada%20Lovelace/grace@example.com' },
    ]);

    const logged = JSON.stringify(lines);
    for (const personal of ['ada', 'example', 'vip', 'Lovelace', 'grace', '%40'])
      expect(logged).not.toContain(personal);
    expect(
      lines.filter((line) => line.msg === 'request completed').map((line) => line.req),
    ).toEqual([
      { method: 'GET', url: '/customers?q=~&tag=~&limit=~' },
      { method: 'GET', url: `/customers/${id}?minPosition=~` },
      { method: 'GET', url: '/customers/:id' },
      { method: 'GET', url: '/~/~' },
    ]);
  });

  it('logs a 5xx as a request that errored, and neither health probes nor scrapes', async () => {
    const lines = await logLinesOf([{ url: '/health/live' }, { url: '/broken' }]);

    expect(lines.filter((line) => line.msg !== 'request errored')).not.toContainEqual(
      expect.objectContaining({ req: expect.objectContaining({ url: '/health/live' }) }),
    );
    expect(lines.at(-1)).toMatchObject({
      msg: 'request errored',
      req: { method: 'GET', url: '/broken' },
      res: { statusCode: 500 },
      err: { message: 'failed with status code 500' },
    });
  });

  it('logs no request lines below info', async () => {
    const lines: Line[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Line);
        done();
      },
    });
    const fastify = Fastify();
    registerRequestLogging(fastify, createHttpLogger('warn', sink));
    fastify.get('/customers', async () => ({ ok: true }));
    await fastify.inject({ method: 'GET', url: '/customers' });
    await fastify.close();

    expect(lines).toEqual([]);
  });

  it('replaces an unusable correlation id with a fresh one', () => {
    const request = { headers: { 'x-correlation-id': 'has spaces\n' } };

    expect(correlationIdOf(request as never)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
