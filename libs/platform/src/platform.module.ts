import type { DynamicModule, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Logger, Module } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore, Projection } from '@crm/eventsourcing';
import { CommandRunner, EVENT_STORE, ProjectorRunner, UpcasterChain } from '@crm/eventsourcing';
import type { PiiFieldRegistry, PiiValueUpcasters } from '@crm/security/pii';
import {
  DataKeyStore,
  EncryptingEventStore,
  PiiHasher,
  PiiProtection,
  withRevealedIndexes,
} from '@crm/security/pii';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config';
import { ReadModelFreshness } from './read-models/read-model-freshness';
import { createStores } from './stores/create-stores';
import { DocumentIdempotencyRecords } from './stores/document-idempotency-records';
import type { Stores } from './stores/create-stores';
import { UPCASTERS } from './upcasters';

export const PROJECTIONS = Symbol('PROJECTIONS');
const IN_PROCESS_CHECKPOINT_EVERY_MS = 60_000;
export const STORES = Symbol('STORES');

/** What the product is made of, from the composition: read models, upcasters, personal data. */
export type PlatformComposition = {
  projections: readonly Projection[];
  upcasters: UpcasterChain;
  piiFields: PiiFieldRegistry;
  piiValueUpcasters: PiiValueUpcasters;
};

const warnAboutMasterKey = (stores: Stores, logger: Logger): void => {
  if (stores.masterKeyOrigin === 'env') return;
  logger.warn(
    `${stores.masterKeyOrigin === 'generated' ? 'CREATED a new' : 'Using the'} master key file ${stores.masterKeyPath ?? ''}. ` +
      'Anyone with this file and the data folder can read personal data: set CRM_MASTER_KEY from a secret store in production.',
  );
};

/** Stores, the command runner, the projectors and read-your-writes, for every context. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('platform');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(STORES) private readonly stores: Stores,
    private readonly projectors: ProjectorRunner,
  ) {}

  static forRoot(config: AppConfig, composition: PlatformComposition): DynamicModule {
    const { projections, upcasters, piiFields, piiValueUpcasters } = composition;
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PROJECTIONS, useValue: projections },
        { provide: UPCASTERS, useValue: upcasters },
        { provide: STORES, useFactory: () => createStores(config) },
        {
          provide: DataKeyStore,
          useFactory: (stores: Stores) => stores.dataKeys,
          inject: [STORES],
        },
        { provide: PiiHasher, useFactory: (stores: Stores) => stores.hasher, inject: [STORES] },
        {
          provide: PiiProtection,
          useFactory: (keys: DataKeyStore) => new PiiProtection(keys, piiFields, piiValueUpcasters),
          inject: [DataKeyStore],
        },
        {
          provide: EVENT_STORE,
          useFactory: (stores: Stores) => stores.events,
          inject: [STORES],
        },
        {
          provide: DOCUMENT_STORE,
          useFactory: (stores: Stores) => stores.documents,
          inject: [STORES],
        },
        {
          provide: DocumentIdempotencyRecords,
          useFactory: (documents: DocumentStore) => new DocumentIdempotencyRecords(documents),
          inject: [DOCUMENT_STORE],
        },
        {
          provide: CommandRunner,
          // Deciders see plaintext; personal data is sealed on its way into the log.
          useFactory: (
            events: EventStore,
            pii: PiiProtection,
            records: DocumentIdempotencyRecords,
          ) =>
            new CommandRunner(new EncryptingEventStore(events, pii), {
              upcaster: upcasters,
              idempotency: records,
            }),
          inject: [EVENT_STORE, PiiProtection, DocumentIdempotencyRecords],
        },
        {
          provide: ProjectorRunner,
          // Projections read blind indexes revealed, for the look-up documents they keep.
          useFactory: (events: EventStore, documents: DocumentStore, pii: PiiProtection) =>
            new ProjectorRunner(withRevealedIndexes(events, pii), documents, projections, {
              upcaster: upcasters,
              logger: nestLogger(new Logger('projector')),
              // Readers here wait on the runner itself (ReadModelFreshness); stored checkpoints
              // of projections with nothing to apply are for restarts and outside observers,
              // and each move of one makes the profile's RFM cache score everyone again.
              checkpointEveryMs: IN_PROCESS_CHECKPOINT_EVERY_MS,
              checkpointWhenQuietMs: 1000,
            }),
          inject: [EVENT_STORE, DOCUMENT_STORE, PiiProtection],
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
        STORES,
        EVENT_STORE,
        DOCUMENT_STORE,
        DataKeyStore,
        PiiHasher,
        PiiProtection,
        CommandRunner,
        DocumentIdempotencyRecords,
        ProjectorRunner,
        ReadModelFreshness,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    warnAboutMasterKey(this.stores, this.logger);
    if (!this.config.runProjectors) return;
    await this.projectors.start();
    this.logger.log(
      `projectors running in-process: ${this.projectors.projections.map((p) => p.name).join(', ')}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projectors.stop();
    await this.stores.close();
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
