import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { TestingModuleBuilder } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig, Role } from '@crm/platform';
import { loadConfig } from '@crm/platform';
import { AppModule } from '../../apps/crm-api/src/app.module';
import { configureApp, createFastifyAdapter } from '../../apps/crm-api/src/bootstrap';
import { enforceContract } from './openapi-contract';

export type HttpResponse<T = any> = { status: number; body: T; headers: Headers };

export type RequestOptions = {
  body?: unknown;
  key?: string | null;
  headers?: Record<string, string>;
  raw?: string;
};

export type TestApp = {
  app: NestFastifyApplication;
  url: string;
  dataDir: string;
  adminKey: string;
  config: AppConfig;
  request<T = any>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<HttpResponse<T>>;
  /** A new API key with this role, created through the admin endpoint. */
  keyFor(role: Role): Promise<string>;
  close(options?: { keepData?: boolean }): Promise<void>;
};

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/**
 * The real app (every module, the embedded stores on a fresh temporary folder, projectors
 * in-process) listening on 127.0.0.1 on a free port, driven over real HTTP.
 */
export const startTestApp = async (
  env: Record<string, string> = {},
  options: {
    dataDir?: string;
    /** Replaces providers before the app starts (a pinned clock, say). */
    override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  } = {},
): Promise<TestApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const config = loadConfig({
    CRM_DATA_DIR: dataDir,
    CRM_ADMIN_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  const moduleRef = await (options.override?.(builder) ?? builder).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createFastifyAdapter(config),
    { logger: false, bodyParser: false },
  );
  await configureApp(app, config, { logs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const keys = new Map<Role, string>();

  const request = async <T>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? TEST_ADMIN_KEY : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
    }
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    enforceContract(method, path, {
      status: response.status,
      contentType: response.headers.get('content-type'),
      text,
    });
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (e.g. the docs page)
    }
    return { status: response.status, body: body as T, headers: response.headers };
  };

  return {
    app,
    url,
    dataDir,
    adminKey: TEST_ADMIN_KEY,
    config,
    request,
    async keyFor(role) {
      const existing = keys.get(role);
      if (existing) return existing;
      const created = await request<{ token: string }>('POST', '/admin/api-keys', {
        body: { name: `test ${role}`, role },
      });
      if (created.status !== 201)
        throw new Error(`could not create a ${role} key: ${JSON.stringify(created.body)}`);
      keys.set(role, created.body.token);
      return created.body.token;
    },
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
