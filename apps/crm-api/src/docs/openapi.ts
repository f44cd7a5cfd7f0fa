import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject =>
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
  );

/** OpenAPI UI at /docs and the document at /docs-json. */
export const setUpOpenApi = (app: INestApplication): void => {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
};
