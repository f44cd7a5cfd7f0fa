import type { DocumentStore } from '@crm/documents';
import type { ProjectorRunner } from '@crm/eventsourcing';
import { ReadModelNotReadyError } from '../http/error-body';

const POLL_MS = 20;

/**
 * Read-your-writes: before a query, wait (bounded) until the read models it uses have applied
 * the log up to the position the client saw. In-process projectors are waited on directly;
 * projectors in another process are followed through their stored checkpoints.
 */
export class ReadModelFreshness {
  constructor(
    private readonly documents: DocumentStore,
    private readonly runner: ProjectorRunner | null,
    private readonly timeoutMs: number,
  ) {}

  async ensure(projections: readonly string[], minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined || minPosition <= 0) return;
    const reached = this.runner
      ? await this.runner.waitFor(projections, minPosition, this.timeoutMs)
      : await this.pollCheckpoints(projections, minPosition);
    if (!reached) throw new ReadModelNotReadyError(projections, minPosition);
  }

  private async pollCheckpoints(
    projections: readonly string[],
    position: number,
  ): Promise<boolean> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const checkpoints = await Promise.all(
        projections.map((name) => this.documents.getCheckpoint(name)),
      );
      if (checkpoints.every((checkpoint) => (checkpoint ?? 0) >= position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
