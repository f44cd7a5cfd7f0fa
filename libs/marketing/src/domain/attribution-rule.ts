import type { Attribution } from './campaign';
import { attributionWindow, windowCovers } from './attribution-window';

/** What the attribution rule needs to know about a launched campaign. */
export type LaunchedCampaign = {
  campaignId: string;
  launchedAt: string;
  attributionEndsAt: string;
  cancelledAt: string | null;
  /** Log position of the launch: later launches are more recent touches. */
  launchPosition: number;
};

export type AttributionChoice = { campaignId: string; attribution: Attribution };

export const coversOrder = (campaign: LaunchedCampaign, placedAt: string): boolean =>
  windowCovers(
    attributionWindow(campaign.launchedAt, campaign.attributionEndsAt, campaign.cancelledAt),
    placedAt,
  );

/**
 * Which one campaign an order converts for, when several could claim it:
 * 1. the campaign the order names (campaignId), if it was launched and its window covers the
 *    order time; the customer need not be in its audience;
 * 2. otherwise last touch: of the launched campaigns whose audience holds the customer and
 *    whose window covers the order time, the most recently launched (latest in the log);
 * 3. otherwise none. An order never converts for two campaigns.
 */
export const chooseCampaign = (
  placedAt: string,
  named: LaunchedCampaign | null,
  audienceCampaigns: readonly LaunchedCampaign[],
): AttributionChoice | null => {
  if (named && coversOrder(named, placedAt)) {
    return { campaignId: named.campaignId, attribution: 'explicit' };
  }
  const latest = audienceCampaigns
    .filter((campaign) => coversOrder(campaign, placedAt))
    .reduce<LaunchedCampaign | null>(
      (best, campaign) =>
        best === null || campaign.launchPosition > best.launchPosition ? campaign : best,
      null,
    );
  return latest ? { campaignId: latest.campaignId, attribution: 'last_touch' } : null;
};
