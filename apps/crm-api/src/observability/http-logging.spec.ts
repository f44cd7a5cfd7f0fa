import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { correlationIdOf, httpLoggerOptions } from './http-logging';

/** Serves one request through the options under test and returns the log lines it wrote. */
const logLinesOf = async (headers: Record<string, string>): Promise<Record<string, unknown>[]> => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pinoHttp(httpLoggerOptions('info'), sink);
  const server = createServer((request, response) => {
    logger(request, response);
    request.log.info('handled');
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}/customers?q=x`, { headers })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    server.close();
  }
  return lines;
};

describe('http logging', () => {
  it('puts the caller’s correlation id on every line of a request', async () => {
    const lines = await logLinesOf({ 'x-correlation-id': 'abc-123' });

    expect(lines.map((line) => line.msg)).toEqual(['handled', 'request completed']);
    expect(lines.map((line) => line.correlationId)).toEqual(['abc-123', 'abc-123']);
    expect(lines[1]).toMatchObject({
      req: { method: 'GET', url: '/customers?q=x' },
      res: { statusCode: 200 },
    });
  });

  it('never logs headers, so API keys stay out of the logs', async () => {
    const lines = await logLinesOf({ authorization: 'Bearer crm_secret-token' });

    expect(JSON.stringify(lines)).not.toContain('crm_secret-token');
    expect(lines.every((line) => typeof line.correlationId === 'string')).toBe(true);
  });

  it('replaces an unusable correlation id with a fresh one', () => {
    const request = { headers: { 'x-correlation-id': 'has spaces\n' } };

    expect(correlationIdOf(request as never)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
