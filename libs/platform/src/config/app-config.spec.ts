import { ConfigError, loadConfig } from './app-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('defaults to the embedded stores under ./data with projectors in-process', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      runProjectors: true,
      logLevel: 'info',
      sqliteSynchronous: 'FULL',
      readWaitTimeoutMs: 2000,
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.keyDir).toMatch(/\/data\/keys$/);
    expect(config.eventStoreUrl).toBeUndefined();
  });

  it('switches to the production stores with both URLs, leaving projectors to the worker', () => {
    const config = loadConfig({
      EVENTSTORE_URL: 'esdb://es:2113?tls=false',
      MONGODB_URL: 'mongodb://mongo:27017/crm',
    });
    expect(config).toMatchObject({
      runProjectors: false,
      eventStoreUrl: 'esdb://es:2113?tls=false',
    });
    expect(
      loadConfig({
        EVENTSTORE_URL: 'esdb://es:2113',
        MONGODB_URL: 'mongodb://m/crm',
        RUN_PROJECTORS: 'true',
      }).runProjectors,
    ).toBe(true);
  });

  it('switches both stores to PostgreSQL with one URL, in schema crm unless told', () => {
    const config = loadConfig({ POSTGRES_URL: 'postgres://crm@db:5432/crm' });
    expect(config).toMatchObject({
      runProjectors: false,
      postgres: { url: 'postgres://crm@db:5432/crm', schema: 'crm' },
      eventStoreUrl: undefined,
    });
    expect(
      loadConfig({ POSTGRES_URL: 'postgresql://db/crm', POSTGRES_SCHEMA: 'crm_test_1' }).postgres,
    ).toEqual({ url: 'postgresql://db/crm', schema: 'crm_test_1' });
    expect(loadConfig({}).postgres).toBeUndefined();
  });

  it('refuses PostgreSQL together with another production backend, in one line', () => {
    expect(
      problemsOf({ POSTGRES_URL: 'postgres://db/crm', EVENTSTORE_URL: 'esdb://es:2113' }),
    ).toEqual([
      'POSTGRES_URL: cannot be combined with EVENTSTORE_URL or MONGODB_URL; set one production backend',
    ]);
    expect(
      problemsOf({ POSTGRES_URL: 'postgres://db/crm', MONGODB_URL: 'mongodb://m/crm' }),
    ).toEqual([
      'POSTGRES_URL: cannot be combined with EVENTSTORE_URL or MONGODB_URL; set one production backend',
    ]);
  });

  it.each([['mysql://db/crm'], ['postgres://'], ['postgres://db:99999/crm'], ['db:5432/crm']])(
    'refuses the malformed POSTGRES_URL %s',
    (url) => {
      expect(problemsOf({ POSTGRES_URL: url })).toEqual([
        'POSTGRES_URL: must look like postgres://user:password@host:5432/database',
      ]);
    },
  );

  it.each([['Crm'], ['1crm'], ['pg_crm'], ['crm-test'], ['crm"; drop'], ['a'.repeat(41)]])(
    'refuses the schema name %s',
    (schema) => {
      expect(problemsOf({ POSTGRES_URL: 'postgres://db/crm', POSTGRES_SCHEMA: schema })).toEqual([
        `POSTGRES_SCHEMA=${schema}: must be 1 to 40 lower-case letters, digits or _, not starting with a digit or pg_`,
      ]);
    },
  );

  it('refuses a schema name without a PostgreSQL URL', () => {
    expect(problemsOf({ POSTGRES_SCHEMA: 'crm' })).toEqual([
      'POSTGRES_SCHEMA: set only together with POSTGRES_URL',
    ]);
  });

  it('refuses a half-set production configuration', () => {
    expect(problemsOf({ EVENTSTORE_URL: 'esdb://es:2113' })).toEqual([
      'EVENTSTORE_URL and MONGODB_URL: set both (production stores) or neither (embedded default), not one',
    ]);
  });

  it('names every bad value in one error, one line each', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      RUN_PROJECTORS: 'yes',
      MONGODB_URL: 'http://nope',
      EVENTSTORE_URL: 'esdb://ok:2113',
      CRM_ADMIN_KEY: 'short',
      CRM_MASTER_KEY: 'not-a-key',
      SQLITE_SYNCHRONOUS: 'OFF',
      READ_WAIT_TIMEOUT_MS: '-5',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT=abc: must be an integer from 0 to 65535',
        'LOG_LEVEL=loud: must be one of fatal, error, warn, info, debug, trace, silent',
        'RUN_PROJECTORS=yes: must be one of true, false',
        expect.stringMatching(/^MONGODB_URL: must look like mongodb:\/\//),
        'CRM_ADMIN_KEY: must be at least 24 characters without spaces',
        'CRM_MASTER_KEY: must be 32 bytes as 64 hex digits or base64',
        'SQLITE_SYNCHRONOUS=OFF: must be one of FULL, NORMAL',
        'READ_WAIT_TIMEOUT_MS=-5: must be an integer from 0 to 60000',
      ]),
    );
    expect(new ConfigError(problems).message.split('\n')).toHaveLength(problems.length + 1);
  });
});
