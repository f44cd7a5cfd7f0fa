import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import {
  allProjections,
  contextModules,
  createUpcasters,
  importRowExtensions,
  profileSections,
  segmentLookup,
  piiFields,
  piiValueUpcasters,
  webhookEventTypes,
} from '@crm/composition';
import { IMPORT_LIMITS, IMPORT_ROW_EXTENSIONS } from '@crm/customers';
import { CommandRunner } from '@crm/eventsourcing';
import { WebhooksModule } from '@crm/webhooks';
import type { AppConfig } from '@crm/platform';
import { CUSTOMER_SEGMENT_LOOKUP, PROFILE_SECTIONS, PlatformModule } from '@crm/platform';
import { SecurityModule } from '@crm/security';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ObservabilityModule } from './observability/observability.module';
import { HealthModule } from './health/health.module';
import { createHttpLogger } from './observability/http-logging';

export { correlationIdOf } from './observability/http-logging';

/** The root pino logger of the app; `configureApp` gives each request a child of it. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = createHttpLogger(config.logLevel);
    return {
      module: AppModule,
      imports: [
        // No Nest middleware: requests are logged by Fastify hooks (see registerRequestLogging).
        LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] }),
        CqrsModule.forRoot(),
        PlatformModule.forRoot(config, {
          projections: allProjections,
          upcasters: createUpcasters(),
          piiFields,
          piiValueUpcasters,
        }),
        SecurityModule,
        HealthModule,
        ObservabilityModule,
        DashboardModule,
        AuditModule,
        AdminModule,
        WebhooksModule.forRoot({ eventTypes: webhookEventTypes }),
        ...contextModules,
      ],
      providers: [
        { provide: HTTP_LOGGER, useValue: logger },
        { provide: PROFILE_SECTIONS, useValue: profileSections },
        {
          provide: IMPORT_ROW_EXTENSIONS,
          useFactory: importRowExtensions,
          inject: [CommandRunner],
        },
        { provide: CUSTOMER_SEGMENT_LOOKUP, useValue: segmentLookup },
        { provide: IMPORT_LIMITS, useValue: { maxLineBytes: config.importMaxLineBytes } },
      ],
      exports: [
        HTTP_LOGGER,
        PROFILE_SECTIONS,
        CUSTOMER_SEGMENT_LOOKUP,
        IMPORT_ROW_EXTENSIONS,
        IMPORT_LIMITS,
      ],
      global: true,
    };
  }
}
