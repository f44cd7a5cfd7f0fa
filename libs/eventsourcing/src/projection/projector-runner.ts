import { EventEmitter } from 'node:events';
import type { DocumentStore } from '@crm/documents';
import { CheckpointMovedError } from '@crm/documents';
import type { EventStore, ReadAllPage } from '../store/event-store.port';
import type { Upcaster } from '../store/upcaster';
import { identityUpcaster } from '../store/upcaster';
import type { Projection } from './projection';
import type { DispatchedPage, ProjectorStatus, StoppedAt } from './projection-follower';
import { EventNotAppliedError, ProjectionFollower } from './projection-follower';
import type { ProjectionOwnership } from './projection-ownership';
import { ownsEverything } from './projection-ownership';
import { recordStop } from './projection-stops';

export type { ProjectorState, ProjectorStatus, StoppedAt } from './projection-follower';
export { EventNotAppliedError, PageGapError } from './projection-follower';

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
   * or after it has passed `checkpointEveryEvents` events, or once the log has been quiet.
   * Readers in other processes wait on stored checkpoints, so a worker keeps this short;
   * readers in the same process wait on the runner itself and never need it.
   */
  checkpointEveryMs?: number;
  checkpointEveryEvents?: number;
  /** How long the log must be quiet before every passed checkpoint is stored (default: checkpointEveryMs). */
  checkpointWhenQuietMs?: number;
  clock?: () => number;
  /** Which projections this process applies (default: all of them). */
  ownership?: ProjectionOwnership;
};

/** How a reader's wait for a position ended. */
export type WaitOutcome = 'reached' | 'timed-out' | 'stopped';

const silent: ProjectorLogger = { info: () => {}, warn: () => {}, error: () => {} };
const nothing = (): void => {};

