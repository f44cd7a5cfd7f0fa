import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Class } from '@crm/platform';
import { finishOpenApiDocument } from '@crm/platform';

export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  finishOpenApiDocument(
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
    requestClasses(app),
  ) as unknown as OpenAPIObject;

/** The classes the controllers take (bodies and queries), so their rules reach the document. */
const requestClasses = (app: INestApplication): Class[] => {
  const classes = new Set<Class>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const prototype = (controller.metatype as Class | null)?.prototype as object | undefined;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ??
          []) as unknown[];
        for (const type of types) if (typeof type === 'function') classes.add(type as Class);
      }
    }
  }
  return [...classes];
};

/** OpenAPI UI at /docs and the document at /docs-json. */
export const setUpOpenApi = (app: INestApplication): void => {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
};
