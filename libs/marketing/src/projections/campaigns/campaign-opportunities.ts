import type { ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { StoredSum } from '@crm/sales';
import { sumOf, sumText } from '@crm/sales';
import type { CampaignDocument } from './campaign.document';
import { CAMPAIGNS } from './campaign.document';

/**
 * Campaign attribution of the pipeline's opportunities. The pipeline context publishes these
 * events (its contract, read here by type and shape, as the campaign saga reads orders'); an
 * opportunity opened with a `campaignId` is that campaign's for good. Its figures stand beside
 * the order-based attributed revenue and are never added to it: a won deal that places its order
 * is credited by that order's attribution (attributedRevenue, ROI) and shown here by its deal
 * amount (pipeline revenue), so a sale is never counted twice in one figure.
 */
export const OPPORTUNITY_EVENT_TYPES = [
  'OpportunityOpened',
  'OpportunityWon',
  'OpportunityLost',
  'OpportunityReopened',
] as const;

export type OpportunityTotals = {
  opened: number;
  open: number;
  won: number;
  lost: number;
  /** Σ deal amount of the won opportunities per currency (decimal strings: unbounded sums). */
  wonAmount: { currency: string; amount: StoredSum }[];
};

/** Which campaign an opportunity counts for, and where it stands (a projection's own memory). */
export type CampaignOpportunityDocument = {
  _id: string;
  campaignId: string;
  status: 'open' | 'won' | 'lost';
  _position?: number;
};

export const CAMPAIGN_OPPORTUNITIES = 'campaign_opportunities';

export const noOpportunities = (): OpportunityTotals => ({
  opened: 0,
  open: 0,
  won: 0,
  lost: 0,
  wonAmount: [],
});

const addWon = (totals: OpportunityTotals['wonAmount'], currency: string, amount: number) => {
  const current = totals.find((t) => t.currency === currency);
  const next = { currency, amount: sumText(sumOf(current?.amount) + BigInt(amount)) };
  return [...totals.filter((t) => t.currency !== currency), next].sort((a, b) =>
    a.currency < b.currency ? -1 : 1,
  );
};

type Step = { status: CampaignOpportunityDocument['status']; change: Partial<Counts> };
type Counts = Omit<OpportunityTotals, 'wonAmount'>;

/** The status an event leaves the opportunity in, and the counters it moves. */
const stepOf = (type: string): Step | null => {
  switch (type) {
    case 'OpportunityOpened':
      return { status: 'open', change: { opened: 1, open: 1 } };
    case 'OpportunityWon':
      return { status: 'won', change: { open: -1, won: 1 } };
    case 'OpportunityLost':
      return { status: 'lost', change: { open: -1, lost: 1 } };
    case 'OpportunityReopened':
      return { status: 'open', change: { lost: -1, open: 1 } };
    default:
      return null;
  }
};

/** Pure: the campaign's opportunity counters after one opportunity event. */
export const creditOpportunity = (
  totals: OpportunityTotals,
  event: Pick<RecordedEvent, 'type' | 'data'>,
): OpportunityTotals => {
  const step = stepOf(event.type);
  if (!step) return totals;
  const next = { ...totals };
  for (const [key, delta] of Object.entries(step.change) as [keyof Counts, number][]) {
    next[key] += delta;
  }
  const money = event.data.amount as { amount?: unknown; currency?: unknown } | undefined;
  if (
    event.type === 'OpportunityWon' &&
    typeof money?.amount === 'number' &&
    typeof money.currency === 'string'
  ) {
    next.wonAmount = addWon(totals.wonAmount, money.currency, money.amount);
  }
  return next;
};

/**
 * Applies an opportunity event. An opportunity counts for its campaign only if that campaign's
 * document exists when it opens (a deal opened for a campaign not planned yet, or unknown, is
 * not credited); only then is it remembered, so its later events move that campaign's counters
 * and those of a deal never credited move nothing.
 */
export const applyOpportunityEvent = async (
  event: RecordedEvent,
  context: ProjectionContext,
): Promise<void> => {
  const { opportunityId, campaignId } = event.data;
  const step = stepOf(event.type);
  if (typeof opportunityId !== 'string' || !step) return;
  const known = await context.get<CampaignOpportunityDocument>(
    CAMPAIGN_OPPORTUNITIES,
    opportunityId,
  );
  if (known?._position !== undefined && known._position >= event.position) return;
  const ofCampaign =
    event.type === 'OpportunityOpened'
      ? typeof campaignId === 'string'
        ? campaignId
        : null
      : (known?.campaignId ?? null);
  if (ofCampaign === null) return;
  const campaign = await context.get<CampaignDocument>(CAMPAIGNS, ofCampaign);
  if (!campaign) return;
  context.put(CAMPAIGN_OPPORTUNITIES, {
    _id: opportunityId,
    campaignId: ofCampaign,
    status: step.status,
    _position: event.position,
  });
  if (campaign._position !== undefined && campaign._position >= event.position) return;
  const opportunities = creditOpportunity(campaign.opportunities ?? noOpportunities(), event);
  context.put(CAMPAIGNS, { ...campaign, opportunities, _position: event.position });
};
