import type { LaunchedCampaign } from '../../domain/attribution-rule';
import type { Attribution } from '../../domain/campaign';

/** The saga's own read model: a projection sees only what it has written itself. */
export type LaunchedCampaignDocument = LaunchedCampaign & {
  _id: string;
  /** The digest of the chunked audience launched; null (or absent) for an inline audience. */
  audienceDigest?: string | null;
};

/** A chunk put the customer in this audience of the campaign: it counts once that is launched. */
export type AudienceMembership = { campaignId: string; digest: string };

/**
 * The campaigns whose audience holds a customer: `campaignIds` from launches that carried their
 * ids inline, `audiences` from audience chunks, which count only when their digest was launched.
 */
export type CustomerCampaignsDocument = {
  _id: string;
  campaignIds: string[];
  audiences?: AudienceMembership[];
};

/** An order the saga credited to a campaign, so its refunds and cancellation find it. */
export type AttributedOrderDocument = {
  _id: string;
  orderId: string;
  customerId: string;
  campaignId: string;
  attribution: Attribution;
  /** `refused`: the campaign declined it (code kept), so nothing is reversed later. */
  outcome: 'recorded' | 'refused';
  refusal: string | null;
  _position: number;
};

/** The last log position the saga appended at, for read-your-writes on campaign results. */
export type AttributionProgressDocument = { _id: typeof PROGRESS_ID; appendedPosition: number };

export const ATTRIBUTION_PROJECTION = 'campaign-attribution';
export const ATTRIBUTION_CAMPAIGNS = 'attribution_campaigns';
export const ATTRIBUTION_AUDIENCES = 'attribution_audiences';
export const ATTRIBUTION_ORDERS = 'attribution_orders';
export const ATTRIBUTION_PROGRESS = 'attribution_progress';
export const PROGRESS_ID = 'appended';
