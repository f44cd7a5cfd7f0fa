import type { OnModuleInit } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore } from '@crm/eventsourcing';
import { CommandRunner, EVENT_STORE, ProjectorRunner } from '@crm/eventsourcing';
import type { AppConfig } from '@crm/platform';
import { APP_CONFIG } from '@crm/platform';
import type { CommandObserver } from './command-observer';
import { CommandMetrics } from './command-observer';
import { CrmMetrics } from './crm-metrics';
import { registerHttpMetrics } from './http-metrics.hook';
import { MetricsController } from './metrics.controller';
import { ProjectorLagCollector } from './projector-lag.collector';

/** The command runner once it takes observers (the lead's change to libs/eventsourcing). */
type ObservableRunner = { observe?: (observer: CommandObserver) => void };

/** Prometheus metrics at GET /metrics (public), fed by a Fastify hook, the command runner and the stores. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    CrmMetrics,
    {
      provide: CommandMetrics,
      useFactory: (metrics: CrmMetrics) => new CommandMetrics(metrics),
      inject: [CrmMetrics],
    },
    {
      provide: ProjectorLagCollector,
      useFactory: (
        events: EventStore,
        documents: DocumentStore,
        runner: ProjectorRunner,
        config: AppConfig,
        metrics: CrmMetrics,
      ) => new ProjectorLagCollector(events, documents, runner, config.runProjectors, metrics),
      inject: [EVENT_STORE, DOCUMENT_STORE, ProjectorRunner, APP_CONFIG, CrmMetrics],
    },
  ],
  exports: [CrmMetrics, CommandMetrics],
})
export class ObservabilityModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: CrmMetrics,
    // Constructed for its gauges, which read the stores when Prometheus scrapes.
    _lag: ProjectorLagCollector,
    private readonly commandMetrics: CommandMetrics,
    private readonly runner: CommandRunner,
  ) {}

  onModuleInit(): void {
    (this.runner as CommandRunner & ObservableRunner).observe?.(this.commandMetrics);
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerHttpMetrics(fastify, this.metrics);
  }
}
