import type { Money, StoredSum } from '@crm/sales';
import type { AudienceRule } from '../../domain/audience-rule';
import type { CampaignChannel, CampaignStatus, ResponseKind } from '../../domain/campaign';
import type { OpportunityTotals } from './campaign-opportunities';

/**
 * Live conversions and their net attributed revenue in one currency (minor units): a sum over
 * many orders, so a decimal string (a JSON number in documents written before issue 17).
 */
export type ConversionTotals = { currency: string; conversions: number; revenue: StoredSum };

/** One campaign: its plan, its lifecycle, and the counters its results are computed from. */
export type CampaignDocument = {
  _id: string;
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  cost: Money;
  startsAt: string;
  endsAt: string;
  attributionWindowDays: number;
  audienceRule: AudienceRule;
  plannedAt: string;
  launchedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  attributionEndsAt: string | null;
  /** Fixed at launch; 0 before. */
  audienceSize: number;
  /** The log position the audience was resolved at. */
  audienceResolvedAt: number | null;
  /** Distinct customers per response kind. */
  responses: Record<ResponseKind, number>;
  /** Distinct customers with any response. */
  respondents: number;
  conversions: ConversionTotals[];
  /** The pipeline's opportunities opened for the campaign (absent on documents from before). */
  opportunities?: OpportunityTotals;
  updatedAt: string;
  _position?: number;
};

/**
 * Who responded how: the position each kind first arrived at, so a replayed response is never
 * counted twice, even on a store that commits documents one by one.
 */
export type CampaignRespondentDocument = {
  _id: string;
  campaignId: string;
  customerId: string;
  firstPosition: number;
  kinds: Partial<Record<ResponseKind, number>>;
};

export const CAMPAIGNS = 'campaigns';
export const CAMPAIGN_RESPONDENTS = 'campaign_respondents';
export const CAMPAIGNS_PROJECTION = 'campaigns';

export const respondentId = (campaignId: string, customerId: string): string =>
  `${campaignId}:${customerId}`;
