import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@crm/platform';
import { AllExceptionsFilter, createValidationPipe, parseJsonBody } from '@crm/platform';
import { ApiKeyService, PiiProtection, registerPiiReveal } from '@crm/security';
import { IMPORT_MEDIA_TYPES } from '@crm/customers';
import { AppModule, HTTP_LOGGER, correlationIdOf } from './app.module';
import { registerRequestLogging } from './observability/http-logging';
import { setUpOpenApi } from './docs/openapi';
import { registerRequestGate } from './edge/request-gate.hook';

/** The one route that takes a streamed CSV or JSON-lines body. */
const IMPORT_ROUTE = '/imports';

export type StartedApp = { app: NestFastifyApplication; adminToken: string | null };

export const createFastifyAdapter = (config: AppConfig): FastifyAdapter =>
  new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Slow clients cannot hold connections: headers, the whole request and idle sockets are timed.
    requestTimeout: config.httpRequestTimeoutMs,
    connectionTimeout: config.httpIdleTimeoutMs,
    http: {
      requestTimeout: config.httpRequestTimeoutMs,
      headersTimeout: config.httpHeadersTimeoutMs,
      // Node checks both timeouts only this often (default 30 s).
      connectionsCheckingInterval: Math.min(
        30_000,
        Math.max(50, Math.floor(config.httpHeadersTimeoutMs / 2)),
      ),
    },
    // One id for Fastify, the logs and the events' correlationId: computed once, kept on the header.
    genReqId: (request: IncomingMessage) => {
      const id = correlationIdOf(request);
      request.headers['x-correlation-id'] = id;
      return id;
    },
    routerOptions: { maxParamLength: 200 },
    // No Nest middleware is used (requests are logged by Fastify hooks): no middie on every request.
    skipMiddie: true,
    // Malformed requests (oversized headers, bad framing) get the error shape and a closed socket,
    // so a keep-alive client does not send its next request into a connection about to drop.
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      const status =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? 431
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? 408
            : 400;
      const body = JSON.stringify({
        statusCode: status,
        error: STATUS_CODES[status],
        message: error.message,
      });
      if (socket.writable) {
        socket.end(
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroySoon();
    },
  });

/** Validation, errors, correlation ids, docs, then init and the first admin key. */
export const configureApp = async (
  app: NestFastifyApplication,
  config: AppConfig,
  options: { logs?: boolean } = {},
): Promise<StartedApp> => {
  if (options.logs !== false) app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: other bodies get 415 instead of reaching validation as strings.
  fastify.removeContentTypeParser(['text/plain', 'application/json']);
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  // Imports are streamed to the importer, never buffered, so the body limit does not apply.
  // Other routes take JSON only: a CSV or JSON-lines body there is 415, and is never read.
  fastify.addContentTypeParser(Object.keys(IMPORT_MEDIA_TYPES), (request, payload, done) => {
    if (request.routeOptions.url === IMPORT_ROUTE) return done(null, payload);
    payload.resume();
    done(new UnsupportedMediaTypeException('send the body as application/json'), undefined);
  });
  registerRequestLogging(fastify, app.get(HTTP_LOGGER));
  registerRequestGate(fastify, app.get(ApiKeyService), {
    perKeyPerMinute: config.rateLimitPerMinute,
    perAddressPerMinute: config.rateLimitPerAddressPerMinute,
  });
  registerPiiReveal(fastify, app.get(PiiProtection));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('X-Correlation-Id', request.id);
    done(null, payload);
  });
  setUpOpenApi(app);
  await app.init();
  const admin = await app.get(ApiKeyService).ensureAdminKey(config.adminKey);
  return { app, adminToken: admin?.generated ? admin.token : null };
};

/** Builds the HTTP app (not yet listening). */
export const createApp = async (config: AppConfig): Promise<StartedApp> => {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    // The body parser is ours (see configureApp): depth and Unicode checks before validation.
    { bufferLogs: true, bodyParser: false },
  );
  return configureApp(app, config);
};
