import type { DocumentStore } from '@crm/documents';
import type { ProjectorRunner, ProjectorStatus } from '@crm/eventsourcing';
import { readStops } from '@crm/eventsourcing';
import { ReadModelNotReadyError } from '../http/error-body';

const POLL_MS = 20;
/** Projectors in another process record where they stopped; look every this many polls. */
const STOPS_EVERY_POLLS = 10;

/**
 * A read model the query needs is stopped at an event it cannot apply (ARCHITECTURE point 6):
 * waiting is futile until the cause is fixed, so the read answers 503 at once with the reason.
 */
export class ReadModelStoppedError extends ReadModelNotReadyError {
  override readonly message: string;
  constructor(projections: readonly string[], position: number, stopped: ProjectorStatus[]) {
    super(projections, position);
    this.message = stopped
      .map(({ name, stoppedAt }) =>
        stoppedAt
          ? `read model ${name} is stopped at event ${stoppedAt.position} (${stoppedAt.type}): ${stoppedAt.error}`
          : `read model ${name} is stopped`,
      )
      .join('; ');
  }
}

/**
 * Read-your-writes: before a query, wait (bounded) until the read models it uses have applied
 * the log up to the position the client saw. In-process projectors are waited on directly (and
 * a stopped one answers at once); projectors in another process are followed through their
 * stored checkpoints and the stops they record (PROJECTION_STOPS).
 */
export class ReadModelFreshness {
  constructor(
    private readonly documents: DocumentStore,
    private readonly runner: ProjectorRunner | null,
    private readonly timeoutMs: number,
  ) {}

  async ensure(projections: readonly string[], minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined || minPosition <= 0) return;
    if (!this.runner) {
      const outcome = await this.pollCheckpoints(projections, minPosition);
      if (outcome === 'reached') return;
      const stopped = await this.recordedStops(projections, minPosition);
      if (stopped.length > 0) throw new ReadModelStoppedError(projections, minPosition, stopped);
      throw new ReadModelNotReadyError(projections, minPosition);
    }
    const outcome = await this.runner.reach(projections, minPosition, this.timeoutMs);
    if (outcome === 'reached') return;
    const stopped = this.runner.blocking(projections, minPosition);
    if (stopped.length > 0) throw new ReadModelStoppedError(projections, minPosition, stopped);
    throw new ReadModelNotReadyError(projections, minPosition);
  }

  /** Until the stored checkpoints reach the position, the time is up, or one of them is stopped. */
  private async pollCheckpoints(
    projections: readonly string[],
    position: number,
  ): Promise<'reached' | 'timed-out' | 'stopped'> {
    const deadline = Date.now() + this.timeoutMs;
    for (let poll = 0; ; poll += 1) {
      const checkpoints = await Promise.all(
        projections.map((name) => this.documents.getCheckpoint(name)),
      );
      if (checkpoints.every((checkpoint) => (checkpoint ?? 0) >= position)) return 'reached';
      if (poll % STOPS_EVERY_POLLS === 0) {
        if ((await this.recordedStops(projections, position)).length > 0) return 'stopped';
      }
      if (Date.now() >= deadline) return 'timed-out';
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Where the projector process recorded a needed projection stopped before `position`. */
  private async recordedStops(
    projections: readonly string[],
    position: number,
  ): Promise<ProjectorStatus[]> {
    const stops = await readStops(this.documents);
    return projections.flatMap((name) => {
      const stoppedAt = stops.get(name);
      return stoppedAt && stoppedAt.position <= position
        ? [{ name, position: 0, state: 'stopped' as const, stoppedAt }]
        : [];
    });
  }
}