/**
 * Runs projections off one reader of the log: each page is read once (from the checkpoint of
 * the projection furthest behind) and handed to every projection, which applies the events it
 * handles and commits them with its new checkpoint in one store transaction, so a crash at
 * any point neither loses nor double-counts an event. A page carries the position it was read
 * from, and a projection applies it only from its own checkpoint: one that is behind the page
 * (back from a backoff) reads the log itself up to it (docs/adr/0020). A projection that
 * cannot apply an event stops there and retries it with backoff while the others go on.
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
  private readonly ownership: ProjectionOwnership;
  /** Ends the current subscription or pause, so the loop reads again from the furthest-behind. */
  private interrupt: () => void = nothing;
  /** Re-arms the timer that ends the subscription when a parked projection is due again. */
  private rearm: () => void = nothing;
  private unwatchOwnership: () => void = nothing;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectorRunnerOptions = {},
  ) {
    this.upcaster = options.upcaster ?? identityUpcaster;
    this.logger = options.logger ?? silent;
    this.clock = options.clock ?? Date.now;
    this.ownership = options.ownership ?? ownsEverything;
    this.progress.setMaxListeners(0);
    this.followers = projections.map((p) => new ProjectionFollower(p, documents, this.clock));
    this.types = [...new Set(projections.flatMap((projection) => projection.handles))];
  }

  async start(): Promise<void> {
    this.controller = new AbortController();
    for (const follower of this.followers) {
      Object.assign(follower, { ready: false, standby: false, retryAt: 0, failures: 0 });
      follower.stopRecorded = undefined;
      follower.status.state = 'starting';
    }
    this.unwatchOwnership = this.ownership.onChange(() => this.ownershipChanged());
    this.ownershipChanged();
    this.loop = this.run(this.controller.signal);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.unwatchOwnership();
    this.controller.abort();
    await this.loop;
    await this.flush(this.followers);
    for (const follower of this.followers) {
      if (follower.status.state !== 'stopped') follower.status.state = 'idle';
    }
  }

  status(): ProjectorStatus[] {
    return this.followers.map(({ status }) => ({
      ...status,
      ...(status.stoppedAt && { stoppedAt: { ...status.stoppedAt } }),
    }));
  }

  /** The named projections that are stopped at an event before `position`: a wait for them is futile. */
  blocking(names: readonly string[], position: number): ProjectorStatus[] {
    return this.status().filter(
      (status) =>
        names.includes(status.name) && status.state === 'stopped' && status.position < position,
    );
  }

  /** Resolves true once every named projection has applied the log up to `position`, else false after the timeout. */
  async waitFor(names: readonly string[], position: number, timeoutMs: number): Promise<boolean> {
    return (await this.watch(names, position, timeoutMs, false)) === 'reached';
  }

  /**
   * Like `waitFor`, for readers: answers `stopped` at once when one of them is stopped at an
   * event before `position` (see `blocking`), rather than waiting out the timeout.
   */
  reach(names: readonly string[], position: number, timeoutMs: number): Promise<WaitOutcome> {
    return this.watch(names, position, timeoutMs, true);
  }

  private watch(
    names: readonly string[],
    position: number,
    timeoutMs: number,
    stopEarly: boolean,
  ): Promise<WaitOutcome> {
    const watched = [...new Set(names)].map((name) => this.followers.find((f) => f.name === name));
    const outcome = (): WaitOutcome | null => {
      if (watched.every((follower) => (follower?.position ?? 0) >= position)) return 'reached';
      if (stopEarly && this.blocking(names, position).length > 0) return 'stopped';
      return null;
    };
    const now = outcome();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const check = (): void => {
        const result = outcome();
        if (result) finish(result);
      };
      const finish = (result: WaitOutcome): void => {
        clearTimeout(timer);
        this.progress.off('progress', check);
        resolve(result);
      };
      const timer = setTimeout(() => finish(outcome() ?? 'timed-out'), timeoutMs);
      this.progress.on('progress', check);
    });
  }

  /** A projection this process now owns reloads its checkpoint (another process moved it). */
  private ownershipChanged(): void {
    for (const follower of this.followers) {
      const owned = this.ownership.owns(follower.name);
      if (owned !== follower.standby) continue;
      follower.standby = !owned;
      follower.ready = false;
      follower.status.state = owned ? 'starting' : 'standby';
      if (!owned) {
        delete follower.status.stoppedAt;
        delete follower.status.lastError;
      }
    }
    this.interrupt();
    this.progress.emit('progress');
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      await this.load(signal);
      const now = this.clock();
      const active = this.followers.filter((follower) => this.dispatchable(follower, now));
      if (active.length === 0) {
        await this.pause(this.nextRetryIn(now) ?? 1000, signal);
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
          if (follower.status.state !== 'stopped') follower.status.state = 'backing-off';
          follower.status.lastError = errorMessage(error);
        }
        this.logger.error('reading the log failed; retrying', {
          error: errorMessage(error),
          retryInMs: delay,
        });
        await this.pause(delay, signal);
      }
    }
  }

  private dispatchable(follower: ProjectionFollower, now: number): boolean {
    return follower.ready && !follower.standby && !follower.parkedAt(now);
  }

  /** Followers not ready yet (start, ownership, or after a rebuild moved their checkpoint) load. */
  private async load(signal: AbortSignal): Promise<void> {
    const now = this.clock();
    for (const follower of this.followers) {
      if (follower.ready || follower.standby || follower.parkedAt(now) || signal.aborted) continue;
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
      const retryIn = this.nextRetryIn(this.clock(), active);
      if (retryIn !== null) retryTimer = setTimeout(stopCursor, retryIn);
    };
    armRetry();
    this.interrupt = stopCursor;
    this.rearm = armRetry;
    let from = Math.min(...active.map((follower) => follower.position));
    const pages = this.events.subscribeToAll({
      fromPosition: from,
      types: this.types,
      batchSize: this.batchSize,
      signal: cursor.signal,
    });
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.nextPage(iterator, active);
        if (next.done) return;
        // The subscription hands out every event after `from` exactly once, in order.
        const page = this.upcast(next.value, from);
        from = next.value.position;
        for (const follower of active) await this.dispatch(follower, page);
        await this.flush(active.filter((follower) => this.flushDue(follower)));
        this.progress.emit('progress');
        if (active.some((follower) => !follower.ready || follower.standby)) return;
        // Catch-up reads and applies synchronously on the embedded stores: let I/O in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.interrupt = nothing;
      this.rearm = nothing;
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

  /** Hands the page to a follower that may apply now; one behind the page reads for itself. */
  private async dispatch(follower: ProjectionFollower, page: DispatchedPage): Promise<void> {
    if (!this.dispatchable(follower, this.clock())) return;
    try {
      await follower.follow(page, (from) => this.readFor(follower, from));
      this.succeeded(follower);
    } catch (error) {
      this.failed(follower, error);
    }
  }

  private async readFor(follower: ProjectionFollower, from: number): Promise<DispatchedPage> {
    const page = await this.events.readAll({
      fromPosition: from,
      limit: this.batchSize,
      types: follower.projection.handles,
    });
    return this.upcast(page, from);
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

  /** A follower that failed before and has now moved past the failure runs again. */
  private succeeded(follower: ProjectionFollower): void {
    const { state, stoppedAt } = follower.status;
    if (state === 'running') {
      // A stop recorded before this start is stale once it applies again.
      if (follower.stopRecorded !== false) this.recordStop(follower, null);
      return;
    }
    if (stoppedAt && follower.position < stoppedAt.position) return;
    if (follower.recovered() && stoppedAt) {
      this.recordStop(follower, null);
      this.logger.info('projection resumed past the event it had stopped at', {
        projection: follower.name,
        position: stoppedAt.position,
        type: stoppedAt.type,
        attempts: stoppedAt.attempts,
      });
    }
  }

  /**
   * Parks the follower with a backoff (stopped at the event, when the projection threw on
   * one), or has it reload when a rebuild or another owner moved its checkpoint.
   */
  private failed(follower: ProjectionFollower, error: unknown): void {
    if (error instanceof CheckpointMovedError) {
      this.logger.warn('projection checkpoint moved by another writer; reloading', {
        projection: follower.name,
      });
      follower.ready = false;
      this.interrupt();
      return;
    }
    // Past the event it stopped at: a new failure starts the backoff again.
    const stoppedAt = follower.status.stoppedAt;
    if (error instanceof EventNotAppliedError && stoppedAt?.position !== error.event.position)
      follower.failures = 0;
    follower.failures += 1;
    const delay = this.backoff(follower.failures);
    follower.retryAt = this.clock() + delay;
    follower.status.lastError = errorMessage(error);
    if (error instanceof EventNotAppliedError) this.stoppedAt(follower, error, delay);
    else {
      follower.status.state = 'backing-off';
      this.logger.error('projection failed; retrying', {
        projection: follower.name,
        error: follower.status.lastError,
        retryInMs: delay,
      });
    }
    this.rearm();
    this.progress.emit('progress');
  }

  private stoppedAt(follower: ProjectionFollower, error: EventNotAppliedError, delay: number) {
    const { event } = error;
    const previous = follower.status.stoppedAt;
    const again = previous?.eventId === event.metadata.eventId ? previous : undefined;
    const stoppedAt: StoppedAt = {
      position: event.position,
      type: event.type,
      streamId: event.streamId,
      eventId: event.metadata.eventId,
      error: error.message,
      since: again?.since ?? new Date(this.clock()).toISOString(),
      attempts: (again?.attempts ?? 0) + 1,
    };
    follower.status.state = 'stopped';
    follower.status.stoppedAt = stoppedAt;
    if (stoppedAt.attempts === 1) this.recordStop(follower, stoppedAt);
    this.logger.error('projection stopped at an event it cannot apply; retrying', {
      projection: follower.name,
      ...stoppedAt,
      retryInMs: delay,
    });
  }

  /** For processes that do not run it (crm-api without projectors, crm-cli); best effort. */
  private recordStop(follower: ProjectionFollower, stoppedAt: StoppedAt | null): void {
    follower.stopRecorded = stoppedAt !== null;
    recordStop(this.documents, follower.name, stoppedAt).catch((error: unknown) => {
      follower.stopRecorded = undefined;
      this.logger.warn('could not record where the projection stands', {
        projection: follower.name,
        error: errorMessage(error),
      });
    });
  }

  private backoff(failures: number): number {
    return Math.min(this.options.maxBackoffMs ?? 5000, 100 * 2 ** Math.min(failures, 10));
  }

  /**
   * Milliseconds until a parked follower is due. One left out of the subscription (`active`)
   * that is due already, e.g. it came due while the subscription opened, is due now: only a
   * new subscription includes it.
   */
  private nextRetryIn(now: number, active: readonly ProjectionFollower[] = []): number | null {
    const due = this.followers
      .filter((f) => f.retryAt > now || (!f.standby && !active.includes(f)))
      .map((f) => Math.max(0, f.retryAt - now));
    return due.length ? Math.min(...due) : null;
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  private get checkpointEveryMs(): number {
    return this.options.checkpointEveryMs ?? 20;
  }

  private flushDue(follower: ProjectionFollower): boolean {
    return (
      follower.storedAgeMs >= this.checkpointEveryMs ||
      follower.eventsSinceStored >= (this.options.checkpointEveryEvents ?? 1_000)
    );
  }

  private upcast(page: ReadAllPage, from: number): DispatchedPage {
    return {
      from,
      events: page.events.map((event) => this.upcaster.upcast(event)),
      position: page.position,
    };
  }

  /** Sleeps, or less when interrupted (ownership changed) or stopped. */
  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.interrupt = nothing;
        resolve();
      };
      signal.addEventListener('abort', done);
      this.interrupt = done;
    });
  }
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
