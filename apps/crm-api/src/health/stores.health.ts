import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { EVENT_STORE } from '@crm/eventsourcing';
import { ProjectionRebuilds } from '../admin/projection-rebuilds.service';
import type { ProjectionView } from '../admin/projection-states.service';
import { ProjectionStates } from '../admin/projection-states.service';

/** Projectors further behind the log than this many events make the service not ready. */
export const MAX_READY_LAG_EVENTS = 10_000;

const describeStopped = ({ name, stoppedAt }: ProjectionView): string =>
  stoppedAt
    ? `${name} stopped at event ${stoppedAt.position} (${stoppedAt.type}): ${stoppedAt.error}`
    : `${name} stopped`;

@Injectable()
export class StoresHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly states: ProjectionStates,
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

  /**
   * Each projector's state and how many events it is behind (counted up to just past the
   * bound, never head minus checkpoint). One stopped at an event it cannot apply, or behind
   * by more than the bound, makes the service not ready.
   */
  async projections(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('projections');
    try {
      const head = await this.events.headPosition();
      const projectors = await this.states.list(MAX_READY_LAG_EVENTS + 1);
      const stopped = projectors.filter((p) => p.state === 'stopped');
      const behind = projectors.filter((p) => p.lagEvents > MAX_READY_LAG_EVENTS);
      const result = { head, projectors, rebuilds: this.rebuilds.status() };
      const problems = [
        ...stopped.map(describeStopped),
        ...(behind.length ? [`lagging: ${behind.map((p) => p.name).join(', ')}`] : []),
      ];
      return problems.length === 0
        ? indicator.up(result)
        : indicator.down({ ...result, message: problems.join('; ') });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
