import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Http } from './campaign-http';
import { contractFetch, enforceFetchedContract } from '../../../../test/support/openapi-contract';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const CHILD_ADMIN_KEY = 'crash-test-admin-key-0123456789';

/**
 * The compiled crm-api: CRM_E2E_BUILD_DIR when set (built beforehand), otherwise compiled here
 * into a temporary folder with the project's tsc, leaving the shared dist/ alone. A TS runner
 * such as tsx cannot stand in: esbuild emits no decorator metadata, which Nest injects by.
 */
export const compiledServer = (): { main: string; cleanUp(): void } => {
  const prebuilt = process.env.CRM_E2E_BUILD_DIR;
  const outDir = prebuilt ?? mkdtempSync(join(tmpdir(), 'crm-build-'));
  if (!prebuilt) {
    for (const tool of ['tsc', 'tsc-alias']) {
      execFileSync(
        join(REPO_ROOT, 'node_modules', '.bin', tool),
        ['-p', 'tsconfig.build.json', '--outDir', outDir],
        { cwd: REPO_ROOT, stdio: 'pipe' },
      );
    }
  }
  return {
    main: join(outDir, 'apps', 'crm-api', 'src', 'main.js'),
    cleanUp: () => {
      if (!prebuilt) rmSync(outDir, { recursive: true, force: true });
    },
  };
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export type ChildServer = {
  child: ChildProcess;
  http: Http;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
};

/** crm-api as its own process on 127.0.0.1, on the given data folder; ready when /health/live is. */
export const startChildServer = async (
  main: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> => {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_PATH: join(REPO_ROOT, 'node_modules'),
      CRM_DATA_DIR: dataDir,
      CRM_ADMIN_KEY: CHILD_ADMIN_KEY,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      READ_WAIT_TIMEOUT_MS: '10000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const http: Http = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    headers.authorization = `Bearer ${options.key ?? CHILD_ADMIN_KEY}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const response = await contractFetch(`${base}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`crm-api exited at start:\n${stderr}`);
    const live = await fetch(`${base}/health/live`).catch(() => null);
    if (live && (await enforceFetchedContract('GET', live.url, live)).ok) break;
    if (Date.now() > deadline) throw new Error(`crm-api did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    http,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};
