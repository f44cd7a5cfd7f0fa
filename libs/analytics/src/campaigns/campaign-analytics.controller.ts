import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CampaignResultsPageResponse, SearchCampaignsDto } from '@crm/marketing';
import { ErrorBody, MinPosition } from '@crm/platform';
import { Roles } from '@crm/security';
import type { CampaignResultsPage } from './campaign-results.query';
import { SearchCampaignResultsQuery } from './campaign-results.query';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ErrorBody,
  description: 'Invalid input: names the field and rule',
})
@ApiResponse({ status: 401, type: ErrorBody })
@ApiResponse({ status: 403, type: ErrorBody })
@ApiResponse({
  status: 503,
  type: ErrorBody,
  description: 'A store is down or the read model is behind; see Retry-After',
})
@Controller('analytics/campaigns')
export class CampaignAnalyticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'Results of every campaign, newest plan first, by status and channel (paged)',
    description:
      'Per campaign: audience size, distinct respondents by kind, response rate, live ' +
      'conversions, conversion rate, and per currency attributed revenue, cost and ROI = ' +
      '(attributed revenue − cost) / cost (null with a reason when the cost is 0).',
  })
  @ApiOkResponse({ type: CampaignResultsPageResponse })
  list(
    @Query() query: SearchCampaignsDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<CampaignResultsPage> {
    return this.queries.execute(new SearchCampaignResultsQuery(query, minPosition));
  }
}
