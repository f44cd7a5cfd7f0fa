import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CommandContext } from '@crm/eventsourcing';
import type { CustomerRowCheck, CustomerRowChecker } from './customer-row-check';
import type { CheckRequest, CheckResponse } from './customer-row-check.worker';

type Waiting = { resolve: (checks: CustomerRowCheck[]) => void; reject: (error: Error) => void };

/** Run from TypeScript sources (tests, benchmarks), the worker compiles its file the same way. */
const workerFile = (): { file: string; execArgv?: string[] } => {
  const extension = extname(__filename);
  const file = join(__dirname, `customer-row-check.worker${extension}`);
  if (extension !== '.ts') return { file };
  // A worker inherits this thread's options; only a process without the loader needs it added.
  return process.execArgv.includes('@swc-node/register')
    ? { file }
    : { file, execArgv: ['-r', '@swc-node/register'] };
};

/**
 * Checks rows on a worker thread (a second core): validation, blind indexes and ids of the
 * next chunk are computed while this thread appends the previous one. The worker holds the
 * master key only to derive the blind-index key, as the main thread does. A worker that fails
 * or exits fails every chunk it was asked for, and the import with it: no row is skipped.
 */
export class WorkerRowChecker implements CustomerRowChecker {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (response: CheckResponse) => {
      const waiting = this.waiting.get(response.id);
      if (!waiting) return;
      this.waiting.delete(response.id);
      if ('error' in response) waiting.reject(new Error(response.error));
      else waiting.resolve(response.checks);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`row checker worker exited (${code})`)));
  }

  static start(masterKey: Buffer): WorkerRowChecker {
    const { file, execArgv } = workerFile();
    return new WorkerRowChecker(
      new Worker(file, {
        workerData: { masterKey: new Uint8Array(masterKey) },
        ...(execArgv ? { execArgv } : {}),
      }),
    );
  }

  check(
    rows: readonly Record<string, unknown>[],
    actor: CommandContext['actor'],
  ): Promise<CustomerRowCheck[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (rows.length === 0) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise<CustomerRowCheck[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: CheckRequest = { id, actor, rows: [...rows] };
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('row checker closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }
}
