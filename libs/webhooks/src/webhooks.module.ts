import type {
  BeforeApplicationShutdown,
  DynamicModule,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Inject, Logger, Module } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { EventStore, Upcaster } from '@crm/eventsourcing';
import { EVENT_STORE } from '@crm/eventsourcing';
import type { AppConfig } from '@crm/platform';
import { APP_CONFIG, UPCASTERS } from '@crm/platform';
import { PiiProtection } from '@crm/security/pii';
import { WebhookAdmin } from './admin/webhook-admin';
import { WebhookDispatcher } from './delivery/webhook-dispatcher';
import { WebhookTargetPolicy } from './delivery/webhook-target';
import { WebhooksController } from './http/webhooks.controller';
import type { WebhookSettings } from './webhook-settings';
import { WEBHOOK_SETTINGS, loadWebhookSettings } from './webhook-settings';

export type WebhooksModuleOptions = {
  /** Every event type the product appends: what endpoints may subscribe to (besides `*`). */
  eventTypes: readonly string[];
  /** Over the `WEBHOOK_*` environment variables. */
  settings?: Partial<WebhookSettings>;
};

/**
 * Admin endpoints for webhooks, and the dispatcher, started only where the projectors run
 * (RUN_PROJECTORS); elsewhere (crm-projector) start a WebhookDispatcher directly.
 */
@Module({})
export class WebhooksModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('webhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  static forRoot(options: WebhooksModuleOptions): DynamicModule {
    return {
      module: WebhooksModule,
      controllers: [WebhooksController],
      providers: [
        {
          provide: WEBHOOK_SETTINGS,
          useFactory: (): WebhookSettings => ({
            ...loadWebhookSettings(process.env),
            ...options.settings,
          }),
        },
        {
          provide: WebhookTargetPolicy,
          // The API's own port stays refused even where loopback receivers are allowed.
          useFactory: (settings: WebhookSettings, config: AppConfig) =>
            new WebhookTargetPolicy({
              allowLoopback: settings.allowLoopback,
              allowPrivateNetworks: settings.allowPrivateNetworks,
              selfPorts: [config.port],
            }),
          inject: [WEBHOOK_SETTINGS, APP_CONFIG],
        },
        {
          provide: WebhookAdmin,
          useFactory: (
            documents: DocumentStore,
            events: EventStore,
            targets: WebhookTargetPolicy,
          ) => new WebhookAdmin(documents, events, options.eventTypes, targets),
          inject: [DOCUMENT_STORE, EVENT_STORE, WebhookTargetPolicy],
        },
        {
          provide: WebhookDispatcher,
          useFactory: (
            events: EventStore,
            documents: DocumentStore,
            pii: PiiProtection,
            upcaster: Upcaster,
            settings: WebhookSettings,
            targets: WebhookTargetPolicy,
          ) =>
            new WebhookDispatcher({
              targets,
              events,
              documents,
              pii,
              upcaster,
              settings,
              logger: nestLogger(new Logger('webhooks')),
            }),
          inject: [
            EVENT_STORE,
            DOCUMENT_STORE,
            PiiProtection,
            UPCASTERS,
            WEBHOOK_SETTINGS,
            WebhookTargetPolicy,
          ],
        },
      ],
      exports: [WebhookAdmin, WebhookDispatcher],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runProjectors) return;
    await this.dispatcher.start();
    this.logger.log('webhook dispatcher running in-process');
  }

  /** Before the platform closes the stores: the dispatcher records its last attempts. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
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
