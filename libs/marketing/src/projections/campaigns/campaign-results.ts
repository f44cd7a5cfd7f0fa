import type { ExactMoney, Money } from '@crm/sales';
import { exactMoney, sumOf } from '@crm/sales';
import type { CampaignChannel, CampaignStatus, ResponseKind } from '../../domain/campaign';
import type { CampaignDocument } from './campaign.document';
import { noOpportunities } from './campaign-opportunities';

/** Results in one currency; ROI compares revenue and cost in the same currency only. */
export type CurrencyResults = {
  currency: string;
  conversions: number;
  /** A sum over many orders: exact (`amountExact`), `amount` null past 2^53 − 1. */
  attributedRevenue: ExactMoney;
  cost: Money;
  /** (attributed revenue − cost) / cost, exactly, rounded half up to 4 decimals; null when cost is 0. */
  roi: number | null;
  roiUnavailableReason: string | null;
};

export type CampaignResults = {
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  launchedAt: string | null;
  attributionEndsAt: string | null;
  audienceSize: number;
  responses: Record<ResponseKind, number>;
  respondents: number;
  /** respondents / audienceSize, rounded to 4 decimals. */
  responseRate: number | null;
  conversions: number;
  /** conversions / audienceSize, rounded to 4 decimals (explicit attributions may push it past 1). */
  conversionRate: number | null;
  ratesUnavailableReason: string | null;
  cost: Money;
  byCurrency: CurrencyResults[];
  /**
   * The pipeline's opportunities opened for the campaign, beside the attributed revenue and
   * never added to it (see campaign-opportunities.ts).
   */
  opportunities: OpportunityResults;
};

export type OpportunityResults = {
  opened: number;
  open: number;
  won: number;
  lost: number;
  /** won / (won + lost), rounded to 4 decimals; null when none closed. */
  winRate: number | null;
  /** Σ deal amount of the won opportunities per currency (exact). */
  pipelineRevenue: ExactMoney[];
};

const opportunityResults = (campaign: CampaignDocument): OpportunityResults => {
  const { opened, open, won, lost, wonAmount } = campaign.opportunities ?? noOpportunities();
  return {
    opened,
    open,
    won,
    lost,
    winRate: won + lost === 0 ? null : ratio(won, won + lost),
    pipelineRevenue: wonAmount.map(({ currency, amount }) => exactMoney(sumOf(amount), currency)),
  };
};

/** A ratio rounded half up to 4 decimals (ratios are not money, so a float is fine here). */
export const ratio = (numerator: number, denominator: number): number =>
  Math.round((numerator / denominator) * 10_000) / 10_000;

/**
 * (revenue − cost) / cost rounded half up to 4 decimals, computed on BigInt so a revenue past
 * 2^53 is not rounded first; only the 4-decimal result becomes a float.
 */
const exactRoi = (revenue: bigint, cost: bigint): number => {
  const numerator = 2n * 10_000n * (revenue - cost) + cost;
  const denominator = 2n * cost;
  const quotient = numerator / denominator;
  const floored = numerator % denominator < 0n ? quotient - 1n : quotient;
  return Number(floored) / 10_000;
};

const roiOf = (
  revenue: bigint,
  cost: Money,
  currency: string,
): Pick<CurrencyResults, 'roi' | 'roiUnavailableReason'> => {
  if (cost.currency !== currency) {
    return {
      roi: null,
      roiUnavailableReason: `the campaign's cost is in ${cost.currency}; revenue in ${currency} is not converted`,
    };
  }
  if (cost.amount === 0) {
    return { roi: null, roiUnavailableReason: 'the campaign cost is 0, so ROI is undefined' };
  }
  return { roi: exactRoi(revenue, BigInt(cost.amount)), roiUnavailableReason: null };
};

const currencyResults = (campaign: CampaignDocument): CurrencyResults[] => {
  const { cost } = campaign;
  const rows = campaign.conversions.some((c) => c.currency === cost.currency)
    ? campaign.conversions
    : [...campaign.conversions, { currency: cost.currency, conversions: 0, revenue: 0 }];
  return [...rows]
    .sort((a, b) => (a.currency < b.currency ? -1 : 1))
    .map(({ currency, conversions, revenue }) => ({
      currency,
      conversions,
      attributedRevenue: exactMoney(sumOf(revenue), currency),
      cost: { amount: currency === cost.currency ? cost.amount : 0, currency },
      ...roiOf(sumOf(revenue), cost, currency),
    }));
};

/** Every figure of GET /campaigns/:id/results, from the campaign's counters. */
export const campaignResults = (campaign: CampaignDocument): CampaignResults => {
  const conversions = campaign.conversions.reduce((sum, c) => sum + c.conversions, 0);
  const size = campaign.audienceSize;
  const reason =
    campaign.launchedAt === null
      ? 'the campaign has not been launched'
      : size === 0
        ? 'the audience is empty'
        : null;
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    channel: campaign.channel,
    status: campaign.status,
    launchedAt: campaign.launchedAt,
    attributionEndsAt: campaign.attributionEndsAt,
    audienceSize: size,
    responses: campaign.responses,
    respondents: campaign.respondents,
    responseRate: reason ? null : ratio(campaign.respondents, size),
    conversions,
    conversionRate: reason ? null : ratio(conversions, size),
    ratesUnavailableReason: reason,
    cost: campaign.cost,
    byCurrency: currencyResults(campaign),
    opportunities: opportunityResults(campaign),
  };
};
