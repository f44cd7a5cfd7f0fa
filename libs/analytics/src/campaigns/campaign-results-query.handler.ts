import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { campaignResults, ensureCampaignResultsFresh, searchCampaigns } from '@crm/marketing';
import { ReadModelFreshness } from '@crm/platform';
import type { CampaignResultsPage } from './campaign-results.query';
import { SearchCampaignResultsQuery } from './campaign-results.query';

@QueryHandler(SearchCampaignResultsQuery)
export class SearchCampaignResultsHandler implements IQueryHandler<SearchCampaignResultsQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ search, minPosition }: SearchCampaignResultsQuery): Promise<CampaignResultsPage> {
    await ensureCampaignResultsFresh(this.freshness, this.documents, minPosition);
    const page = await searchCampaigns(this.documents, {
      status: search.status,
      channel: search.channel,
      limit: search.limit ?? 50,
      cursor: search.cursor,
    });
    return { items: page.items.map(campaignResults), nextCursor: page.nextCursor };
  }
}
