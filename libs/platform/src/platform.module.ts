import type { DynamicModule, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Logger, Module } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore, Projection } from '@crm/eventsourcing';
import { CommandRunner, EVENT_STORE, ProjectorRunner, UpcasterChain } from '@crm/eventsourcing';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config';
import { ReadModelFreshness } from './read-models/read-model-freshness';
import { createStores } from './stores/create-stores';
import { UPCASTERS } from './upcasters';

export const PROJECTIONS = Symbol('PROJECTIONS');

/** Stores, the command runner, the projectors and read-your-writes, for every context. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('platform');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly projectors: ProjectorRunner,
  ) {}

  static forRoot(
    config: AppConfig,
    projections: readonly Projection[],
    upcasters: UpcasterChain,
  ): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PROJECTIONS, useValue: projections },
        { provide: UPCASTERS, useValue: upcasters },
        { provide: 'STORES', useFactory: () => createStores(config) },
        {
          provide: EVENT_STORE,
          useFactory: (stores: { events: EventStore }) => stores.events,
          inject: ['STORES'],
        },
        {
          provide: DOCUMENT_STORE,
          useFactory: (stores: { documents: DocumentStore }) => stores.documents,
          inject: ['STORES'],
        },
        {
          provide: CommandRunner,
          useFactory: (events: EventStore) => new CommandRunner(events, { upcaster: upcasters }),
          inject: [EVENT_STORE],
        },
        {
          provide: ProjectorRunner,
          useFactory: (events: EventStore, documents: DocumentStore) =>
            new ProjectorRunner(events, documents, projections, {
              upcaster: upcasters,
              logger: nestLogger(new Logger('projector')),
            }),
          inject: [EVENT_STORE, DOCUMENT_STORE],
        },
        {
          provide: ReadModelFreshness,
          useFactory: (documents: DocumentStore, runner: ProjectorRunner) =>
            new ReadModelFreshness(
              documents,
              config.runProjectors ? runner : null,
              config.readWaitTimeoutMs,
            ),
          inject: [DOCUMENT_STORE, ProjectorRunner],
        },
      ],
      exports: [
        APP_CONFIG,
        PROJECTIONS,
        UPCASTERS,
        EVENT_STORE,
        DOCUMENT_STORE,
        CommandRunner,
        ProjectorRunner,
        ReadModelFreshness,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runProjectors) return;
    await this.projectors.start();
    this.logger.log(
      `projectors running in-process: ${this.projectors.projections.map((p) => p.name).join(', ')}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projectors.stop();
    await this.events.close();
    await this.documents.close();
  }
}

const nestLogger = (logger: Logger) => ({
  info: (message: string, context?: Record<string, unknown>) =>
    logger.log({ msg: message, ...context }),
  warn: (message: string, context?: Record<string, unknown>) =>
    logger.warn({ msg: message, ...context }),
  error: (message: string, context?: Record<string, unknown>) =>
    logger.error({ msg: message, ...context }),
});
