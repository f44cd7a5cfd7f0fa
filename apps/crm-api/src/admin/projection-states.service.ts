import { Inject, Injectable } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore, ProjectorState, RebuildProgress, StoppedAt } from '@crm/eventsourcing';
import { EVENT_STORE, ProjectorRunner, countLag, readStops } from '@crm/eventsourcing';
import type { AppConfig } from '@crm/platform';
import { APP_CONFIG } from '@crm/platform';
import { ProjectionRebuilds } from './projection-rebuilds.service';

/** Lag is counted up to this many events (a bounded read); beyond it, "at least". */
export const LAG_COUNT_CAP = 10_001;

export type ProjectionView = {
  name: string;
  /** Stored checkpoint. */
  checkpoint: number;
  /** Position applied up to: the stored checkpoint, or further in process (docs/adr/0011). */
  position: number;
  /** `external`: it runs in another process (crm-projector), which has not reported it stopped. */
  state: ProjectorState | 'external';
  behind: boolean;
  /** Events after `position`, counted up to the cap; `lagCapped`: at least that many. */
  lagEvents: number;
  lagCapped: boolean;
  stoppedAt?: StoppedAt;
  lastError?: string;
  rebuild: RebuildProgress | null;
};

/** What operators see of each projection: admin endpoint, CLI, readiness detail. */
@Injectable()
export class ProjectionStates {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly runner: ProjectorRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rebuilds: ProjectionRebuilds,
  ) {}

  async list(lagCap = LAG_COUNT_CAP): Promise<ProjectionView[]> {
    const running = new Map(this.runner.status().map((status) => [status.name, status]));
    // Projectors in another process report only where they are stopped, through the store.
    const stops = this.config.runProjectors ? null : await readStops(this.documents);
    return Promise.all(
      this.runner.projections.map(async ({ name }): Promise<ProjectionView> => {
        const checkpoint = (await this.documents.getCheckpoint(name)) ?? 0;
        const status = this.config.runProjectors ? running.get(name) : undefined;
        const position = status && status.position > checkpoint ? status.position : checkpoint;
        const lag = await countLag(this.events, position, lagCap);
        const stoppedAt = status?.stoppedAt ?? stops?.get(name);
        return {
          name,
          checkpoint,
          position,
          state: status?.state ?? (stoppedAt ? 'stopped' : 'external'),
          behind: lag.behind,
          lagEvents: lag.events,
          lagCapped: lag.capped,
          ...(stoppedAt && { stoppedAt }),
          ...(status?.lastError && { lastError: status.lastError }),
          rebuild: this.rebuilds.progressOf(name),
        };
      }),
    );
  }
}
