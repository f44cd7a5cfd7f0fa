import type { DocumentStore, Filter, Page } from '@crm/documents';
import type { CampaignChannel, CampaignStatus } from '../../domain/campaign';
import type { CampaignDocument } from './campaign.document';
import { CAMPAIGNS } from './campaign.document';

export type CampaignSearch = {
  status?: CampaignStatus;
  channel?: CampaignChannel;
  limit: number;
  cursor?: string;
};

export const getCampaign = (documents: DocumentStore, campaignId: string) =>
  documents.get<CampaignDocument>(CAMPAIGNS, campaignId);

/** Newest plans first, by status and channel. */
export const searchCampaigns = (
  documents: DocumentStore,
  search: CampaignSearch,
): Promise<Page<CampaignDocument>> => {
  const filter: Filter = {};
  if (search.status) filter.status = search.status;
  if (search.channel) filter.channel = search.channel;
  return documents.find<CampaignDocument>(CAMPAIGNS, filter, {
    sort: { plannedAt: -1 },
    limit: search.limit,
    cursor: search.cursor,
  });
};
