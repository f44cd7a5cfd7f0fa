import { existsSync, readFileSync } from 'node:fs';
import { CLIENT_TYPES, clientTypesOf } from '../../scripts/lib/openapi-client';
import { OPENAPI_JSON, openApiJson } from '../../scripts/lib/openapi-json';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Where two JSON values differ, as dotted paths (the first few). */
const differences = (a: unknown, b: unknown, path = '', found: string[] = []): string[] => {
  if (found.length >= 10 || JSON.stringify(a) === JSON.stringify(b)) return found;
  const objects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null;
  if (!objects) {
    found.push(path || '(root)');
    return found;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    differences(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
      found,
    );
  }
  return found;
};

describe('openapi.json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is the document the app serves, regenerated (npm run openapi) whenever the API changes', () => {
    if (!existsSync(OPENAPI_JSON)) {
      throw new Error('openapi.json is missing: run `npm run openapi` and commit it');
    }
    const committed = readFileSync(OPENAPI_JSON, 'utf8');
    const fresh = openApiJson(t.app);
    if (committed !== fresh) {
      const where = differences(JSON.parse(committed), JSON.parse(fresh));
      throw new Error(
        `openapi.json is out of date: run \`npm run openapi\` and commit it. It differs at: ${where.join(', ') || 'formatting only'}`,
      );
    }
  });

  it('has its typed client generated from it (npm run openapi writes both)', async () => {
    const committed = readFileSync(OPENAPI_JSON, 'utf8');
    const types = existsSync(CLIENT_TYPES) ? readFileSync(CLIENT_TYPES, 'utf8') : '';
    if (types !== clientTypesOf(committed)) {
      throw new Error(
        `${CLIENT_TYPES} is out of date with openapi.json: run \`npm run openapi\` and commit both`,
      );
    }
  }, 30_000);
});
