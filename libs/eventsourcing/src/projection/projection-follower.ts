import type { DocumentStore, DocumentWrite } from '@crm/documents';
import type { RecordedEvent } from '../store/event';
import type { Projection } from './projection';
import { ProjectionUnitOfWork } from './unit-of-work';

export type ProjectorStatus = {
  name: string;
  /** Log position this projection has applied up to (its read model reflects the log there). */
  position: number;
  state: 'starting' | 'running' | 'backing-off' | 'stopped';
  lastError?: string;
};

/** A page of the log as the runner hands it to every projection: events already upcast. */
export type DispatchedPage = { events: readonly RecordedEvent[]; position: number };

/**
 * One projection inside the runner: where it is, and its share of each page of the log.
 * A page with events it handles is applied and committed with the new checkpoint in one
 * transaction. A page with none only moves its position in memory: the stored checkpoint
 * catches up later (`flush`), and a crash in between replays events it does not handle,
 * so nothing is lost or counted twice.
 */
export class ProjectionFollower {
  readonly status: ProjectorStatus;
  /** Collections ensured and checkpoint loaded; false again after a rebuild moved it. */
  ready = false;
  /** Parked after a failure until this time (ms since epoch). */
  retryAt = 0;
  failures = 0;
  private stored: number | null = null;
  private storedAt = 0;
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
    return this.ready && this.status.position > (this.stored ?? 0);
  }

  /** How far it has applied beyond its stored checkpoint. */
  get unstoredPositions(): number {
    return this.status.position - (this.stored ?? 0);
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
    this.status.position = this.stored ?? 0;
    this.status.state = 'running';
    this.ready = true;
  }

  /** Applies the page's events it handles and has not applied yet. */
  async apply(page: DispatchedPage): Promise<void> {
    const from = this.status.position;
    if (page.position <= from) return this.healthy();
    let unitOfWork: ProjectionUnitOfWork | null = null;
    for (const event of page.events) {
      if (event.position <= from || !this.handles.has(event.type)) continue;
      unitOfWork ??= new ProjectionUnitOfWork(this.documents);
      await this.projection.apply(event, unitOfWork);
    }
    if (unitOfWork) await this.commit(unitOfWork.writes, page.position);
    else this.status.position = page.position;
    this.healthy();
  }

  /** Stores the checkpoint it has reached without writing documents. */
  async flush(): Promise<void> {
    if (this.dirty) await this.commit([], this.status.position);
  }

  private async commit(writes: DocumentWrite[], position: number): Promise<void> {
    await this.documents.commit({
      writes,
      checkpoint: { name: this.name, position, expected: this.stored },
    });
    this.stored = position;
    this.storedAt = this.clock();
    this.status.position = position;
  }

  private healthy(): void {
    this.status.state = 'running';
    delete this.status.lastError;
    this.failures = 0;
  }
}
