import { Gauge } from 'prom-client';
import type { DocumentStore } from '@crm/documents';
import type { EventStore, ProjectorRunner, StoppedAt } from '@crm/eventsourcing';
import { countLag } from '@crm/eventsourcing';
import type { CrmMetrics } from './crm-metrics';

export type ProjectorLag = {
  name: string;
  position: number;
  lagEvents: number;
  lagSeconds: number;
  state: string;
  stoppedAt?: StoppedAt;
};

/** Lag is counted, not subtracted (positions are not dense): up to this many events per scrape. */
export const LAG_EVENTS_CAP = 1_000;

export type LagSnapshot = { head: number; projectors: ProjectorLag[] };

type LagGauge = {
  name: string;
  help: string;
  value: (lag: ProjectorLag) => number;
};

const PER_PROJECTOR: readonly LagGauge[] = [
  {
    name: 'crm_projector_position',
    help: 'Stored checkpoint (global log position) of each projector',
    value: (lag) => lag.position,
  },
  {
    name: 'crm_projector_lag_events',
    help: `Events after each projector's position, counted up to ${LAG_EVENTS_CAP} (the cap means at least that many)`,
    value: (lag) => lag.lagEvents,
  },
  {
    name: 'crm_projector_lag_seconds',
    help: 'Age of the oldest event a projector handles and has not applied yet (0 when caught up)',
    value: (lag) => lag.lagSeconds,
  },
];

/**
 * How far each projector is behind, read when Prometheus scrapes: the head of the log, each
 * stored checkpoint (so projectors running in crm-projector count too), and the age of the
 * oldest event a projector handles and has not applied yet.
 */
export class ProjectorLagCollector {
  private pending: Promise<LagSnapshot | null> | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly runner: ProjectorRunner,
    private readonly inProcess: boolean,
    private readonly metrics: CrmMetrics,
    private readonly clock: () => number = Date.now,
  ) {
    const snapshot = (): Promise<LagSnapshot | null> => this.snapshot();
    const registers = [metrics.registry];
    for (const { name, help, value } of PER_PROJECTOR) {
      new Gauge({
        name,
        help,
        labelNames: ['projector'],
        registers,
        async collect() {
          const lags = (await snapshot())?.projectors ?? [];
          for (const lag of lags) this.set({ projector: lag.name }, value(lag));
        },
      });
    }
    new Gauge({
      name: 'crm_projector_state',
      help: 'Each projector has 1 on its current state (external: it runs in crm-projector)',
      labelNames: ['projector', 'state'],
      registers,
      async collect() {
        const current = await snapshot();
        if (!current) return;
        this.reset();
        for (const lag of current.projectors)
          this.set({ projector: lag.name, state: lag.state }, 1);
      },
    });
    new Gauge({
      name: 'crm_projector_stopped_event_position',
      help: 'Log position of the event a stopped projector cannot apply (present only while it is stopped; its error is in the log and GET /admin/projections)',
      labelNames: ['projector', 'event_type'],
      registers,
      async collect() {
        const current = await snapshot();
        if (!current) return;
        this.reset();
        for (const { name, stoppedAt } of current.projectors) {
          if (stoppedAt)
            this.set({ projector: name, event_type: stoppedAt.type }, stoppedAt.position);
        }
      },
    });
    new Gauge({
      name: 'crm_event_store_head_position',
      help: 'Global position of the last event in the log',
      registers,
      async collect() {
        const current = await snapshot();
        if (current) this.set(current.head);
      },
    });
  }

  /** Every gauge collects during one scrape; they share one read of the stores. */
  snapshot(): Promise<LagSnapshot | null> {
    this.pending ??= this.read()
      .catch(() => {
        this.metrics.collectErrors.inc();
        return null;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  private async read(): Promise<LagSnapshot> {
    const head = await this.events.headPosition();
    const statuses = new Map(this.runner.status().map((status) => [status.name, status]));
    const projectors = await Promise.all(
      this.runner.projections.map(async ({ name, handles }): Promise<ProjectorLag> => {
        const stored = (await this.documents.getCheckpoint(name)) ?? 0;
        // In process the runner knows how far each has applied: one with nothing to apply
        // stores its checkpoint only now and then (docs/adr/0011).
        const applied = this.inProcess ? (statuses.get(name)?.position ?? 0) : 0;
        const position = Math.max(stored, applied);
        const status = this.inProcess ? statuses.get(name) : undefined;
        return {
          name,
          position,
          lagEvents: (await countLag(this.events, position, LAG_EVENTS_CAP)).events,
          lagSeconds: await this.oldestUnappliedAge(position, head, handles),
          state: this.inProcess ? (status?.state ?? 'starting') : 'external',
          ...(status?.stoppedAt && { stoppedAt: status.stoppedAt }),
        };
      }),
    );
    return { head, projectors };
  }

  private async oldestUnappliedAge(
    position: number,
    head: number,
    types: readonly string[],
  ): Promise<number> {
    if (position >= head) return 0;
    const page = await this.events.readAll({ fromPosition: position, limit: 1, types });
    const next = page.events[0];
    if (!next) return 0;
    return Math.max(0, (this.clock() - Date.parse(next.recordedAt)) / 1000);
  }
}
