import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { enforceFetchedContract } from '../../support/openapi-contract';

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Node running an app's TypeScript entry point as it is (SWC compiles on load, no build step). */
const nodeArgs = (app: 'crm-api' | 'crm-projector' | 'crm-cli'): string[] => [
  '-r',
  '@swc-node/register',
  join(ROOT, 'apps', app, 'src/main.ts'),
];

/** One real crm-api or crm-projector process; killed with SIGKILL like a power cut. */
export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly app: 'crm-api' | 'crm-projector',
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  get alive(): boolean {
    return this.child !== null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT ?? ''}`;
  }

  start(): void {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, nodeArgs(this.app), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    this.child = child;
    this.exited = new Promise((done) =>
      child.once('exit', () => {
        if (this.child === child) this.child = null;
        log.end();
        done();
      }),
    );
  }

  /** Until /health/live answers (crm-api) or the process logs that it runs (crm-projector). */
  async started(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`${this.name} exited during start; see ${this.logFile}`);
      if (this.app === 'crm-projector') {
        if (await this.logged('projectors running')) return;
      } else {
        const live = await fetch(`${this.url}/health/live`, {
          signal: AbortSignal.timeout(1000),
        }).catch(() => null); // not listening yet
        if (live && (await enforceFetchedContract('GET', live.url, live)).ok) return;
      }
      await sleep(100);
    }
    throw new Error(`${this.name} did not start within ${timeoutMs} ms; see ${this.logFile}`);
  }

  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  private async logged(text: string): Promise<boolean> {
    const { readFile } = await import('node:fs/promises');
    return (await readFile(this.logFile, 'utf8').catch(() => '')).includes(text);
  }
}

/** crm-cli with these settings; resolves with its exit status and output. */
export const runCli = async (
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> => {
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs('crm-cli'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 120_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
};
