import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { pino } from 'pino';
import type { Store } from 'nestjs-pino/storage';
import { storage } from 'nestjs-pino/storage';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The correlation id of a request: the caller's X-Correlation-Id when sane, else a new one. */
export const correlationIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

/** The root logger of crm-api: request lines are its children, app logs outside a request use it. */
export const createHttpLogger = (level: string, destination?: DestinationStream): Logger =>
  destination ? pino({ level }, destination) : pino({ level });

const UNLOGGED = /^\/(health|metrics)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REDACTED = '~';

/** Query keys stay (they say what was asked), their values go: `q=<email>` is personal data. */
const redactedQuery = (query: string): string =>
  query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0] ?? ''}=${REDACTED}`)
    .join('&');

/**
 * The URL as logged: nothing a caller typed survives except ids. A matched route is logged as
 * its template with the UUID parameters filled in (`/customers/<id>/tags`); any other
 * parameter stays `:name`. An unmatched path (a typo, a scanner, `/customers/ada@example.com`)
 * keeps only its UUID segments. Query values become `~`.
 */
export const loggedUrl = (
  url: string,
  route: string | undefined,
  params: Record<string, unknown> | undefined,
): string => {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? '' : redactedQuery(url.slice(mark + 1));
  const shownPath =
    route === undefined || route === '*' || route.includes('*')
      ? path
          .split('/')
          .map((segment) => (segment === '' || UUID.test(segment) ? segment : REDACTED))
          .join('/')
      : route.replace(/:([A-Za-z0-9_]+)/g, (template, name: string) => {
          const value = params?.[name];
          return typeof value === 'string' && UUID.test(value) ? value : template;
        });
  return query ? `${shownPath}?${query}` : shownPath;
};

/**
 * The logger a request's log lines go through (nestjs-pino reads `store.logger`): a child
 * carrying the `correlationId`, made on the first line of the request, so a request that
 * logs nothing (most of them, at `warn`) costs no child logger.
 */
class RequestLogStore implements Store {
  private child: Logger | undefined;

  constructor(
    private readonly root: Logger,
    private readonly correlationId: string,
  ) {}

  get logger(): Logger {
    this.child ??= this.root.child({ correlationId: this.correlationId });
    return this.child;
  }

  /** nestjs-pino's `PinoLogger.assign` replaces it with a child of it. */
  set logger(logger: Logger) {
    this.child = logger;
  }
}

const responseOf = (reply: FastifyReply) => ({
  statusCode: reply.statusCode,
  headers: reply.getHeaders(),
});

/**
 * Request logging as Fastify hooks rather than Nest middleware: every line logged while a
 * request is handled carries its `correlationId` (the id Fastify gave the request, see
 * `genReqId`), and each request ends with one line — method and a redacted URL only (see
 * `loggedUrl`), so headers (the API key among them), bodies and search terms never reach the
 * logs, where a forget could not erase them; `request errored` for a 5xx. Health probes and
 * metrics scrapes are not logged.
 */
export const registerRequestLogging = (fastify: FastifyInstance, root: Logger): void => {
  fastify.addHook('onRequest', (request, _reply, done) => {
    // Everything the request runs from here on (body parsing, guards, the handler, the
    // exception filter) sees the store: Fastify keeps the async context across the body.
    storage.run(new RequestLogStore(root, request.id), done);
  });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (!root.isLevelEnabled('info') || UNLOGGED.test(request.url)) {
      done();
      return;
    }
    const log = root.child({
      correlationId: request.id,
      req: {
        method: request.method,
        url: loggedUrl(
          request.url,
          request.routeOptions.url,
          request.params as Record<string, unknown> | undefined,
        ),
      },
    });
    const responseTime = Math.round(reply.elapsedTime);
    if (reply.statusCode >= 500) {
      log.info(
        {
          res: responseOf(reply),
          err: new Error(`failed with status code ${reply.statusCode}`),
          responseTime,
        },
        'request errored',
      );
    } else {
      log.info({ res: responseOf(reply), responseTime }, 'request completed');
    }
    done();
  });
};
