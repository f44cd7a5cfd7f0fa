import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { segmentLookup, webhookEventTypes } from '@crm/composition';
import type { Class } from '@crm/platform';
import { finishOpenApiDocument } from '@crm/platform';

export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject => {
  const classes = requestClasses(app);
  return finishOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('CRM event store service')
        .setDescription(
          'Event-sourced CRM. Writes answer { id, streamRevision, position } and accept Idempotency-Key; ' +
            'reads accept minPosition (or X-Min-Position) to read your own writes. ' +
            'Authenticate with Authorization: Bearer <api key>.',
        )
        .setVersion('0.1.0')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
        .build(),
    ),
    '/',
    classes.all,
    classes.queries,
    { segment: segmentLookup?.segmentNames ?? [], eventType: webhookEventTypes },
  ) as unknown as OpenAPIObject;
};

const QUERY = 4; // @nestjs/common RouteParamtypes.QUERY

/**
 * The classes the controllers take (bodies and queries), so their rules reach the document, and
 * each route's query class by operationId (`Controller_method`, as @nestjs/swagger names them).
 */
const requestClasses = (app: INestApplication): { all: Class[]; queries: Map<string, Class> } => {
  const all = new Set<Class>();
  const queries = new Map<string, Class>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const type = controller.metatype as Class | null;
      const prototype = type?.prototype as object | undefined;
      if (!type || !prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ??
          []) as unknown[];
        for (const paramType of types)
          if (typeof paramType === 'function') all.add(paramType as Class);
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        for (const [key, { index }] of Object.entries(args)) {
          const query = types[index];
          if (key.split(':')[0] === String(QUERY) && typeof query === 'function') {
            queries.set(`${type.name}_${method}`, query as Class);
          }
        }
      }
    }
  }
  return { all: [...all], queries };
};
/** OpenAPI UI at /docs and the document at /docs-json. */
export const setUpOpenApi = (app: INestApplication): void => {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
};
