import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AUDIENCE_SOURCE } from '@crm/marketing';
import { CampaignAnalyticsController } from './campaign-analytics.controller';
import { CampaignAudienceSource } from './campaign-audience.source';
import { SearchCampaignResultsHandler } from './campaign-results-query.handler';

/**
 * GET /analytics/campaigns, and the audience source marketing resolves launches with. Global,
 * because marketing cannot import analytics (analytics depends on marketing's events).
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [CampaignAnalyticsController],
  providers: [
    SearchCampaignResultsHandler,
    { provide: AUDIENCE_SOURCE, useClass: CampaignAudienceSource },
  ],
  exports: [AUDIENCE_SOURCE],
})
export class CampaignAnalyticsModule {}
