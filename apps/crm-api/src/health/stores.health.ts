import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { EVENT_STORE, ProjectorRunner } from '@crm/eventsourcing';
import type { AppConfig } from '@crm/platform';
import { APP_CONFIG } from '@crm/platform';
import { ProjectionRebuilds } from '../admin/projection-rebuilds.service';

/** Projectors further behind the head than this many events make the service not ready. */
export const MAX_READY_LAG_EVENTS = 10_000;

@Injectable()
export class StoresHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly projectors: ProjectorRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rebuilds: ProjectionRebuilds,
  ) {}

  async eventStore(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('eventStore');
    try {
      await this.events.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  async documentStore(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('documentStore');
    try {
      await this.documents.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  /** Lag of each projector behind the head of the log, from their stored checkpoints. */
  async projections(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('projections');
    try {
      const head = await this.events.headPosition();
      const running = new Map(this.projectors.status().map((s) => [s.name, s]));
      const details = await Promise.all(
        this.projectors.projections.map(async ({ name }) => {
          const position = (await this.documents.getCheckpoint(name)) ?? 0;
          const status = running.get(name);
          return {
            name,
            position,
            lag: Math.max(0, head - position),
            state: this.config.runProjectors ? status?.state : 'external',
            lastError: status?.lastError,
          };
        }),
      );
      const behind = details.filter((d) => d.lag > MAX_READY_LAG_EVENTS);
      const result = { head, projectors: details, rebuilds: this.rebuilds.status() };
      return behind.length === 0
        ? indicator.up(result)
        : indicator.down({
            ...result,
            message: `lagging: ${behind.map((d) => d.name).join(', ')}`,
          });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
