import { Query } from '@nestjs/cqrs';
import type { CampaignResults } from '../projections/campaigns/campaign-results';
import type { CampaignView } from './campaign.view';

export class GetCampaignQuery extends Query<CampaignView> {
  constructor(
    readonly campaignId: string,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class GetCampaignResultsQuery extends Query<CampaignResults> {
  constructor(
    readonly campaignId: string,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
