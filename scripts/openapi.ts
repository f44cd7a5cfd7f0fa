import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInProcess } from './lib/in-process-app';
import { CLIENT_TYPES, clientTypesOf } from './lib/openapi-client';
import { OPENAPI_JSON, openApiJson } from './lib/openapi-json';

/** `npm run openapi`: writes openapi.json from the real app (on a throw-away data folder). */
const main = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-openapi-'));
  try {
    const started = await startInProcess({
      CRM_DATA_DIR: dataDir,
      CRM_ADMIN_KEY: 'openapi-generation-admin-key-0000',
      LOG_LEVEL: 'silent',
    });
    try {
      const document = openApiJson(started.app);
      writeFileSync(OPENAPI_JSON, document);
      writeFileSync(CLIENT_TYPES, clientTypesOf(document));
    } finally {
      await started.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`wrote ${OPENAPI_JSON} and ${CLIENT_TYPES}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `openapi failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
