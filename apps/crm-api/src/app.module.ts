import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  allProjections,
  contextModules,
  createUpcasters,
  profileSections,
  segmentLookup,
  piiFields,
  piiValueUpcasters,
  webhookEventTypes,
} from '@crm/composition';
import { WebhooksModule } from '@crm/webhooks';
import type { AppConfig } from '@crm/platform';
import { CUSTOMER_SEGMENT_LOOKUP, PROFILE_SECTIONS, PlatformModule } from '@crm/platform';
import { SecurityModule } from '@crm/security';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ObservabilityModule } from './observability/observability.module';
import { HealthModule } from './health/health.module';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The correlation id of a request: the caller's X-Correlation-Id when sane, else a new one. */
export const correlationIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
};

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: correlationIdOf,
            customProps: (request) => ({ correlationId: request.id }),
            redact: ['req.headers.authorization'],
            autoLogging: {
              ignore: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
            },
          },
        }),
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
        { provide: PROFILE_SECTIONS, useValue: profileSections },
        { provide: CUSTOMER_SEGMENT_LOOKUP, useValue: segmentLookup },
      ],
      exports: [PROFILE_SECTIONS, CUSTOMER_SEGMENT_LOOKUP],
      global: true,
    };
  }
}
