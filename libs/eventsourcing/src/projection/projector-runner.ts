import { EventEmitter } from 'node:events';
import type { DocumentStore } from '@crm/documents';
import { CheckpointMovedError } from '@crm/documents';
import type { EventStore, ReadAllPage } from '../store/event-store.port';
import type { Upcaster } from '../store/upcaster';
import { identityUpcaster } from '../store/upcaster';
import type { Projection } from './projection';
import type { DispatchedPage, ProjectorStatus } from './projection-follower';
import { ProjectionFollower } from './projection-follower';

export type { ProjectorStatus } from './projection-follower';

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
  /**
   * A projection with nothing to apply stores the checkpoint it has passed only this often,
   * or after `checkpointEveryPositions`, or once the log has been quiet. Readers
   * in other processes wait on stored checkpoints, so a worker keeps this short; readers in
   * the same process wait on the runner itself and never need it.
   */
  checkpointEveryMs?: number;
  checkpointEveryPositions?: number;
  /** How long the log must be quiet before every passed checkpoint is stored (default: checkpointEveryMs). */
  checkpointWhenQuietMs?: number;
  clock?: () => number;
};

const silent: ProjectorLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Runs projections off one reader of the log: each page is read once (from the checkpoint of
 * the projection furthest behind) and handed to every projection, which applies the events it
 * handles and commits them with its new checkpoint in one store transaction, so a crash at
 * any point neither loses nor double-counts an event. A projection that fails is parked with
 * a backoff while the others go on; a projection whose checkpoint a rebuild moved reloads.
 */
