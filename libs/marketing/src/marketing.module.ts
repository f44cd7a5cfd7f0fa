import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandRunner } from '@crm/eventsourcing';
import { connectAttributionSaga } from './application/attribution/attribution-saga.connection';
import { campaignCommandHandlers } from './application/campaign-command.handlers';
import { campaignQueryHandlers } from './application/campaign-query.handlers';
import { MARKETING_CLOCK } from './application/marketing.config';
import { CampaignsController } from './http/campaigns.controller';

/**
 * Campaigns over HTTP. Needs AUDIENCE_SOURCE from the analytics campaigns module, and gives the
 * attribution saga this app's command runner (the projectors run it).
 */
@Module({
  imports: [CqrsModule],
  controllers: [CampaignsController],
  providers: [
    { provide: MARKETING_CLOCK, useValue: () => new Date() },
    ...campaignCommandHandlers,
    ...campaignQueryHandlers,
  ],
})
export class MarketingModule implements OnModuleInit, OnApplicationShutdown {
  private disconnect: (() => void) | null = null;

  constructor(private readonly runner: CommandRunner) {}

  onModuleInit(): void {
    this.disconnect = connectAttributionSaga(this.runner);
  }

  onApplicationShutdown(): void {
    this.disconnect?.();
  }
}
