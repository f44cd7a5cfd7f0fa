import { Query } from '@nestjs/cqrs';
import type { CampaignResults, SearchCampaignsDto } from '@crm/marketing';

export type CampaignResultsPage = { items: CampaignResults[]; nextCursor: string | null };

export class SearchCampaignResultsQuery extends Query<CampaignResultsPage> {
  constructor(
    readonly search: SearchCampaignsDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
