import { EventEmitter } from 'node:events';
import type { DocumentStore } from '@crm/documents';
import { CheckpointMovedError } from '@crm/documents';
import type { EventStore } from '../store/event-store.port';
import type { Upcaster } from '../store/upcaster';
import { identityUpcaster } from '../store/upcaster';
import type { Projection } from './projection';
import { ProjectionUnitOfWork } from './unit-of-work';

export type ProjectorLogger = {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
};

export type ProjectorRunnerOptions = {
  upcaster?: Upcaster;
  batchSize?: number;
  logger?: ProjectorLogger;
  /** Longest pause between retries while a store is down or a projection fails. */
  maxBackoffMs?: number;
};

export type ProjectorStatus = {
  name: string;
  position: number;
  state: 'starting' | 'running' | 'backing-off' | 'stopped';
  lastError?: string;
};

const silent: ProjectorLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Runs projections: each catches up from its stored checkpoint, then follows the live log.
 * Every page of events is applied to a unit of work and committed with the new checkpoint in
 * one store transaction, so a crash at any point neither loses nor double-counts an event.
 */
export class ProjectorRunner {
  private readonly progress = new EventEmitter();
  private readonly statuses = new Map<string, ProjectorStatus>();
  private controller = new AbortController();
  private loops: Promise<void>[] = [];
  private readonly upcaster: Upcaster;
  private readonly logger: ProjectorLogger;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectorRunnerOptions = {},
  ) {
    this.upcaster = options.upcaster ?? identityUpcaster;
    this.logger = options.logger ?? silent;
    this.progress.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.controller = new AbortController();
    for (const projection of this.projections) {
      this.statuses.set(projection.name, { name: projection.name, position: 0, state: 'starting' });
    }
    this.loops = this.projections.map((projection) => this.follow(projection));
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.loops);
    for (const status of this.statuses.values()) status.state = 'stopped';
  }

  status(): ProjectorStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  /** Resolves true once every named projection has applied the log up to `position`. */
  waitFor(names: readonly string[], position: number, timeoutMs: number): Promise<boolean> {
    const reached = (): boolean =>
      names.every((name) => (this.statuses.get(name)?.position ?? 0) >= position);
    if (reached()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = (): void => {
        if (!reached()) return;
        finish(true);
      };
      const finish = (result: boolean): void => {
        clearTimeout(timer);
        this.progress.off('progress', check);
        resolve(result);
      };
      const timer = setTimeout(() => finish(reached()), timeoutMs);
      this.progress.on('progress', check);
    });
  }

  private async follow(projection: Projection): Promise<void> {
    const signal = this.controller.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.catchUpAndFollow(projection, signal);
        return;
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        const status = this.mustStatus(projection.name);
        status.lastError = error instanceof Error ? error.message : String(error);
        if (error instanceof CheckpointMovedError) {
          this.logger.warn('projection checkpoint moved by another writer; reloading', {
            projection: projection.name,
          });
          failures = 0;
          continue;
        }
        status.state = 'backing-off';
        const delay = Math.min(
          this.options.maxBackoffMs ?? 5000,
          100 * 2 ** Math.min(failures, 10),
        );
        this.logger.error('projection failed; retrying', {
          projection: projection.name,
          error: status.lastError,
          retryInMs: delay,
        });
        await sleep(delay, signal);
      }
    }
  }

  private async catchUpAndFollow(projection: Projection, signal: AbortSignal): Promise<void> {
    // Again on every (re)start: a reset by `rebuild` drops the collections and their indexes.
    for (const collection of projection.collections) {
      await this.documents.ensureCollection(collection);
    }
    let checkpoint = await this.documents.getCheckpoint(projection.name);
    const status = this.mustStatus(projection.name);
    status.position = checkpoint ?? 0;
    status.state = 'running';
    this.progress.emit('progress');
    const pages = this.events.subscribeToAll({
      fromPosition: checkpoint ?? 0,
      types: projection.handles,
      batchSize: this.options.batchSize ?? 500,
      signal,
    });
    for await (const page of pages) {
      const unitOfWork = new ProjectionUnitOfWork(this.documents);
      for (const event of page.events) {
        await projection.apply(this.upcaster.upcast(event), unitOfWork);
      }
      await this.documents.commit({
        writes: unitOfWork.writes,
        checkpoint: { name: projection.name, position: page.position, expected: checkpoint },
      });
      checkpoint = page.position;
      status.position = page.position;
      status.state = 'running';
      delete status.lastError;
      this.progress.emit('progress');
    }
  }

  private mustStatus(name: string): ProjectorStatus {
    const status = this.statuses.get(name);
    if (!status) throw new Error(`unknown projection ${name}`);
    return status;
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
