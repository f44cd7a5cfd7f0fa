import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@crm/platform';
import { AllExceptionsFilter, createValidationPipe } from '@crm/platform';
import { ApiKeyService } from '@crm/security';
import { AppModule, correlationIdOf } from './app.module';
import { setUpOpenApi } from './docs/openapi';

export type StartedApp = { app: NestFastifyApplication; adminToken: string | null };

/** Builds the HTTP app (not yet listening): Fastify, validation, errors, docs, first admin key. */
export const createApp = async (config: AppConfig, options: { logs?: boolean } = {}): Promise<StartedApp> => {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // One id for Fastify, the logs and the events' correlationId: computed once, kept on the header.
    genReqId: (request: IncomingMessage) => {
      const id = correlationIdOf(request);
      request.headers['x-correlation-id'] = id;
      return id;
    },
    routerOptions: { maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('X-Correlation-Id', request.id);
    });
  setUpOpenApi(app);
  await app.init();
  const admin = await app.get(ApiKeyService).ensureAdminKey(config.adminKey);
  return { app, adminToken: admin?.generated ? admin.token : null };
};
