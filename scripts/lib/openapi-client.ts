import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../apps/crm-api/src/dashboard/web-root';

/** The typed client's types, generated from openapi.json (npm run openapi writes both). */
export const CLIENT_TYPES = join(projectRoot(), 'libs', 'client', 'src', 'openapi.generated.ts');

const HEADER = `// Generated from openapi.json by \`npm run openapi\` (openapi-typescript); do not edit. The
// staleness test (test/observability/openapi.e2e-spec.ts) fails when it is out of date.
`;

// openapi-typescript loads ES modules, which Jest's module system cannot: it runs in its own node.
const GENERATE = `
const { default: openapiTS, astToString } = require('openapi-typescript');
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (text += chunk));
process.stdin.on('end', async () => process.stdout.write(astToString(await openapiTS(JSON.parse(text)))));
`;

/** openapi-typescript's types for the document, as the text of CLIENT_TYPES. */
export const clientTypesOf = (document: string): string => {
  const result = spawnSync(process.execPath, ['-e', GENERATE], {
    cwd: projectRoot(),
    input: document,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`openapi-typescript failed: ${result.stderr || result.error?.message}`);
  }
  return `${HEADER}${result.stdout}`;
};
