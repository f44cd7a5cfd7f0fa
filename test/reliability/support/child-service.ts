import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { enforceFetchedContract } from '../../support/openapi-contract';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/**
 * Compiles the apps into a private folder (not `dist/`, which other runs may be rebuilding)
 * with an incremental build, so only the first run pays the full ~20 s.
 */
export const buildApps = async (): Promise<string> => {
  const outDir = join(ROOT, 'node_modules/.cache/crm-chaos/build');
  const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
  await run(
    bin('tsc'),
    [
      '-p',
      'tsconfig.build.json',
      '--outDir',
      outDir,
      '--incremental',
      '--tsBuildInfoFile',
      `${outDir}.tsbuildinfo`,
    ],
    { cwd: ROOT, timeout: 180_000 },
  );
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: ROOT,
    timeout: 60_000,
  });
  const main = join(outDir, 'apps/crm-api/src/main.js');
  if (!existsSync(main)) throw new Error(`build produced no ${main}`);
  return outDir;
};

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The real crm-api as a child process on 127.0.0.1, restartable on the same data folder. */
export class ChildService {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  readonly url: string;
  starts = 0;

  constructor(
    private readonly options: {
      buildDir: string;
      dataDir: string;
      port: number;
      adminKey: string;
      logFile: string;
      env?: Record<string, string>;
    },
  ) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the service and waits (bounded) until it answers /health/live. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.child) throw new Error('already running');
    const log = createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(
      process.execPath,
      [join(this.options.buildDir, 'apps/crm-api/src/main.js')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          CRM_DATA_DIR: this.options.dataDir,
          PORT: String(this.options.port),
          HOST: '127.0.0.1',
          CRM_ADMIN_KEY: this.options.adminKey,
          LOG_LEVEL: 'warn',
          ...this.options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    this.child = child;
    this.starts += 1;
    this.exited = new Promise((done) =>
      child.once('exit', () => {
        if (this.child === child) this.child = null;
        log.end();
        done();
      }),
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`crm-api exited during start; see ${this.options.logFile}`);
      const live = await fetch(`${this.url}/health/live`, {
        signal: AbortSignal.timeout(1_000),
      }).catch(() => null); // not listening yet
      if (live && (await enforceFetchedContract('GET', live.url, live)).ok) return;
      await sleep(50);
    }
    throw new Error(`crm-api did not answer within ${timeoutMs} ms; see ${this.options.logFile}`);
  }

  /** SIGKILL: no shutdown hooks, no flush, like a power cut of the process. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it does not stop in time. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
