import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomersModule } from '@crm/customers';
import type { ServiceDeskPolicy } from './domain/sla-policy';
import { defaultServiceDeskPolicy } from './domain/sla-policy';
import {
  SERVICE_DESK_CLOCK,
  SERVICE_DESK_POLICY,
  systemClock,
} from './application/service-desk.config';
import { ticketCommandHandlers } from './application/ticket-command.handlers';
import { ticketQueryHandlers } from './application/ticket-query.handlers';
import { TicketsController } from './http/tickets.controller';

@Module({
  imports: [CqrsModule, CustomersModule],
  controllers: [TicketsController],
  providers: [
    { provide: SERVICE_DESK_POLICY, useValue: defaultServiceDeskPolicy },
    { provide: SERVICE_DESK_CLOCK, useFactory: systemClock },
    ...ticketCommandHandlers,
    ...ticketQueryHandlers,
  ],
})
export class ServiceDeskModule {
  /** The module with other SLA targets or reopen window than the defaults. */
  static withPolicy(policy: ServiceDeskPolicy): DynamicModule {
    return {
      module: ServiceDeskModule,
      providers: [{ provide: SERVICE_DESK_POLICY, useValue: policy }],
    };
  }
}
