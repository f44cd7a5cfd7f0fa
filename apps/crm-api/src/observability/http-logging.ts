import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The correlation id of a request: the caller's X-Correlation-Id when sane, else a new one. */
export const correlationIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

/**
 * pino-http for crm-api: every line of a request carries its `correlationId`; the request is
 * logged as method and URL only, so headers (the API key among them) and bodies never reach
 * the logs. Kept lean because it runs on every request, logged or not: the request logger is
 * a child with the id alone, and no per-request props are computed at the end.
 */
export const httpLoggerOptions = (level: string): Options => ({
  level,
  genReqId: correlationIdOf,
  quietReqLogger: true,
  customAttributeKeys: { reqId: 'correlationId' },
  serializers: {
    req: (request: { method?: string; url?: string }) => ({
      method: request.method,
      url: request.url,
    }),
  },
  autoLogging: {
    ignore: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
  },
});
