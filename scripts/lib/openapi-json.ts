import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { projectRoot } from '../../apps/crm-api/src/dashboard/web-root';
import { buildOpenApiDocument } from '../../apps/crm-api/src/docs/openapi';

/** The committed document, at the repository root. */
export const OPENAPI_JSON = join(projectRoot(), 'openapi.json');

/** Objects with their keys sorted, at every depth; arrays keep their order. */
export const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
};

/** The app's OpenAPI document as stable text: sorted keys, two-space indent, final newline. */
export const openApiJson = (app: INestApplication): string =>
  `${JSON.stringify(sortKeys(buildOpenApiDocument(app)), null, 2)}\n`;
