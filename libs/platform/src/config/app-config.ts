import { join, resolve } from 'node:path';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every setting of the service, read from the environment once at start-up. */
export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  /** The key vault: master key file (unless CRM_MASTER_KEY) and the forget ledger; never backed up with the data. */
  keyDir: string;
  adminKey: string | undefined;
  masterKey: string | undefined;
  eventStoreUrl: string | undefined;
  mongoUrl: string | undefined;
  /** PostgreSQL for both stores, the forget ledger and the projector locks (POSTGRES_URL). */
  postgres: { url: string; schema: string } | undefined;
  runProjectors: boolean;
  logLevel: LogLevel;
  /** How long a read with `minPosition` waits for the read model before answering 503. */
  readWaitTimeoutMs: number;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** How long an embedded write waits for a lock before the request gets 503. */
  sqliteBusyTimeoutMs: number;
  bodyLimitBytes: number;
  /** Requests per minute per authenticated API key; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Requests per minute per client address without a valid API key; 0 turns the limit off. */
  rateLimitPerAddressPerMinute: number;
  /** The whole request (headers and body) must arrive within this (Node's requestTimeout). */
  httpRequestTimeoutMs: number;
  /** The request headers must arrive within this. */
  httpHeadersTimeoutMs: number;
  /** A connection with no traffic either way for this long is closed. */
  httpIdleTimeoutMs: number;
  /** Longest JSON line or CSV record an import reads (a longer JSON line is a rejected row, a longer CSV record 413). */
  importMaxLineBytes: number;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export const loadConfig = (env: Env = process.env): AppConfig => {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}=${raw}: must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}=${raw}: must be one of ${allowed.join(', ')}`);
    return fallback;
  };
  const url = (name: string, schemes: RegExp, example: string): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    if (!schemes.test(raw)) problems.push(`${name}: must look like ${example}`);
    return raw;
  };

  const eventStoreUrl = url(
    'EVENTSTORE_URL',
    /^(esdb|kurrentdb|kurrent)(\+discover)?:\/\/\S+$/i,
    'esdb://host:2113?tls=false',
  );
  const mongoUrl = url(
    'MONGODB_URL',
    /^mongodb(\+srv)?:\/\/\S+$/,
    'mongodb://host:27017/crm?replicaSet=rs0',
  );
  const postgres = postgresSettings(env, problems);
  if (postgres && (eventStoreUrl || mongoUrl)) {
    problems.push(
      'POSTGRES_URL: cannot be combined with EVENTSTORE_URL or MONGODB_URL; set one production backend',
    );
  } else if (Boolean(eventStoreUrl) !== Boolean(mongoUrl)) {
    problems.push(
      'EVENTSTORE_URL and MONGODB_URL: set both (production stores) or neither (embedded default), not one',
    );
  }
  const production = Boolean(eventStoreUrl && mongoUrl) || postgres !== undefined;
  const adminKey = env.CRM_ADMIN_KEY || undefined;
  if (adminKey !== undefined && (adminKey.length < 24 || /\s/.test(adminKey))) {
    problems.push('CRM_ADMIN_KEY: must be at least 24 characters without spaces');
  }
  const masterKey = env.CRM_MASTER_KEY || undefined;
  if (masterKey !== undefined && !/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/.test(masterKey)) {
    problems.push('CRM_MASTER_KEY: must be 32 bytes as 64 hex digits or base64');
  }

  const config: AppConfig = {
    port: integer('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.CRM_DATA_DIR || './data'),
    keyDir: resolve(env.CRM_KEY_DIR || join(env.CRM_DATA_DIR || './data', 'keys')),
    adminKey,
    masterKey,
    eventStoreUrl,
    mongoUrl,
    postgres,
    runProjectors:
      oneOf('RUN_PROJECTORS', ['true', 'false'], production ? 'false' : 'true') === 'true',
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    readWaitTimeoutMs: integer('READ_WAIT_TIMEOUT_MS', 2000, 0, 60000),
    sqliteSynchronous: oneOf('SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'], 'FULL'),
    sqliteBusyTimeoutMs: integer('SQLITE_BUSY_TIMEOUT_MS', 1000, 0, 60000),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 60_000, 0, 10_000_000),
    rateLimitPerAddressPerMinute: integer('RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 600, 0, 10_000_000),
    httpRequestTimeoutMs: integer('HTTP_REQUEST_TIMEOUT_MS', 120_000, 100, 3_600_000),
    httpHeadersTimeoutMs: integer('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    httpIdleTimeoutMs: integer('HTTP_IDLE_TIMEOUT_MS', 65_000, 100, 3_600_000),
    importMaxLineBytes: integer('IMPORT_MAX_LINE_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024),
  };
  if (config.httpHeadersTimeoutMs > config.httpRequestTimeoutMs) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (config.httpIdleTimeoutMs <= config.readWaitTimeoutMs) {
    problems.push(
      'HTTP_IDLE_TIMEOUT_MS: must exceed READ_WAIT_TIMEOUT_MS, or reads waiting for minPosition are cut off',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};

/** Short enough that the ledger's schema (`<schema>_vault`) and its channel stay within 63. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

const postgresSettings = (
  env: Env,
  problems: string[],
): { url: string; schema: string } | undefined => {
  const url = env.POSTGRES_URL || undefined;
  const schema = env.POSTGRES_SCHEMA || undefined;
  if (url === undefined) {
    if (schema !== undefined) problems.push('POSTGRES_SCHEMA: set only together with POSTGRES_URL');
    return undefined;
  }
  if (!/^postgres(ql)?:\/\/\S+$/.test(url) || !URL.canParse(url)) {
    problems.push('POSTGRES_URL: must look like postgres://user:password@host:5432/database');
  }
  if (schema !== undefined && (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_'))) {
    problems.push(
      `POSTGRES_SCHEMA=${schema}: must be 1 to 40 lower-case letters, digits or _, not starting with a digit or pg_`,
    );
  }
  return { url, schema: schema ?? 'crm' };
};

export const APP_CONFIG = Symbol('APP_CONFIG');
