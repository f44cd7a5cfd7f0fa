import type { DocumentStore, DocumentWrite } from '@crm/documents';
import type { RecordedEvent } from '../store/event';
import type { Projection } from './projection';
import { ProjectionUnitOfWork } from './unit-of-work';

/**
 * `running`: applying the log. `backing-off`: a store failed; it retries. `stopped`: an event
 * it cannot apply holds it (`stoppedAt`); it retries that event with backoff and never moves
 * past it. `standby`: another process owns it. `idle`: the runner is not running.
 */
export type ProjectorState =
  'starting' | 'running' | 'backing-off' | 'stopped' | 'standby' | 'idle';

/** The event a stopped projection cannot apply, and why. */
export type StoppedAt = {
  position: number;
  type: string;
  streamId: string;
  eventId: string;
  error: string;
  since: string;
  attempts: number;
};

export type ProjectorStatus = {
  name: string;
  /** Log position this projection has applied up to (its read model reflects the log there). */
  position: number;
  state: ProjectorState;
  lastError?: string;
  stoppedAt?: StoppedAt;
};

/**
 * A page of the log as a projection applies it: every event of the types it handles in
 * (`from`, `position`], already upcast. `from` is where the page was read from.
 */
export type DispatchedPage = {
  from: number;
  events: readonly RecordedEvent[];
  position: number;
};

/** A projection threw on an event: it stops there until the event applies. */
export class EventNotAppliedError extends Error {
  override readonly name = 'EventNotAppliedError';
  constructor(
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** A page that starts after the checkpoint would skip the events in between: never applied. */
export class PageGapError extends Error {
  override readonly name = 'PageGapError';
  constructor(projection: string, checkpoint: number, from: number) {
    super(`${projection} is at ${checkpoint}; a page read from ${from} would skip events`);
  }
}

/**
 * One projection inside the runner: where it is, and its share of each page of the log.
 * A page with events it handles is applied and committed with the new checkpoint in one
 * transaction. A page with none only moves its position in memory: the stored checkpoint
 * catches up later (`flush`), and a crash in between replays events it does not handle,
 * so nothing is lost or counted twice. A page is applied only if it was read from at or
 * before this projection's position (`apply`); otherwise the projection first reads the
 * log itself from its own position (`follow`), so it cannot move past an unapplied event.
 */
export class ProjectionFollower {
  readonly status: ProjectorStatus;
  /** Collections ensured and checkpoint loaded; false again after a rebuild moved it. */
  ready = false;
  /** Another process owns it: it applies nothing until it does. */
  standby = false;
  /** Parked after a failure until this time (ms since epoch). */
  retryAt = 0;
  failures = 0;
  /** Whether the document store says it is stopped (PROJECTION_STOPS); unknown after a start. */
  stopRecorded: boolean | undefined = undefined;
  private stored: number | null = null;
  private storedAt = 0;
  /** Events of the types the runner reads it has passed since its checkpoint was stored. */
  private unstoredEvents = 0;
  private readonly handles: ReadonlySet<string>;

  constructor(
    readonly projection: Projection,
    private readonly documents: DocumentStore,
    private readonly clock: () => number,
  ) {
    this.handles = new Set(projection.handles);
    this.status = { name: projection.name, position: 0, state: 'starting' };
  }

  get name(): string {
    return this.projection.name;
  }

  get position(): number {
    return this.status.position;
  }

  /** Applied further than its stored checkpoint says (only events it does not handle). */
  get dirty(): boolean {
    return this.ready && !this.standby && this.status.position > (this.stored ?? 0);
  }

  /** How many events (of the types the runner reads) it has passed without storing. */
  get eventsSinceStored(): number {
    return this.unstoredEvents;
  }

  /** Milliseconds since its checkpoint was last stored. */
  get storedAgeMs(): number {
    return this.clock() - this.storedAt;
  }

  parkedAt(now: number): boolean {
    return now < this.retryAt;
  }

  /** Again on every (re)start: a reset by `rebuild` drops the collections and their indexes. */
  async load(): Promise<void> {
    for (const collection of this.projection.collections) {
      await this.documents.ensureCollection(collection);
    }
    this.stored = await this.documents.getCheckpoint(this.name);
    this.storedAt = this.clock();
    this.unstoredEvents = 0;
    this.status.position = this.stored ?? 0;
    if (this.status.state !== 'stopped') this.status.state = 'running';
    this.ready = true;
  }

  /**
   * Applies a page read by someone else if it starts at or before this projection's position;
   * otherwise reads the log itself from its position until it reaches the page, then applies
   * what of the page is left.
   */
  async follow(page: DispatchedPage, read: (from: number) => Promise<DispatchedPage>) {
    while (page.from > this.status.position) {
      const own = await read(this.status.position);
      if (own.position <= this.status.position) break; // the shared page is newer than the log read
      await this.apply(own);
    }
    await this.apply(page);
  }

  /**
   * Applies the events of the page it handles and has not applied yet. If one throws, the
   * events before it are committed and it stops right at that event.
   */
  async apply(page: DispatchedPage): Promise<void> {
    const from = this.status.position;
    if (page.from > from) throw new PageGapError(this.name, from, page.from);
    if (page.position <= from) return;
    const events = page.events.filter((e) => e.position > from && this.handles.has(e.type));
    if (events.length === 0) {
      this.status.position = page.position;
      this.unstoredEvents += page.events.length;
      return;
    }
    const unitOfWork = new ProjectionUnitOfWork(this.documents);
    for (const [index, event] of events.entries()) {
      try {
        await this.projection.apply(event, unitOfWork);
      } catch (error) {
        await this.commitBefore(events, index);
        throw new EventNotAppliedError(event, error);
      }
    }
    await this.commit(unitOfWork.writes, page.position);
  }

  /**
   * Commits the events before the one that failed. They are applied again into a fresh unit of
   * work: the failed one may have written part of its change before it threw.
   */
  private async commitBefore(events: readonly RecordedEvent[], index: number): Promise<void> {
    const last = events[index - 1];
    if (!last) return;
    const unitOfWork = new ProjectionUnitOfWork(this.documents);
    for (const event of events.slice(0, index)) await this.projection.apply(event, unitOfWork);
    await this.commit(unitOfWork.writes, last.position);
  }

  /** Stores the checkpoint it has reached without writing documents. */
  async flush(): Promise<void> {
    if (this.dirty) await this.commit([], this.status.position);
  }

  /** Clears a failure once it has moved on; true if it was stopped at an event. */
  recovered(): boolean {
    const wasStopped = this.status.state === 'stopped';
    this.status.state = 'running';
    delete this.status.lastError;
    delete this.status.stoppedAt;
    this.failures = 0;
    return wasStopped;
  }

  private async commit(writes: DocumentWrite[], position: number): Promise<void> {
    await this.documents.commit({
      writes,
      checkpoint: { name: this.name, position, expected: this.stored },
    });
    this.stored = position;
    this.storedAt = this.clock();
    this.unstoredEvents = 0;
    this.status.position = position;
  }
}
