import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore, Projection, RebuildProgress, Upcaster } from '@crm/eventsourcing';
import { EVENT_STORE, ProjectionRebuilder } from '@crm/eventsourcing';
import { PROJECTIONS, UPCASTERS } from '@crm/platform';
import { PiiProtection, withRevealedIndexes } from '@crm/security/pii';

/** Rebuilds started over HTTP, running in the background; their progress shows in readiness. */
@Injectable()
export class ProjectionRebuilds {
  private readonly logger = new Logger('rebuild');
  private readonly progress = new Map<string, RebuildProgress>();
  private readonly rebuilder: ProjectionRebuilder;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    @Inject(UPCASTERS) upcaster: Upcaster,
    pii: PiiProtection,
  ) {
    this.rebuilder = new ProjectionRebuilder(withRevealedIndexes(events, pii), documents, {
      upcaster,
    });
  }

  names(): string[] {
    return this.projections.map((p) => p.name);
  }

  start(name: string): RebuildProgress {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) {
      throw new NotFoundException(`no projection ${name}; known: ${this.names().join(', ')}`);
    }
    const current = this.progress.get(name);
    if (current && (current.state === 'building' || current.state === 'swapping')) {
      throw new ConflictException(
        `projection ${name} is already being rebuilt (${current.done}/${current.total})`,
      );
    }
    const started: RebuildProgress = {
      projection: name,
      state: 'building',
      done: 0,
      total: 0,
      eventsDone: 0,
      eventsTotal: 0,
      startedAt: new Date().toISOString(),
      eventsPerSecond: 0,
      etaSeconds: null,
    };
    this.progress.set(name, started);
    this.rebuilder
      .rebuild(projection, (progress) => this.progress.set(name, progress))
      .then((done) =>
        this.logger.log(`rebuilt ${name} up to ${done.total} at ${done.eventsPerSecond} events/s`),
      )
      .catch((error: unknown) => this.logger.error(`rebuild of ${name} failed: ${String(error)}`));
    return started;
  }

  status(): RebuildProgress[] {
    return [...this.progress.values()];
  }

  progressOf(name: string): RebuildProgress | null {
    return this.progress.get(name) ?? null;
  }
}
