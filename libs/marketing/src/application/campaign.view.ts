import type { CampaignDocument } from '../projections/campaigns/campaign.document';

/** GET /campaigns/:id: the plan and lifecycle; the figures are under /results. */
export type CampaignView = Omit<
  CampaignDocument,
  '_id' | '_position' | 'responses' | 'respondents' | 'conversions'
>;

export const toCampaignView = (document: CampaignDocument): CampaignView => {
  const {
    _id,
    _position,
    responses: _responses,
    respondents: _respondents,
    conversions: _conversions,
    ...view
  } = document;
  return view;
};
