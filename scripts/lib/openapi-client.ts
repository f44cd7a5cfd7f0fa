import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { projectRoot } from '../../apps/crm-api/src/dashboard/web-root';

/** The typed client's types, generated from openapi.json (npm run openapi writes both). */
export const CLIENT_TYPES = join(projectRoot(), 'libs', 'client', 'src', 'openapi.generated.ts');

const HEADER = `// Generated from openapi.json by \`npm run openapi\` (openapi-typescript); do not edit. The
// staleness test (test/observability/openapi.e2e-spec.ts) fails when it is out of date.
`;

/** openapi-typescript's types for the document, as the text of CLIENT_TYPES. */
export const clientTypesOf = async (document: string): Promise<string> =>
  `${HEADER}${astToString(await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]))}`;
