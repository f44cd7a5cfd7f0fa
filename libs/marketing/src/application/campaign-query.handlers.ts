import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';
import { CAMPAIGNS_PROJECTION } from '../projections/campaigns/campaign.document';
import type { CampaignResults } from '../projections/campaigns/campaign-results';
import { campaignResults } from '../projections/campaigns/campaign-results';
import { getCampaign } from '../projections/campaigns/campaigns.queries';
import { ensureCampaignResultsFresh } from './campaign-results-freshness';
import { GetCampaignQuery, GetCampaignResultsQuery } from './campaign.queries';
import type { CampaignView } from './campaign.view';
import { toCampaignView } from './campaign.view';

const notFound = (campaignId: string) =>
  new NotFoundException(`campaign ${campaignId} does not exist`);

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ campaignId, minPosition }: GetCampaignQuery): Promise<CampaignView> {
    await this.freshness.ensure([CAMPAIGNS_PROJECTION], minPosition);
    const campaign = await getCampaign(this.documents, campaignId);
    if (!campaign) throw notFound(campaignId);
    return toCampaignView(campaign);
  }
}

@QueryHandler(GetCampaignResultsQuery)
export class GetCampaignResultsHandler implements IQueryHandler<GetCampaignResultsQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ campaignId, minPosition }: GetCampaignResultsQuery): Promise<CampaignResults> {
    await ensureCampaignResultsFresh(this.freshness, this.documents, minPosition);
    const campaign = await getCampaign(this.documents, campaignId);
    if (!campaign) throw notFound(campaignId);
    return campaignResults(campaign);
  }
}

export const campaignQueryHandlers = [GetCampaignHandler, GetCampaignResultsHandler];