export class ProjectorRunner {
  private readonly progress = new EventEmitter();
  private readonly followers: ProjectionFollower[];
  private readonly types: readonly string[];
  private controller = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  private readonly upcaster: Upcaster;
  private readonly logger: ProjectorLogger;
  private readonly clock: () => number;
  /** Set while a subscription is open: a failure between pages reschedules or ends it. */
  private onFailure: ((reload: boolean) => void) | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectorRunnerOptions = {},
  ) {
    this.upcaster = options.upcaster ?? identityUpcaster;
    this.logger = options.logger ?? silent;
    this.clock = options.clock ?? Date.now;
    this.progress.setMaxListeners(0);
    this.followers = projections.map((p) => new ProjectionFollower(p, documents, this.clock));
    this.types = [...new Set(projections.flatMap((projection) => projection.handles))];
  }

  async start(): Promise<void> {
    this.controller = new AbortController();
    for (const follower of this.followers) {
      Object.assign(follower, { ready: false, retryAt: 0, failures: 0 });
      follower.status.state = 'starting';
    }
    this.loop = this.run(this.controller.signal);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
    await this.flush(this.followers);
    for (const follower of this.followers) follower.status.state = 'stopped';
  }

  status(): ProjectorStatus[] {
    return this.followers.map((follower) => ({ ...follower.status }));
  }

  /** Resolves true once every named projection has applied the log up to `position`. */
  waitFor(names: readonly string[], position: number, timeoutMs: number): Promise<boolean> {
    const watched = [...new Set(names)].map((name) => this.followers.find((f) => f.name === name));
    const reached = (): boolean =>
      watched.every((follower) => (follower?.position ?? 0) >= position);
    if (reached()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = (): void => {
        if (reached()) finish(true);
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

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      await this.load(signal);
      const now = this.clock();
      const active = this.followers.filter((f) => f.ready && !f.parkedAt(now));
      if (active.length === 0) {
        await sleep(this.nextRetryIn(now) ?? 1000, signal);
        continue;
      }
      try {
        await this.follow(active, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        const delay = this.backoff(failures);
        for (const follower of active) {
          follower.status.state = 'backing-off';
          follower.status.lastError = errorMessage(error);
        }
        this.logger.error('reading the log failed; retrying', {
          error: errorMessage(error),
          retryInMs: delay,
        });
        await sleep(delay, signal);
      }
    }
  }

  /** Followers not ready yet (start, or after a rebuild moved their checkpoint) load. */
  private async load(signal: AbortSignal): Promise<void> {
    const now = this.clock();
    for (const follower of this.followers) {
      if (follower.ready || follower.parkedAt(now) || signal.aborted) continue;
      try {
        await follower.load();
      } catch (error) {
        this.failed(follower, error);
      }
    }
    this.progress.emit('progress');
  }

  /**
   * One subscription from the furthest-behind active follower; it ends (and the loop
   * resubscribes) when a parked follower is due again or one must go back to reload.
   */
  private async follow(active: ProjectionFollower[], signal: AbortSignal): Promise<void> {
    const cursor = new AbortController();
    const stopCursor = (): void => cursor.abort();
    signal.addEventListener('abort', stopCursor);
    let retryTimer: NodeJS.Timeout | undefined;
    const armRetry = (): void => {
      clearTimeout(retryTimer);
      const retryIn = this.nextRetryIn(this.clock());
      if (retryIn !== null) retryTimer = setTimeout(stopCursor, retryIn);
    };
    armRetry();
    this.onFailure = (reload) => (reload ? stopCursor() : armRetry());
    const pages = this.events.subscribeToAll({
      fromPosition: Math.min(...active.map((follower) => follower.position)),
      types: this.types,
      batchSize: this.options.batchSize ?? 500,
      signal: cursor.signal,
    });
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.nextPage(iterator, active);
        if (next.done) return;
        const page = this.upcast(next.value);
        for (const follower of active) await this.dispatch(follower, page);
        await this.flush(active.filter((follower) => this.flushDue(follower)));
        this.progress.emit('progress');
        if (active.some((follower) => !follower.ready)) return;
        // Catch-up reads and applies synchronously on the embedded stores: let I/O in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.onFailure = null;
      signal.removeEventListener('abort', stopCursor);
      clearTimeout(retryTimer);
      cursor.abort();
      await iterator.return?.();
    }
  }

  /**
   * The next page. While projections hold checkpoints they have passed but not stored, wait
   * for it at most `checkpointWhenQuietMs`: a log that quiet is idle, so store them all.
   */
  private async nextPage(
    iterator: AsyncIterator<ReadAllPage>,
    active: ProjectionFollower[],
  ): Promise<IteratorResult<ReadAllPage>> {
    const next = iterator.next();
    if (!active.some((follower) => follower.dirty)) return next;
    let timer: NodeJS.Timeout | undefined;
    const idle = await Promise.race([
      next.then(
        () => false,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(
          () => resolve(true),
          this.options.checkpointWhenQuietMs ?? this.checkpointEveryMs,
        );
      }),
    ]);
    clearTimeout(timer);
    if (idle) await this.flush(active);
    return next;
  }

  private async dispatch(follower: ProjectionFollower, page: DispatchedPage): Promise<void> {
    if (!follower.ready || follower.parkedAt(this.clock())) return;
    try {
      await follower.apply(page);
    } catch (error) {
      this.failed(follower, error);
    }
  }

  private async flush(followers: ProjectionFollower[]): Promise<void> {
    for (const follower of followers) {
      if (!follower.dirty || follower.parkedAt(this.clock())) continue;
      try {
        await follower.flush();
      } catch (error) {
        this.failed(follower, error);
      }
    }
  }

  /** Parks the follower with a backoff, or has it reload when a rebuild moved its checkpoint. */
  private failed(follower: ProjectionFollower, error: unknown): void {
    follower.status.lastError = errorMessage(error);
    if (error instanceof CheckpointMovedError) {
      this.logger.warn('projection checkpoint moved by another writer; reloading', {
        projection: follower.name,
      });
      follower.ready = false;
      this.onFailure?.(true);
      return;
    }
    follower.failures += 1;
    const delay = this.backoff(follower.failures);
    follower.retryAt = this.clock() + delay;
    follower.status.state = 'backing-off';
    this.onFailure?.(false);
    this.logger.error('projection failed; retrying', {
      projection: follower.name,
      error: follower.status.lastError,
      retryInMs: delay,
    });
  }

  private backoff(failures: number): number {
    return Math.min(this.options.maxBackoffMs ?? 5000, 100 * 2 ** Math.min(failures, 10));
  }

  private nextRetryIn(now: number): number | null {
    const due = this.followers.filter((f) => f.retryAt > now).map((f) => f.retryAt - now);
    return due.length ? Math.min(...due) : null;
  }

  private get checkpointEveryMs(): number {
    return this.options.checkpointEveryMs ?? 20;
  }

  private flushDue(follower: ProjectionFollower): boolean {
    return (
      follower.storedAgeMs >= this.checkpointEveryMs ||
      follower.unstoredPositions >= (this.options.checkpointEveryPositions ?? 1_000)
    );
  }

  private upcast(page: ReadAllPage): DispatchedPage {
    return {
      events: page.events.map((event) => this.upcaster.upcast(event)),
      position: page.position,
    };
  }
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

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
